/** One build at a time per output folder: a lock file created exclusively, with stale locks detected by pid. */
import { readFileSync, rmSync } from 'node:fs'
import { lstat, open, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { EnvironmentError, UsageError } from '../errors.js'
import { isAlive, onInterrupt } from '../process-cleanup.js'
import { outputError } from './fs-errors.js'
import { makeFolders, removeEmptyFolders, removeEmptyFoldersSync } from './make-folders.js'

const LOCK = '.casebook.lock'
const POLL_MS = 200
/** A lock file without a pid yet may be one another build has just created and is about to write. */
const FRESH_MS = 5_000
/** Stale locks taken over (or output folders made again) before giving up: each try removes one, so more means a fight. */
const MAX_RETRIES = 50

/**
 * Waits for and takes the lock on `out`, creating `out` if needed; returns the
 * function that releases it. Releasing also removes the folders this call
 * created if they are still empty, so a build that fails writes no empty `out/`.
 */
export async function lockOutput(out: string, timeoutMs = 10 * 60_000): Promise<() => Promise<void>> {
  const path = join(out, LOCK)
  const deadline = Date.now() + timeoutMs
  let created = await makeFolders(out, out)
  for (let retries = 0; ; ) {
    const taken = await tryLock(path, out).catch(async (error: unknown) => {
      // Until the lock is ours, a failure leaves no folder behind.
      await removeEmptyFolders(created)
      throw error
    })
    if (taken === 'taken') {
      const folders = created
      const forget = onInterrupt(() => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path, { force: true })
        } finally {
          removeEmptyFoldersSync(folders)
        }
      })
      return async () => {
        forget()
        await rm(path, { force: true }).catch(() => undefined)
        await removeEmptyFolders(folders)
      }
    }
    if (taken === 'no-folder') {
      // Another build that failed removed the empty folder it had made while we waited.
      if (++retries > MAX_RETRIES) throw new EnvironmentError(`Cannot lock ${out}: the folder keeps disappearing`)
      created = [...created, ...(await makeFolders(out, out))]
      continue
    }
    const found = await lstat(path).catch(() => null)
    if (found && !found.isFile()) {
      await removeEmptyFolders(created)
      throw new UsageError(`${path} is not a file: casebook keeps its lock file there. Remove it, or choose another output folder (--out).`)
    }
    const holder = Number(await readFile(path, 'utf8').catch(() => ''))
    const age = found ? Date.now() - found.mtimeMs : Infinity
    if (!isAlive(holder) && !(holder === 0 && age < FRESH_MS)) {
      // The build that held it was killed; its lock protects nothing now.
      if (++retries > MAX_RETRIES) throw new EnvironmentError(`Cannot take the lock ${path}: it comes back each time it is removed as stale`)
      await rm(path, { force: true }).catch((error: unknown) => {
        throw outputError(error, out, path)
      })
      continue
    }
    if (Date.now() > deadline) {
      await removeEmptyFolders(created)
      throw new UsageError(`Another casebook build (pid ${holder}) is writing to ${out}`)
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

/** Creates the lock file with our pid: 'taken', 'held' (it exists) or 'no-folder'; other failures throw, mapped. */
async function tryLock(path: string, out: string): Promise<'taken' | 'held' | 'no-folder'> {
  let handle
  try {
    handle = await open(path, 'wx')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return 'held'
    if (code === 'ENOENT') return (await stat(out).then((found) => found.isDirectory(), () => false)) ? Promise.reject(outputError(error, out, path)) : 'no-folder'
    throw outputError(error, out, path)
  }
  try {
    await handle.writeFile(String(process.pid))
    await handle.close()
    return 'taken'
  } catch (error) {
    // Created but not written (a full disk): it is ours, and must not stay.
    await handle.close().catch(() => undefined)
    await rm(path, { force: true }).catch(() => undefined)
    throw outputError(error, out, path)
  }
}
