/** Reads a locale's translation files and parses them with the source parsers into one document. */
import { readFile } from 'node:fs/promises'
import { decodeSource } from '../parse/decode-source.js'
import { parseDocument } from '../parse/parse-document.js'
import type { ParsedDocument } from '../types.js'
import { findTranslation } from './find-translation.js'

/** The translation of `input` for locale `code`, or null when none is beside it. Parse problems are messages on its files. */
export async function loadTranslation(input: string, code: string): Promise<ParsedDocument | null> {
  const paths = await findTranslation(input, code)
  return paths.length === 0 ? null : parseTranslation(paths)
}

/** Parses translation files (Markdown with front matter) as one document. */
export async function parseTranslation(paths: string[]): Promise<ParsedDocument> {
  const files = await Promise.all(paths.map(async (path) => decodeSource(await readFile(path), path)))
  return parseDocument(files)
}
