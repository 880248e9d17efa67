/**
 * The title slide, as slides.html lays it out: the accent bar at the left, the organisation,
 * the deck's title (in the title placeholder), subtitle, a short rule, date and author, stacked
 * and centred down the slide; the number of cases on the primary-coloured panel at the right.
 */
import { CANVAS } from '../deck-view.js'
import { lineCount } from '../text-width.js'
import { fittingSize, type Pen } from './pen.js'
import type { DeckPage } from './read-deck.js'
import { inches } from './pptx-style.js'
import { boxOptions, run, type Box, type PlaceholderBoxes } from './pptx-text.js'

/** The cover's dark panel at the right, and the left column's margins. */
export const COVER = { side: 300, left: 96, right: 72, bar: 16 }

/** Draws the title slide; returns where its title and subtitle placeholders go. */
export function drawCover(page: DeckPage, pen: Pen): PlaceholderBoxes {
  if (page.body.kind !== 'cover') throw new Error('drawCover draws the title slide')
  const { slide, colors, style, pptx } = pen
  const { size, subtitle, meta, count, countText } = page.body
  const width = CANVAS.width - COVER.side - COVER.left - COVER.right
  const title = size === 'long' ? { size: 44, line: 56 } : { size: 56, line: 70 }
  const titleLines = lineCount(page.title, width / title.size)
  const subtitleLines = subtitle ? lineCount(subtitle, width / 28) : 0
  const parts = [page.kicker ? 28 + 28 : 0, title.line * titleLines, subtitle ? 24 + 40 * subtitleLines : 0, 40 + 4 + 24, meta.length ? 30 : 0]
  let y = Math.max(64, (CANVAS.height - parts.reduce((sum, part) => sum + part, 0)) / 2)
  if (page.kicker) {
    slide.addText([run(page.kicker, { size: fittingSize(page.kicker, width / 1.2, 22, 12), color: colors.muted, bold: true, spacing: 0.2 }, style)], boxOptions({ x: COVER.left, y, w: width, h: 28 }, 28))
    y += 56
  }
  const placed: PlaceholderBoxes = { title: { x: COVER.left, y, w: width, h: title.line * titleLines, line: title.line } }
  slide.addText([run(page.title, { size: title.size, color: colors.primary, bold: true, role: 'headings' }, style)], {
    ...boxOptions(placed.title!, title.line, { align: 'left' }),
    placeholder: 'title',
  })
  y += title.line * titleLines
  if (subtitle) {
    const box: Box = { x: COVER.left, y: y + 24, w: width, h: 40 * subtitleLines }
    slide.addText([run(subtitle, { size: 28, color: colors.muted }, style)], { ...boxOptions(box, 40, { align: 'left' }), placeholder: 'subtitle' })
    placed.body = { ...box, line: 40 }
    y += 24 + 40 * subtitleLines
  }
  slide.addShape(pptx.ShapeType.rect, { x: inches(COVER.left), y: inches(y + 40), w: inches(96), h: inches(4), fill: { color: colors.accent }, line: { type: 'none' } })
  y += 40 + 4 + 24
  if (meta.length) slide.addText([run(meta.join('    '), { size: 20, color: colors.muted }, style)], boxOptions({ x: COVER.left, y, w: width, h: 30 }, 30))

  // The panel's count and its words, set at its foot.
  const panelX = CANVAS.width - COVER.side + 44
  const panelWidth = COVER.side - 88
  const countLines = lineCount(countText, panelWidth / 22)
  const wordsTop = CANVAS.height - 56 - 32 * countLines
  slide.addText([run(String(count), { size: 132, color: colors.highlight, bold: true }, style)], boxOptions({ x: panelX, y: wordsTop - 16 - 132, w: panelWidth, h: 132 }, 132, { valign: 'bottom' }))
  slide.addText([run(countText, { size: 22, color: colors.background, spacing: 0.1 }, style)], boxOptions({ x: panelX, y: wordsTop, w: panelWidth, h: 32 * countLines }, 32))
  return placed
}
