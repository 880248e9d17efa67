/**
 * Reads an input path (one file or a folder of them) into decoded VFiles.
 *
 * A folder's sources are the `.txt`, `.md` and `.markdown` files directly in it
 * (any case), in natural name order. Nothing else in it is passed over in silence:
 * a subfolder holding sources is a warning (its files are not read), files of
 * other kinds are one info, and an outline-text file named like a translation
 * (`cases.en.txt`) is a warning. casebook's own output is never read: a pack
 * folder inside the input (one with a casebook `manifest.json` or lock) is skipped,
 * and a `CHANGES.md` beside a casebook manifest is the pack's edition notes, not a source.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import type { VFile } from 'vfile'
import { UsageError } from '../errors.js'
import { decodeSource } from './decode-source.js'
import { report, type Severity } from '../messages/report.js'
import { hasSourceExtension, PACK_FILES, SOURCE_EXTENSIONS_TEXT, translationName } from './source-names.js'
import { compareNaturally } from '../text/natural-order.js'

/** Config file names (config/load-config.ts's CONFIG_NAMES): read as config, never as sources. */
const CONFIG_FILES = new Set(['casebook.yaml', 'casebook.yml', 'casebook.json'])
/** Subfolders not searched for sources to warn about: other tools' folders full of READMEs. */
const NOT_SEARCHED = new Set(['node_modules'])
/** How deep a skipped subfolder is searched for sources, and how many are named. */
const SEARCH_DEPTH = 4
const NAMED = 3

/** Something about a folder input a reader should hear: a skipped subfolder or file. */
export interface InputNote {
  /** The folder or file the note is about. */
  path: string
  reason: string
  severity: Severity
}

/** A folder's (or file's) sources, in reading order, and what was left out of them. */
export interface InputListing {
  paths: string[]
  notes: InputNote[]
}

/** The source files of an input, in name order for a folder. */
export async function listSourceFiles(input: string): Promise<string[]> {
  return (await listInput(input)).paths
}

/** The source files of an input and notes on what in the folder is not read. */
export async function listInput(input: string): Promise<InputListing> {
  const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Input not found: ${input}`, { cause: error })
  })
  if (!info.isDirectory()) return { paths: [input], notes: [] }
  const entries = await readFolder(input)
  const pack = await isPackFolder(input, entries)
  const sources: string[] = []
  const others: string[] = []
  const notes: InputNote[] = []
  const subfolders: Array<{ name: string; sources: string[] }> = []
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(input, entry.name)
    if (entry.kind === 'folder') {
      if (NOT_SEARCHED.has(entry.name)) continue
      // A pack (the output folder inside the input, say) is casebook's output, never a source.
      const found = await findSources(path, SEARCH_DEPTH)
      if (found.length > 0) subfolders.push({ name: entry.name, sources: found })
      continue
    }
    if (entry.kind === 'broken') {
      if (hasSourceExtension(entry.name)) notes.push({ path, reason: `${entry.name} is not read: it is a link to a file that is not there`, severity: 'warning' })
      continue
    }
    if (entry.kind !== 'file') continue
    if (pack && entry.name === PACK_FILES.changes) {
      notes.push({ path, reason: `${entry.name} is not read: it is the edition notes casebook wrote beside ${PACK_FILES.manifest}, not a source`, severity: 'info' })
      continue
    }
    if (!hasSourceExtension(entry.name)) {
      if (!CONFIG_FILES.has(entry.name) && !(pack && entry.name === PACK_FILES.manifest)) others.push(entry.name)
      continue
    }
    const translation = translationName(entry.name)
    if (translation?.markdown) continue
    if (translation) {
      notes.push({
        path,
        reason: `${entry.name} is not read: it is named like the ${translation.code} translation of ${translation.stem}, and translations are Markdown; rename it ${translation.stem}.${translation.code}.md to use it as one, or rename it without .${translation.code} to make it part of the source`,
        severity: 'warning',
      })
      continue
    }
    sources.push(entry.name)
  }
  for (const { name, sources: found } of subfolders) {
    const shown = found.slice(0, NAMED).map((path) => relative(join(input, name), path)).join(', ')
    notes.push({
      path: join(input, name),
      reason: `Subfolder ${name}/ is not read, though it holds ${found.length === 1 ? 'a source file' : `${found.length}${found.length > SEARCH_LIMIT - 1 ? ' or more' : ''} source files`} (${shown}${found.length > NAMED ? ', …' : ''}): a folder's sources are the ${SOURCE_EXTENSIONS_TEXT} files directly in it. Move them up into ${basename(input)}/, or build ${join(input, name)} on its own`,
      severity: 'warning',
    })
  }
  if (others.length > 0) {
    others.sort(compareNaturally)
    notes.push({
      path: input,
      reason: `Not read: ${others.join(', ')}. A folder's sources are its ${SOURCE_EXTENSIONS_TEXT} files${others.some((name) => /\.(docx?|odt|rtf|pdf)$/i.test(name)) ? '; to include a document, save it as text or convert it (pandoc -t markdown) to .md' : ''}`,
      severity: 'info',
    })
  }
  if (sources.length === 0) throw new UsageError(noSources(input, pack, subfolders.map((folder) => folder.name)))
  sources.sort(compareNaturally)
  return { paths: sources.map((name) => join(input, name)), notes }
}

