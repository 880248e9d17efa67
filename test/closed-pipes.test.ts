/**
 * `casebook build 2>&1 | head -1` closes the pipe casebook reports to: the reader's
 * choice, not a reason to stop half-way. The build finishes, exits 0 and leaves no lock.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { SEED } from './helpers/cli.js'

const CLI = fileURLToPath(new URL('../bin/casebook.js', import.meta.url))
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** Runs a build whose stderr (and stdout) reader goes away at once; resolves with its exit code. */
function buildUnheard(dir: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'build', 'cases.txt', '--out', 'out', '--format', 'html,docx'], {
      cwd: dir,
      env: { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1767225600' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    // As `head -0` does: the reading end is closed before the first message.
    child.stdout.destroy()
    child.stderr.destroy()
    child.on('exit', (code) => resolve(code))
  })
}

describe('a build whose reader closes the pipe', () => {
  it('finishes, exits 0, writes the pack and leaves no lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-pipes-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'cases.txt'), readFileSync(SEED))
    expect(await buildUnheard(dir)).toBe(0)
    expect(existsSync(join(dir, 'out', 'zh-CN', 'report.html'))).toBe(true)
    expect(existsSync(join(dir, 'out', 'zh-CN', 'report.docx'))).toBe(true)
    expect(JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')).artifacts).toHaveLength(2)
    expect(existsSync(join(dir, 'out', '.casebook.lock'))).toBe(false)
  })
})
