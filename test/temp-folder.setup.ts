/**
 * Every test run gets a temporary folder of its own, removed when the run ends: the tests and
 * the CLI runs they start make their scratch folders with `os.tmpdir()`, which reads TMPDIR,
 * and many leave them (a full run made ~600). Runs on a shared machine no longer fill /tmp.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'casebook-test-run-'))
  // As open as /tmp itself: some tests run the CLI as another user (nobody), who must reach their folders.
  chmodSync(folder, 0o1777)
  const previous = process.env.TMPDIR
  process.env.TMPDIR = folder
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 })
  }
}
