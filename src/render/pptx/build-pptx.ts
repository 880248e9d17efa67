/** The deck's pages drawn with pptxgenjs into a .pptx package, before the package step makes it casebook's. */
import { PptxGenJS } from './pptxgen.js'
import type { Brand } from '../../config/brand.js'
import type { Locale } from '../../locale/load-locale.js'
import type { SlideLayout } from '../deck-view.js'
import { drawCover } from './draw-cover.js'
import { drawPage } from './draw-page.js'
import { MASTER, defineMasters } from './pptx-masters.js'
import type { Palette, RunStyle } from './pptx-style.js'
import type { DeckPages } from './read-deck.js'
import { FACE, type PlaceholderBoxes } from './pptx-text.js'
import { xmlSafe } from '../shared/xml-escape.js'

/** Separates the notes' paragraphs in the one string pptxgenjs takes; the package step makes paragraphs of them. */
export const NOTES_BREAK = '\n'

/**
 * The deck as pptxgenjs writes it, and where each slide's placeholders go (by slide, from the
 * first). `layout` is the one the deck view was paginated with; a compact case slide is drawn at its compact sizes.
 */
export async function buildPptx(deck: DeckPages, layout: SlideLayout, look: { brand: Brand; colors: Palette; style: RunStyle; locale: Locale; organisation?: string }): Promise<{ bytes: Uint8Array; placeholders: PlaceholderBoxes[] }> {
  const pptx = new PptxGenJS()
  // 13.333 × 7.5 in: the deck's 1280 × 720 canvas at 96 px to the inch.
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = deck.title
  if (deck.subtitle) pptx.subject = deck.subtitle
  pptx.author = deck.author ?? look.organisation ?? ''
  pptx.company = look.organisation ?? ''
  pptx.theme = { headFontFace: FACE.headings, bodyFontFace: FACE.body }
  defineMasters(pptx, look.brand, look.colors, look.style, deck.title, layout)
  const compact = layout.compact()
  const placeholders: PlaceholderBoxes[] = []
  for (const page of deck.pages) {
    const cover = page.body.kind === 'cover'
    const slide = pptx.addSlide({ masterName: cover ? MASTER.cover : MASTER.content })
    const pen = { pptx, slide, colors: look.colors, style: look.style, locale: look.locale, layout: page.body.kind === 'items' && page.body.compact ? compact : layout }
    placeholders.push(cover ? drawCover(page, pen, Boolean(look.brand.logo)) : drawPage(page, pen))
    if (page.notes.length) slide.addNotes(page.notes.map((paragraph) => xmlSafe(paragraph).replaceAll(NOTES_BREAK, ' ')).join(NOTES_BREAK))
  }
  return { bytes: (await pptx.write({ outputType: 'uint8array' })) as Uint8Array, placeholders }
}
