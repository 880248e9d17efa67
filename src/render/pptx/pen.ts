/** What drawing a slide needs: the slide, the deck's look, and the layout slides.html was filled by. */
import type { Locale } from '../../locale/load-locale.js'
import type { SlideLayout, TextFont } from '../deck-view.js'
import type { Presentation, Slide } from './pptxgen.js'
import type { Palette, RunStyle } from './pptx-style.js'

/** What drawing needs besides the page. */
export interface Pen {
  pptx: Presentation
  slide: Slide
  colors: Palette
  style: RunStyle
  locale: Locale
  /** The deck's sizes and measure; on a compact case slide, its compact sizes. */
  layout: SlideLayout
}

/** The top of a slide's footer. */
export function footerTop(layout: SlideLayout): number {
  return layout.style.height - layout.style.footer
}

/**
 * The largest size from `font.size` down to `floor` at which `text` fits `lines` lines of a box
 * `width` px wide with each Latin word on one line: the browser breaks a word too long for its box,
 * a PowerPoint viewer does not.
 */
export function fittingSize(layout: SlideLayout, text: string, width: number, font: TextFont, floor: number, lines = 1): number {
  const words = text.split(/[\s\u2e80-\uffff]+/).filter(Boolean)
  const fits = (size: number) => {
    const at = { ...font, size }
    return layout.measure.count(text, width, at) <= lines && words.every((word) => layout.measure.width(word, at) <= width)
  }
  for (let size = font.size; size > floor; size--) if (fits(size)) return size
  return floor
}

