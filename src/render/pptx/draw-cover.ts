/**
 * The title slide, as slides.html lays it out: the accent bar at the left, the organisation,
 * the deck's title (in the title placeholder) at the size the deck chose, subtitle, a short rule,
 * date and author, stacked and centred down the slide; the number of cases on the primary-coloured
 * panel at the right. The brand's logo and classification are on the cover's master.
 */
import type { SlideLayout } from '../deck-view.js'
import { fittingSize, type Pen } from './pen.js'
import type { DeckPage } from './read-deck.js'
import { inches } from './pptx-style.js'
import { boxOptions, run, type Box, type PlaceholderBoxes } from './pptx-text.js'

/** The accent bar's width at the cover's left edge (slides.css's `.title-main::before`). */
export const COVER_BAR = 16
/** The cover panel's padding: 56 px above and below, 44 px at the sides (`.title-side`). */
const PANEL = { y: 56, x: 44 }
/** Where a logo on the cover's master sits: at the column's top, at most this tall. */
export const COVER_LOGO = { y: 32, h: 56 }

/** The cover's text column: right of the bar, left of the panel, inside their padding. */
export function coverColumn(layout: SlideLayout): { x: number; w: number } {
  const { style } = layout
  return { x: style.titlePadLeft, w: style.width - style.titleSide - style.titlePadLeft - style.titlePadRight }
}

/** Draws the title slide; returns where its title and subtitle placeholders go. */
export function drawCover(page: DeckPage, pen: Pen, hasLogo: boolean): PlaceholderBoxes {
  if (page.body.kind !== 'cover') throw new Error('drawCover draws the title slide')
  const { slide, colors, style: look, pptx, layout } = pen
  const { style, measure } = layout
  const { size, subtitle, meta, count, countText } = page.body
  const { x, w: width } = coverColumn(layout)
  // slides.css's title slide: the organisation (22px bold on 32px lines, 28px under it), the title at its size, the subtitle (28px on 40px, 24px over it), the rule (40 + 4 + 24) and the meta line (20px on 30px).
  const kicker = { size: 22, bold: true, spacing: 0.2 }
  const title = {
    normal: { size: style.deckTitleSize, line: style.deckTitleLine },
    long: { size: style.deckTitleLongSize, line: style.deckTitleLongLine },
    floor: { size: style.deckTitleFloorSize, line: style.deckTitleFloorLine },
  }[size]
  const titleFont = { size: title.size, bold: true, spacing: style.deckTitleSpacing }
  const metaText = meta.join('\u3000\u3000')
  const kickerHeight = page.kicker ? 32 * measure.count(page.kicker, width, kicker) : 0
  const titleHeight = title.line * measure.count(page.title, width, titleFont)
  const subtitleHeight = subtitle ? 40 * measure.count(subtitle, width, { size: 28 }) : 0
  const metaHeight = metaText ? 30 * measure.count(metaText, width, { size: 20 }) : 0
  const total = (kickerHeight ? kickerHeight + 28 : 0) + titleHeight + (subtitle ? 24 + subtitleHeight : 0) + 40 + 4 + 24 + metaHeight
  // Centred in the column, below the master's logo when the brand has one.
  const top = hasLogo ? COVER_LOGO.y + COVER_LOGO.h + 8 : style.titlePadY
  let y = Math.max(top, (style.height - total) / 2)
  if (page.kicker) {
    slide.addText([run(page.kicker, { ...kicker, color: colors.muted }, look)], boxOptions({ x, y, w: width, h: kickerHeight }, 32))
    y += kickerHeight + 28
  }
  const placed: PlaceholderBoxes = { title: { x, y, w: width, h: titleHeight, line: title.line } }
  slide.addText([run(page.title, { ...titleFont, color: colors.primary, role: 'headings' }, look)], {
    ...boxOptions(placed.title!, title.line, { align: 'left' }),
    placeholder: 'title',
  })
  y += titleHeight
  if (subtitle) {
    const box: Box = { x, y: y + 24, w: width, h: subtitleHeight }
    slide.addText([run(subtitle, { size: 28, color: colors.muted }, look)], { ...boxOptions(box, 40, { align: 'left' }), placeholder: 'subtitle' })
    placed.body = { ...box, line: 40 }
    y += 24 + subtitleHeight
  }
  slide.addShape(pptx.ShapeType.rect, { x: inches(x), y: inches(y + 40), w: inches(96), h: inches(4), fill: { color: colors.accent }, line: { type: 'none' } })
  y += 40 + 4 + 24
  if (metaText) slide.addText([run(metaText, { size: 20, color: colors.muted }, look)], boxOptions({ x, y, w: width, h: metaHeight }, 30))

  // The panel's count and its words (22px on 32px lines, 16px under the count), set at its foot.
  const panelX = style.width - style.titleSide + PANEL.x
  const panelWidth = style.titleSide - 2 * PANEL.x
  const words = { size: 22, spacing: 0.1 }
  const wordsHeight = 32 * measure.count(countText, panelWidth, words)
  const wordsTop = style.height - PANEL.y - wordsHeight
  const number = { size: fittingSize(layout, String(count), panelWidth, { size: 132, bold: true }, 48), bold: true }
  slide.addText([run(String(count), { ...number, color: colors.highlight }, look)], boxOptions({ x: panelX, y: wordsTop - 16 - 132, w: panelWidth, h: 132 }, 132, { valign: 'bottom' }))
  slide.addText([run(countText, { ...words, color: colors.background }, look)], boxOptions({ x: panelX, y: wordsTop, w: panelWidth, h: wordsHeight }, 32))
  return placed
}
