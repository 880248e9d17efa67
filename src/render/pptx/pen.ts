/** What drawing a slide needs, and the deck's measures every drawing file shares. */
import type { Locale } from '../../locale/load-locale.js'
import { CANVAS, CONTENT_WIDTH, TITLE } from '../deck-view.js'
import { lineCount, textWidth } from '../text-width.js'
import type { Presentation, Slide } from './pptxgen.js'
import type { Palette, RunStyle } from './pptx-style.js'

/** Left and top padding of a content slide, and where its footer starts. */
export const PAD_X = 80
export const PAD_TOP = 56
export const FOOTER_TOP = CANVAS.height - 48
/** A slide title's line in ems. */
export const TITLE_EMS = CONTENT_WIDTH / TITLE.size

/** What drawing needs besides the page. */
export interface Pen {
  pptx: Presentation
  slide: Slide
  colors: Palette
  style: RunStyle
  locale: Locale
}

/**
 * The largest size from `size` down to `floor` at which `text` fits `lines` lines of a box `width`
 * px wide, its longest Latin word on one line (a viewer would break such a word inside).
 */
export function fittingSize(text: string, width: number, size: number, floor: number, lines = 1): number {
  const longest = longestWord(text)
  for (let candidate = size; candidate > floor; candidate--) if (lineCount(text, width / candidate) <= lines && longest * candidate <= width) return candidate
  return floor
}

/** The width in px that holds `text` at `size` px on one line, by the deck's estimate (which keeps a margin against wrapping). */
export function oneLineWidth(text: string, size: number): number {
  return (size * (textWidth(text) + 1.2)) / 0.86
}

/** The width in ems of the longest Latin word of `text` (CJK text breaks between any two characters). */
export function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[\s\u2e80-\uffff]+/).map((word) => textWidth(word)))
}
