/**
 * How a zh-* pack prints punctuation: half-width marks inside Chinese sentences (`组成部分,它`)
 * printed full-width (`组成部分，它`), straight quotes around Chinese words in the locale's quotation marks, as a Chinese reader expects of a printed briefing. A view of
 * the locale's tree, like the script conversion: the source and the tree the edition records
 * stay as written, so an edition does not see every case changed (config `typography.punctuation`).
 */
import type { CaseDocument } from '../types.js'
import { normalizePunctuation, SIMPLIFIED_QUOTES, type Quotes } from '../text/cjk-typography.js'
import { mapTreeText } from './map-tree-text.js'

/** How the zh-* packs print punctuation. */
export type PunctuationStyle = 'normalize' | 'keep'

/**
 * The tree a locale's formats print: with `normalize`, a Chinese locale's half-width marks in
 * Chinese context made full-width; otherwise (`keep`, or another language: the en pack keeps its
 * commas) `tree` itself. Curly quotation marks are the script conversion's, which follows the locale; straight
 * quotes around Chinese words (`"水清了"`) are printed with `quotes`, the locale's (“” for zh-CN, 「」 for zh-TW).
 */
export function typesetPunctuation(tree: CaseDocument, code: string, style: PunctuationStyle, quotes: Quotes = SIMPLIFIED_QUOTES): CaseDocument {
  if (style === 'keep' || code.split('-')[0]!.toLowerCase() !== 'zh') return tree
  let changed = false
  const typeset = mapTreeText(tree, (value, before) => {
    const result = normalizePunctuation(value, before, quotes)
    changed ||= result !== value
    return result
  })
  // Nothing to change: the tree itself, so it is still known as the source's own (snapshotOf).
  return changed ? typeset : tree
}
