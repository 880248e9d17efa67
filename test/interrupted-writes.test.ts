/**
 * Once Ctrl-C has been taken, a build that is still running (say, its other formats
 * finishing while the browser is killed under one) must not go on to rename a new pack
 * into place: the CLI exits after its cleanups, and the previous pack stays whole.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeFiles } from '../src/io/write-files.js'
import { unlessInterrupted, whenInterruptible } from '../src/process-cleanup.js'

const out = mkdtempSync(join(tmpdir(), 'casebook-interrupted-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

/** Which settles first: `promise`, or a turn of the event loop after every pending callback. */
async function settlesBeforeNextTurn(promise: Promise<unknown>): Promise<boolean> {
  const later = new Promise((resolve) => setImmediate(() => setImmediate(() => resolve('later'))))
  return (await Promise.race([promise.then(() => 'settled'), later])) === 'settled'
}

describe('an interruption', () => {
  it('lets writes through before it, and holds every rename after it', async () => {
    await writeFiles(out, [{ path: 'zh-CN/report.html', bytes: 'before' }])
    expect(await settlesBeforeNextTurn(unlessInterrupted())).toBe(true)

    let exited = false
    whenInterruptible(() => (exited = true))
    expect(exited).toBe(true)
    expect(await settlesBeforeNextTurn(unlessInterrupted())).toBe(false)

    const writing = writeFiles(out, [{ path: 'zh-CN/report.html', bytes: 'after' }, { path: 'en/report.html', bytes: 'after' }])
    // The temps may be written; nothing is renamed into place, however long it is given.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await settlesBeforeNextTurn(writing)).toBe(false)
    expect(existsSync(join(out, 'en', 'report.html'))).toBe(false)
    expect(readdirSync(join(out, 'zh-CN')).filter((name) => !name.endsWith('.tmp'))).toEqual(['report.html'])
  })
})
