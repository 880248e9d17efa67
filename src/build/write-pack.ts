/**
 * Writes a build's files so a failed or killed build leaves the previous pack
 * intact: every file goes to a temp file first, then all are renamed at once.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A file to write, relative to the output folder. */
export interface PackFile {
  path: string
  bytes: Uint8Array | string
}

const TEMP = /^\..+\.\d+\.[a-z0-9]+\.tmp$/

/** Writes `files` under `out`: all temps first, then renames, so a crash before the renames changes nothing. */
export async function writePack(out: string, files: PackFile[]): Promise<void> {
  const staged: Array<{ temp: string; target: string }> = []
  try {
    for (const file of files) {
      const target = join(out, file.path)
      await mkdir(dirname(target), { recursive: true })
      const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`)
      await writeFile(temp, file.bytes)
      staged.push({ temp, target })
    }
    for (const { temp, target } of staged) await rename(temp, target)
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })))
    throw error
  }
}

/** Removes temp files a killed build left behind (call while holding the output lock). */
export async function removeStaleTemps(out: string): Promise<void> {
  const entries = await readdir(out, { withFileTypes: true, recursive: true }).catch(() => [])
  await Promise.all(
    entries.filter((entry) => entry.isFile() && TEMP.test(entry.name)).map((entry) => rm(join(entry.parentPath ?? out, entry.name), { force: true })),
  )
}
