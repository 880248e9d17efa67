/** One build at a time per output folder: a lock file created exclusively, with stale locks detected by pid. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UsageError } from '../errors.js'

const LOCK = '.casebook.lock'
const POLL_MS = 200

/** Waits for and takes the lock on `out`; returns the function that releases it. */
export async function lockOutput(out: string, timeoutMs = 10 * 60_000): Promise<() => Promise<void>> {
  await mkdir(out, { recursive: true })
  const path = join(out, LOCK)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' })
      return () => rm(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = Number(await readFile(path, 'utf8').catch(() => ''))
    if (!isAlive(holder)) {
      // The build that held it was killed; its lock protects nothing now.
      await rm(path, { force: true })
      continue
    }
    if (Date.now() > deadline) throw new UsageError(`Another casebook build (pid ${holder}) is writing to ${out}`)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
