/**
 * Shortens text for a slide at a sentence or clause boundary, so a slide
 * shows the gist and the speaker notes keep the full text.
 */
import { cutText, SENTENCE_END } from '../cut-text.js'
import { usableWidth } from '../text-width.js'

/** `text` with its spaces collapsed when it is at most `ems` wide, otherwise its best-cut prefix that is, plus an ellipsis. */
export function briefText(text: string, ems: number): string {
  return cutText(text.trim().replace(/\s+/g, ' '), ems)
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
