/** The localize stage: the case tree as one locale's readers get it. */
import type { VFile } from 'vfile'
import type { CaseDocument } from '../types.js'
import type { Locale } from './load-locale.js'

/** Where the source came from, for finding a locale's translation beside it. */
export interface LocalizeInput {
  /** The input path as given (a file or a folder). */
  input: string
  /** The document's files; translation problems are reported on them. */
  files: VFile[]
}

/** Returns the tree for `locale`; the source tree is never changed. */
export async function localizeDocument(tree: CaseDocument, locale: Locale, _input: LocalizeInput): Promise<CaseDocument> {
  return { ...tree, data: { ...tree.data, lang: locale.code } }
}
