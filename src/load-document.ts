/** read → parse → structure → check, for one input: what `build`, `check` and `ast` share. */
import { checkDocument } from './check/check-document.js'
import type { CheckOptions } from './check/rule-context.js'
import { parseDocument } from './parse/parse-document.js'
import { readInput } from './parse/read-input.js'
import type { DocumentData, ParsedDocument } from './types.js'

/** Options for loading a document. */
export interface LoadOptions {
  /** Document data the source does not give itself (from the config). */
  defaults?: Partial<DocumentData>
  /** Rule options; omit to skip checks. */
  check?: CheckOptions
}

/** Reads, parses and (optionally) checks an input file or folder. */
export async function loadDocument(input: string, options: LoadOptions = {}): Promise<ParsedDocument> {
  const files = await readInput(input)
  const document = await parseDocument(files, options.defaults)
  if (options.check) checkDocument(document, options.check)
  return document
}
