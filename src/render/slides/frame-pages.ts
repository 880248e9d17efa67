/** Pages of introduction or conclusion text: whole paragraphs where they fit, a paragraph taller than a slide continued at a line. */
import type { SlideLayout } from './slide-layout.js'

/** Splits `paragraphs` into pages of at most `budget` px of frame text, every word kept. */
export function framePages(paragraphs: string[], budget: number, layout: SlideLayout): string[][] {
  const { style, font, contentWidth, measure } = layout
  const lines = (text: string) => measure.lines(text, contentWidth, font.frame)
  const height = (text: string) => style.frameLine * lines(text).length + style.frameGap
  const pages: string[][] = []
  let page: string[] = []
  let used = 0
  const startPage = () => {
    if (page.length > 0) pages.push(page)
    page = []
    used = 0
  }
  for (const paragraph of paragraphs) {
    let rest = paragraph
    while (rest) {
      if (used + height(rest) <= budget) {
        page.push(rest)
        used += height(rest)
        break
      }
      if (height(rest) <= budget && page.length > 0) {
        startPage()
        continue
      }
      // Taller than a slide: as many lines as the room holds here, the rest on the next slide.
      const all = lines(rest)
      const fit = Math.max(page.length > 0 ? 0 : 1, Math.floor((budget - used - style.frameGap) / style.frameLine))
      if (fit === 0) {
        startPage()
        continue
      }
      page.push(all.slice(0, fit).join('').trim())
      rest = all.slice(fit).join('').trim()
      startPage()
    }
  }
  if (page.length > 0) pages.push(page)
  return pages
}
