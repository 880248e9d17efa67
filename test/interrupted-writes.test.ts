/**
 * Once Ctrl-C has been taken, a build that is still running (say, its other formats
 * finishing while the browser is killed under one) must not go on to write a new pack:
 * the previous pack stays whole, and nothing of the new one is left behind. A write
 * already under way is waited for, so the pack is the old one or the new one.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { handleError } from '../src/cli/handle-error.js'
import { InterruptedError } from '../src/errors.js'
import { writeFiles } from '../src/io/write-files.js'
import { whenInterruptible } from '../src/process-cleanup.js'

const out = mkdtempSync(join(tmpdir(), 'casebook-interrupted-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('an interruption', () => {
  it('waits for a write under way, then stops any write from beginning', async () => {
    await writeFiles(out, [{ path: 'zh-CN/report.html', bytes: 'before' }])

    // Ctrl-C during a write: the exit waits for it to finish.
    let exited = false
    const writing = writeFiles(out, [{ path: 'zh-CN/report.html', bytes: 'new' }])
    whenInterruptible(() => (exited = true))
    expect(exited).toBe(false)
    await writing
    expect(exited).toBe(true)
    expect(readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8')).toBe('new')

    // After it: nothing is written, not even a temp file.
    await expect(writeFiles(out, [{ path: 'zh-CN/report.html', bytes: 'after' }, { path: 'en/report.html', bytes: 'after' }])).rejects.toBeInstanceOf(InterruptedError)
    expect(existsSync(join(out, 'en'))).toBe(false)
    expect(readdirSync(join(out, 'zh-CN'))).toEqual(['report.html'])
    expect(readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8')).toBe('new')
  })

  it('is no error of its own: the signal handler speaks, handle-error only gives 130', () => {
    expect(handleError(new InterruptedError(), false)).toBe(130)
  })
})
