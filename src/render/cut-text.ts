/**
 * Cuts text to a width with a visible cut: the longest prefix that fits,
 * ended at a sentence, a clause or a word when one is near, then "…". The
 * report's and the Word document's overview and the PDF's running header
 * cut with it, so a reader never meets text that simply stops. The slides
 * cut nothing of the author's (their overview shows a cut point's full text
 * in a tooltip and the notes).
 */
import { codePointWidth, textWidth } from './text-width.js'

/** What every cut ends with. */
export const ELLIPSIS = '…'

/**
 * Width of `text.slice(start, end)` added to `width` (the shape of `textWidth`),
 * in any unit: ems estimated, or pixels measured in a browser.
 */
export type MeasureText = (text: string, start?: number, end?: number, width?: number) => number

/** Sentence ends; the cut keeps them (`第一句。…`). */
export const SENTENCE_END = /[。！？!?；;]|\.(?=\s|$)/gu
/**
 * Clause ends; the cut drops them (`第一句，第二句` → `第一句…`). A half-width
 * comma or colon counts before a space or a non-ASCII character (the seed
 * writes `决策:通过`), never inside `10:30`, `1,000` or `https://`.
 */
const CLAUSE_END = /[，、：·]|[,:](?=\s|$|[^\x00-\x7f])/gu
/** Punctuation and space a cut drops before its ellipsis. */
const TRAILING = /[\s，、：·,:]+$/u

/** `text` when it is at most `width` wide, otherwise its best-cut prefix that is, plus "…". */
export function cutText(text: string, width: number, measure: MeasureText = textWidth): string {
  if (measure(text) <= width) return text
  const budget = width - measure(ELLIPSIS)
  // How much of the room a boundary must keep to be near: a whole sentence is worth
  // half the room, a clause three quarters (a title cut at its colon left its half of
  // the header empty); a word, half, before a cut between any two characters.
  const keeps = (end: number, share: number) => end > 0 && measure(text, 0, end) >= budget * share
  const sentence = lastBoundary(text, SENTENCE_END, budget, measure)
  if (keeps(sentence, 1 / 2)) return text.slice(0, sentence) + ELLIPSIS
  const clause = lastBoundary(text, CLAUSE_END, budget, measure)
  if (keeps(clause, 3 / 4)) return text.slice(0, clause).replace(TRAILING, '') + ELLIPSIS
  const hard = hardCut(text, budget, measure).length
  const word = wordStart(text, hard)
  return text.slice(0, keeps(word, 1 / 2) ? word : hard).replace(TRAILING, '') + ELLIPSIS
}

/** The longest prefix of `text` at most `width` wide, cut between characters (never inside a surrogate pair). */
export function hardCut(text: string, width: number, measure: MeasureText = textWidth): string {
  if (measure === textWidth) return hardCutByWidth(text, width)
  let used = 0
  let end = 0
  while (end < text.length) {
    const next = end + (text.codePointAt(end)! > 0xffff ? 2 : 1)
    used = measure(text, end, next, used)
    if (used > width) break
    end = next
  }
  return text.slice(0, end)
}

/** `hardCut` with the estimated widths, without a call per character (the deck cuts every line of every case). */
function hardCutByWidth(text: string, width: number): string {
  let used = 0
  let end = 0
  while (end < text.length) {
    const code = text.codePointAt(end)!
    used += codePointWidth(code)
    if (used > width) break
    end += code > 0xffff ? 2 : 1
  }
  return text.slice(0, end)
}

/** Where the Latin word or number that `end` falls inside starts; `end` itself when it falls between words. */
function wordStart(text: string, end: number): number {
  if (end >= text.length || !isWordCharacter(text, end)) return end
  let start = end
  while (start > 0) {
    const before = start >= 2 && isLowSurrogate(text.charCodeAt(start - 1)) && text.codePointAt(start - 2)! > 0xffff ? start - 2 : start - 1
    if (!isWordCharacter(text, before)) break
    start = before
  }
  return start
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Letters, digits and marks of scripts written with spaces between words (Han, kana and hangul break anywhere). */
function isWordCharacter(text: string, index: number): boolean {
  const char = String.fromCodePoint(text.codePointAt(index)!)
  return /[\p{L}\p{N}\p{M}]/u.test(char) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(char)
}

/** The end of the last `pattern` match whose prefix is at most `budget` wide; 0 when none is. */
function lastBoundary(text: string, pattern: RegExp, budget: number, measure: MeasureText): number {
  let best = 0
  // The width up to `best`, carried on instead of measuring each longer prefix from the start.
  let width = 0
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length
    const next = measure(text, best, end, width)
    if (next > budget) break
    best = end
    width = next
  }
  return best
}
