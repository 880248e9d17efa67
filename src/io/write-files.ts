/**
 * Writes files all at once (a build's pack, a render cache's entry), so a failed or
 * killed write leaves the previous files intact: every file goes to a temp file
 * first, then all are renamed.
 */
import { rmSync } from 'node:fs'
import { lstat, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { InterruptedError, UsageError } from '../errors.js'
import { holdInterrupts, isInterrupted, onInterrupt } from '../process-cleanup.js'
import { outputError } from './fs-errors.js'
import { makeFolders, removeEmptyFolders, removeEmptyFoldersSync } from './make-folders.js'

/** A file to write, relative to the output folder. */
export interface FileToWrite {
  path: string
  bytes: Uint8Array | string
}

const TEMP = /^\..+\.\d+\.[a-z0-9]+\.tmp$/

/**
 * Writes `files` under `out`: all temps first, then renames, so a failure before
 * the renames changes nothing. On failure the temps (even one a full disk cut
 * short) and the folders this call made are removed, and an errno error becomes
 * a UsageError or EnvironmentError naming the file (see fs-errors.ts).
 */
export async function writeFiles(out: string, files: FileToWrite[]): Promise<void> {
  // Interrupted before it began (a format cut short by the killed browser, the others done): the
  // previous pack stays. Once begun, an interruption waits for it, so the pack is the old one or the new one.
  if (isInterrupted()) throw new InterruptedError()
  const release = holdInterrupts()
  try {
    await writeAll(out, files)
  } finally {
    release()
  }
}

async function writeAll(out: string, files: FileToWrite[]): Promise<void> {
  const staged: Array<{ temp: string; target: string }> = []
  const created: string[] = []
  // A second Ctrl-C (which does not wait for the write) while the temps are written: the CLI removes them, and the folders made for them.
  const forget = onInterrupt(() => {
    for (const { temp } of staged) rmSync(temp, { force: true })
    removeEmptyFoldersSync(created)
  })
  let target = out
  let renaming = false
  try {
    for (const file of files) {
      target = join(out, file.path)
      created.push(...(await makeFolders(dirname(target), out)))
      const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`)
      // Staged before it is written: a write that fails half-way leaves a temp to remove.
      staged.push({ temp, target })
      await writeFile(temp, file.bytes, { flag: 'wx' })
    }
    // A folder where a file goes would stop the renames half-way; found now, nothing is changed.
    for (const entry of staged) {
      target = entry.target
      if ((await lstat(target).catch(() => null))?.isDirectory()) {
        throw new UsageError(`Cannot write ${target}: a folder of that name is in the way. Remove it, or choose another output folder (--out).`)
      }
    }
    renaming = true
    for (const entry of staged) {
      target = entry.target
      await rename(entry.temp, entry.target)
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true }).catch(() => undefined)))
    await removeEmptyFolders(created)
    throw outputError(error, out, target, !renaming)
  } finally {
    forget()
  }
}

/** Removes temp files a killed build left behind (call while holding the output lock). */
export async function removeStaleTemps(out: string): Promise<void> {
  const entries = await readdir(out, { withFileTypes: true, recursive: true }).catch(() => [])
  await Promise.all(
    entries.filter((entry) => entry.isFile() && TEMP.test(entry.name)).map((entry) => rm(join(entry.parentPath ?? out, entry.name), { force: true })),
  )
}
