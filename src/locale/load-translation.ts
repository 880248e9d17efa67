/** Reads a locale's translation files and parses them with the source parsers into one document. */
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { hasChart } from '../parse/draw-charts.js'
import { decodeSource } from '../parse/decode-source.js'
import { parseDocument } from '../parse/parse-document.js'
import type { CaseDocument, ParsedDocument } from '../types.js'
import { findTranslation } from './find-translation.js'
import { withFrameMarks } from './source-mark.js'

/**
 * The translation of `input` for locale `code`, or null when none is beside it.
 * Parse problems are messages on its files, except when the tree is the one
 * `parseTranslation` last made from the same bytes (a build checks its
 * translations first, then localizes with them): then its files are read
 * afresh, without messages, and the tree is reused. Trees are never changed.
 */
export async function loadTranslation(input: string, code: string): Promise<ParsedDocument | null> {
  const paths = await findTranslation(input, code)
  if (paths.length === 0) return null
  const bytes = await readAll(paths)
  const last = lastParsed.get(key(paths))
  if (last && last.bytes.length === bytes.length && last.bytes.every((value, index) => value.equals(bytes[index]))) {
    return { files: bytes.map((value, index) => decodeSource(value, paths[index])), tree: last.tree }
  }
  return parse(paths, bytes)
}

/**
 * Parses translation files (Markdown with front matter) as one document. The
 * intro's and conclusion's `<!-- source: HASH -->` are in their `data.translates`, as a case's.
 */
export async function parseTranslation(paths: string[]): Promise<ParsedDocument> {
  return parse(paths, await readAll(paths))
}

// The last tree parsed from each set of translation files, with the bytes it came from.
// A large translation takes seconds to parse, and a build needs it twice.
const lastParsed = new Map<string, { bytes: Buffer[]; tree: CaseDocument }>()

async function parse(paths: string[], bytes: Buffer[]): Promise<ParsedDocument> {
  const parsed = await parseDocument(bytes.map((value, index) => decodeSource(value, paths[index])))
  // A translated chart is a figure whose caption and alt text are translated; the drawing is the source's.
  if (hasChart(parsed.tree)) await (await import('../parse/draw-charts.js')).drawCharts(parsed.tree, parsed.files, { root: dirname(paths[0]) })
  const document = { ...parsed, tree: withFrameMarks(parsed) }
  lastParsed.set(key(paths), { bytes, tree: document.tree })
  return document
}

function readAll(paths: string[]): Promise<Buffer[]> {
  return Promise.all(paths.map((path) => readFile(path)))
}

function key(paths: string[]): string {
  return paths.join('\0')
}
