/**
 * Creates a folder and its missing parents one at a time, remembering which it
 * made so a failed build can remove them again.
 *
 * Not `mkdir(…, { recursive: true })`: on Node 20 that spins forever at full CPU
 * where the parent exists but refuses new entries (`--out /proc/x`: mkdir gives
 * ENOENT, the parent exists, mkdir is tried again…). Here each missing folder is
 * tried once, so the walk is bounded by the path's depth.
 */
import { rmdirSync } from 'node:fs'
import { mkdir, rmdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { UsageError } from '../errors.js'
import { outputError } from './fs-errors.js'

/**
 * Makes `folder` (inside or being the output folder `out`) and its missing parents.
 * Returns the folders it created, outermost first. Errors name the path
 * (a file in the way is a UsageError; see outputError for the rest).
 */
export async function makeFolders(folder: string, out: string): Promise<string[]> {
  const missing: string[] = []
  let current = resolve(folder)
  for (;;) {
    const found = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null
      throw outputError(error, out, current)
    })
    if (found?.isDirectory()) break
    if (found) throw fileInTheWay(current, out)
    missing.unshift(current)
    const parent = dirname(current)
    if (parent === current) break
    current = parent
  }
  const created: string[] = []
  try {
    for (const path of missing) {
      try {
        await mkdir(path)
        created.push(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw outputError(error, out, path)
        // Made by someone else since we looked: fine if it is a folder.
        const now = await stat(path).catch(() => null)
        if (!now?.isDirectory()) throw fileInTheWay(path, out)
      }
    }
  } catch (error) {
    await removeEmptyFolders(created)
    throw error
  }
  return created
}

/** Removes `created` (outermost first, as makeFolders returns them) where they are still empty. */
export async function removeEmptyFolders(created: readonly string[]): Promise<void> {
  for (const path of [...created].reverse()) {
    // A folder that holds something (another build's files, the new pack) stays, and so do its parents.
    if (!(await rmdir(path).then(() => true, () => false))) return
  }
}

/** removeEmptyFolders, synchronously, for a process about to exit. */
export function removeEmptyFoldersSync(created: readonly string[]): void {
  for (const path of [...created].reverse()) {
    try {
      rmdirSync(path)
    } catch {
      return
    }
  }
}

function fileInTheWay(path: string, out: string): UsageError {
  return path === resolve(out)
    ? new UsageError(`Cannot write the pack to ${out}: it is a file, not a folder. Choose another output folder (--out), or move the file away.`)
    : new UsageError(`Cannot write the pack to ${out}: ${path} is a file, not a folder. Choose another output folder (--out), or move the file away.`)
}