/** Reads and decodes every source file of an input; notes on a folder's skipped contents are messages on its first file. */
export async function readInput(input: string): Promise<VFile[]> {
  const { paths, notes } = await listInput(input)
  const files = await Promise.all(paths.map(async (path) => decodeSource(await readSourceBytes(path), path)))
  for (const note of notes) {
    const message = report(files[0], note.reason, { ruleId: 'skipped-file', severity: note.severity })
    // Printed at the folder or file it is about, not at the first source.
    message.file = note.path
  }
  return files
}

/**
 * The largest source read: far beyond any document (the seed is 8 KB; 10,000 cases are ~4 MB), and
 * small enough that a mistaken input (a disk image, /dev/zero) is refused instead of filling memory.
 */
const MAX_SOURCE_BYTES = 256 * 1024 * 1024

/** A source's bytes; a device, a pipe or a file too large for a document is a usage error naming it. */
async function readSourceBytes(path: string): Promise<Buffer> {
  const info = await stat(path)
  if (!info.isFile()) throw new UsageError(`${path} is not a regular file (a device, a pipe or a socket); name a text or Markdown file`)
  if (info.size > MAX_SOURCE_BYTES) throw new UsageError(`${path} is ${Math.round(info.size / 1024 / 1024)} MB, more than any document casebook reads (${MAX_SOURCE_BYTES / 1024 / 1024} MB); name the source document`)
  return readFile(path)
}

/** The message for a folder with no sources directly in it, saying where they may be instead. */
function noSources(input: string, pack: boolean, subfolders: string[]): string {
  if (pack) return `${input} is a pack casebook wrote (it holds ${PACK_FILES.manifest}), not a source folder; name the folder or file the pack was built from`
  const base = `No source files (${SOURCE_EXTENSIONS_TEXT}) in ${input}`
  if (subfolders.length === 0) return base
  return `${base}; its subfolder${subfolders.length > 1 ? 's' : ''} ${subfolders.map((name) => `${name}/`).join(', ')} ${subfolders.length > 1 ? 'hold' : 'holds'} some, but a folder's sources are the files directly in it: name ${subfolders.length > 1 ? 'one of them' : 'it'} as the input (${join(input, subfolders[0])})`
}

type EntryKind = 'file' | 'folder' | 'broken' | 'other'

/** A folder's entries, with links followed (a link to a file is a file). */
async function readFolder(folder: string): Promise<Array<{ name: string; kind: EntryKind }>> {
  const entries = await readdir(folder, { withFileTypes: true })
  return Promise.all(
    entries.map(async (entry) => {
      if (entry.isFile()) return { name: entry.name, kind: 'file' as const }
      if (entry.isDirectory()) return { name: entry.name, kind: 'folder' as const }
      if (!entry.isSymbolicLink()) return { name: entry.name, kind: 'other' as const }
      const target = await stat(join(folder, entry.name)).catch(() => null)
      const kind: EntryKind = !target ? 'broken' : target.isFile() ? 'file' : target.isDirectory() ? 'folder' : 'other'
      return { name: entry.name, kind }
    }),
  )
}

/** Whether `folder` is a pack casebook wrote: it holds casebook's lock or a casebook manifest. */
async function isPackFolder(folder: string, entries?: Array<{ name: string; kind: EntryKind }>): Promise<boolean> {
  const names = new Set((entries ?? (await readFolder(folder).catch(() => []))).map((entry) => entry.name))
  if (names.has(PACK_FILES.lock)) return true
  if (!names.has(PACK_FILES.manifest)) return false
  const text = await readFile(join(folder, PACK_FILES.manifest), 'utf8').catch(() => '')
  try {
    const manifest = JSON.parse(text) as { casebook?: unknown; artifacts?: unknown }
    return typeof manifest.casebook === 'string' && Array.isArray(manifest.artifacts)
  } catch {
    return false
  }
}

const SEARCH_LIMIT = 100

/** Source files (not translations) under `folder`, to `depth` levels, at most SEARCH_LIMIT; packs and hidden folders are not searched. */
async function findSources(folder: string, depth: number): Promise<string[]> {
  if (depth === 0) return []
  const entries = await readFolder(folder).catch(() => [])
  if (await isPackFolder(folder, entries)) return []
  const found: string[] = []
  const names = entries.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => compareNaturally(a.name, b.name))
  for (const entry of names) {
    if (found.length >= SEARCH_LIMIT) break
    if (entry.kind === 'file' && hasSourceExtension(entry.name) && !translationName(entry.name)) found.push(join(folder, entry.name))
  }
  for (const entry of names) {
    if (found.length >= SEARCH_LIMIT) break
    if (entry.kind === 'folder' && !NOT_SEARCHED.has(entry.name)) found.push(...(await findSources(join(folder, entry.name), depth - 1)))
  }
  return found.slice(0, SEARCH_LIMIT)
}
