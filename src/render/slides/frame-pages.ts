/** Pages of introduction or conclusion text: whole paragraphs where they fit, split at sentences where not. */
import { sentences } from './brief-text.js'
import { hardCut } from '../cut-text.js'
import { FRAME } from './slide-metrics.js'
import { lineCount, usableWidth } from '../text-width.js'

/** Splits `paragraphs` into pages of at most `budget` px of frame text. */
export function framePages(paragraphs: string[], budget: number): string[][] {
  const maxLines = Math.floor((budget - FRAME.gap) / FRAME.line)
  const height = (text: string) => FRAME.line * lineCount(text, FRAME.ems) + FRAME.gap
  const pieces = paragraphs.flatMap((paragraph) => splitParagraph(paragraph, maxLines))
  const pages: string[][] = []
  let page: string[] = []
  let used = 0
  for (const piece of pieces) {
    if (used + height(piece) > budget && page.length > 0) {
      pages.push(page)
      page = []
      used = 0
    }
    page.push(piece)
    used += height(piece)
  }
  if (page.length > 0) pages.push(page)
  return pages
}

/** A paragraph as pieces of at most `maxLines` lines, cut between sentences (or, for a huge sentence, between characters). */
function splitParagraph(paragraph: string, maxLines: number): string[] {
  if (lineCount(paragraph, FRAME.ems) <= maxLines) return [paragraph]
  const pieces: string[] = []
  let current = ''
  for (const sentence of sentences(paragraph).flatMap((text) => splitSentence(text, maxLines))) {
    const joined = current ? `${current}${/\p{Script=Han}|\p{P}$/u.test(current.at(-1)!) ? '' : ' '}${sentence}` : sentence
    if (current && lineCount(joined, FRAME.ems) > maxLines) {
      pieces.push(current)
      current = sentence
    } else current = joined
  }
  if (current) pieces.push(current)
  return pieces
}

function splitSentence(sentence: string, maxLines: number): string[] {
  const pieces: string[] = []
  let rest = sentence
  while (lineCount(rest, FRAME.ems) > maxLines) {
    const piece = hardCut(rest, maxLines * usableWidth(rest, FRAME.ems))
    pieces.push(piece)
    rest = rest.slice(piece.length)
  }
  return [...pieces, rest]
}
