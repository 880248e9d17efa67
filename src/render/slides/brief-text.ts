/**
 * Shortens text for a slide at a sentence or clause boundary, so a slide
 * shows the gist and the speaker notes keep the full text.
 */
import { codePointWidth, textWidth, usableWidth } from './text-width.js'

const SENTENCE_END = /[。！？!?；;]|\.(?=\s|$)/gu
const CLAUSE_END = /[，,、：:]/gu
const ELLIPSIS = '…'

/** `text` when it is at most `ems` wide, otherwise its longest sentence-or-clause prefix that is, plus an ellipsis. */
export function briefText(text: string, ems: number): string {
  const trimmed = text.trim().replace(/\s+/g, ' ')
  if (textWidth(trimmed) <= ems) return trimmed
  const budget = ems - textWidth(ELLIPSIS)
  for (const pattern of [SENTENCE_END, CLAUSE_END]) {
    const cut = lastBoundary(trimmed, pattern, budget)
    // A cut that keeps under a third of the room says too little; try a finer boundary.
    if (cut > 0 && textWidth(trimmed.slice(0, cut)) >= budget / 3) {
      const kept = trimmed.slice(0, cut)
      return pattern === SENTENCE_END ? kept + ELLIPSIS : kept.slice(0, -1) + ELLIPSIS
    }
  }
  return hardCut(trimmed, budget) + ELLIPSIS
}

/** `text` shortened to fit `maxLines` lines of a box `ems` wide. */
export function fitLines(text: string, ems: number, maxLines: number): string {
  return briefText(text, maxLines * usableWidth(text, ems))
}

/** Splits `text` into sentences, keeping their closing punctuation. */
export function sentences(text: string): string[] {
  const result: string[] = []
  let start = 0
  for (const match of text.matchAll(SENTENCE_END)) {
    let end = match.index + match[0].length
    // Keep closing quotes and brackets with their sentence.
    while (end < text.length && /[”’」』）)\]"']/u.test(text[end])) end++
    if (end > start) result.push(text.slice(start, end))
    start = end
  }
  if (start < text.length) result.push(text.slice(start))
  return result.map((sentence) => sentence.trim()).filter(Boolean)
}

/** The longest prefix of `text` at most `ems` wide, cut between characters. */
export function hardCut(text: string, ems: number): string {
  let width = 0
  let end = 0
  while (end < text.length) {
    const code = text.codePointAt(end)!
    width += codePointWidth(code)
    if (width > ems) break
    end += code > 0xffff ? 2 : 1
  }
  return text.slice(0, end)
}

function lastBoundary(text: string, pattern: RegExp, budget: number): number {
  let best = 0
  // The width up to `best`, carried on instead of measuring each longer prefix from the start.
  let width = 0
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length
    const next = textWidth(text, best, end, width)
    if (next > budget) break
    best = end
    width = next
  }
  return best
}
