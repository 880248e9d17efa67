/** Reads an input path (one file or a folder of them) into decoded VFiles. */
import { readdir, readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { VFile } from 'vfile'
import { UsageError } from '../errors.js'
import { decodeSource } from './decode-source.js'
import { compareNaturally } from '../text/natural-order.js'

const SOURCE_EXTENSIONS = new Set(['.txt', '.md', '.markdown'])
// `name.en.md`, `name.zh-TW.md`: translations that live beside a source, not parts of it.
const TRANSLATION = /\.[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\.(?:md|markdown|txt)$/

/** The source files of an input, in name order for a folder. */
export async function listSourceFiles(input: string): Promise<string[]> {
  const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Input not found: ${input}`, { cause: error })
  })
  if (!info.isDirectory()) return [input]
  const names = (await readdir(input, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .filter((name) => SOURCE_EXTENSIONS.has(extname(name).toLowerCase()) && !TRANSLATION.test(name))
    .sort(compareNaturally)
  if (names.length === 0) throw new UsageError(`No .txt or .md source files in ${input}`)
  return names.map((name) => join(input, name))
}

/** Reads and decodes every source file of an input. */
export async function readInput(input: string): Promise<VFile[]> {
  const paths = await listSourceFiles(input)
  return Promise.all(paths.map(async (path) => decodeSource(await readFile(path), path)))
}

/** True for a Markdown path. */
export function isMarkdown(path: string | undefined): boolean {
  return /\.(md|markdown)$/i.test(path ?? '')
}
