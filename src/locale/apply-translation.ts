/** The translated tree: the translation's text where it has some, the source's (marked untranslated) where not. */
import type { CaseDocument } from '../types.js'
import { mergeTranslation } from './merge-translation.js'

export { casesByNumber } from './merge-translation.js'

/**
 * Merges `translation` over `source` (see merge-translation.ts for how parts
 * match): every case, section and block the translation lacks is the source's,
 * with `data.untranslated`; document title and subtitle come from the translation.
 */
export function applyTranslation(source: CaseDocument, translation: CaseDocument, lang: string): CaseDocument {
  return mergeTranslation(source, translation, lang).tree
}
