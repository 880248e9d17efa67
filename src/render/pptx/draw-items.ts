/**
 * A case slide's body, piece by piece, at the heights the deck's pagination gave them
 * (`itemHeight`), so what fitted a page of slides.html fits this slide: key points on a tinted
 * band with their label beside the text, the insight on the primary colour at the foot,
 * pictures as pictures, tables as native tables.
 */
import type { BorderProps, ShapeFillProps, TableCell } from './pptxgen.js'
import { FIGURE, ITEM, TABLE, itemHeight, type CaseItem, type SlideCell } from '../deck-view.js'
import { lineCount, textWidth } from '../text-width.js'
import { oneLineWidth, type Pen } from './pen.js'
import { inches, points } from './pptx-style.js'
import { boxOptions, run, type Box } from './pptx-text.js'

/** Draws `items` down `body`; an insight that ends the slide sits at its foot, as in slides.html. */
export function drawItems(items: CaseItem[], body: Box, pen: Pen): void {
  let y = body.y
  items.forEach((item, index) => {
    const height = itemHeight(item)
    const last = index === items.length - 1
    const top = item.type === 'insight' && last && index > 0 ? Math.max(y, body.y + body.h - height) : y
    drawItem(item, { x: body.x, y: top, w: body.w, h: height }, index === 0, pen)
    if (item.untranslated) markUntranslated({ x: body.x, y: top, w: body.w, h: height }, pen)
    y = top + height
  })
}

function drawItem(item: CaseItem, box: Box, first: boolean, pen: Pen): void {
  const { slide, colors, style, locale, pptx } = pen
  const heading = (text: string, color: string) => run(text, { size: 18, color, bold: true, spacing: 0.12 }, style)
  switch (item.type) {
    case 'heading': {
      const runs = [heading(item.text, colors.accent)]
      if (item.continued) runs.push(run(` ${locale.t('continued')}`, { size: 18, color: colors.muted }, style))
      slide.addText(runs, boxOptions({ ...box, y: box.y + (first ? 0 : 12), h: 26 }, 26))
      return
    }
    case 'lead': {
      const lines = lineCount(item.text, ITEM.lead.ems)
      slide.addText([heading(item.heading, colors.accent)], boxOptions({ ...box, h: 26 }, 26))
      slide.addText([run(item.text, { size: ITEM.lead.size, color: colors.text }, style)], boxOptions({ ...box, y: box.y + 32, h: ITEM.lead.line * lines }, ITEM.lead.line))
      return
    }
    case 'point': {
      const lines = Math.max(lineCount(item.text, ITEM.point.ems), item.label ? lineCount(item.label, 240 / ITEM.point.size) : 1)
      const band = 20 + ITEM.point.line * lines
      slide.addShape(pptx.ShapeType.rect, { x: inches(box.x), y: inches(box.y), w: inches(box.w), h: inches(band), fill: { color: colors.accentSoft }, line: { type: 'none' } })
      slide.addShape(pptx.ShapeType.rect, { x: inches(box.x), y: inches(box.y), w: inches(4), h: inches(band), fill: { color: colors.accent }, line: { type: 'none' } })
      const inner = { x: box.x + 24, y: box.y + 10, h: ITEM.point.line * lines }
      if (item.label) {
        // A word longer than the label column cannot wrap there: the label steps down until it fits.
        const longest = Math.max(...item.label.split(/\s+/).map((word) => (/[\u2e80-\uffff]/.test(word) ? 0 : textWidth(word))))
        const size = Math.min(ITEM.point.size, Math.floor(240 / Math.max(longest, 0.01)))
        slide.addText([run(item.label, { size, color: colors.accent, bold: true }, style)], boxOptions({ ...inner, w: 240 }, ITEM.point.line))
        slide.addText([run(item.text, { size: ITEM.point.size, color: colors.text }, style)], boxOptions({ ...inner, x: inner.x + 240 + 28, w: box.w - 24 - 20 - 240 - 28 }, ITEM.point.line))
      } else slide.addText([run(item.text, { size: ITEM.point.size, color: colors.text }, style)], boxOptions({ ...inner, w: box.w - 24 - 20 }, ITEM.point.line))
      return
    }
    case 'text': {
      const lines = lineCount(item.text, ITEM.text.ems)
      const bullet = item.bullet ? { bullet: { characterCode: '25AA', indent: points(28) } } : {}
      slide.addText([run(item.text, { size: ITEM.text.size, color: colors.text }, style)], boxOptions({ ...box, h: ITEM.text.line * lines }, ITEM.text.line, bullet))
      return
    }
    case 'insight': {
      const lines = lineCount(item.text, ITEM.insight.ems)
      const panel = { ...box, y: box.y + 14, h: box.h - 14 }
      slide.addShape(pptx.ShapeType.rect, { x: inches(panel.x), y: inches(panel.y), w: inches(panel.w), h: inches(panel.h), fill: { color: colors.primary }, line: { type: 'none' } })
      slide.addText([heading(item.heading, colors.highlight)], boxOptions({ x: panel.x + 24, y: panel.y + 16, w: panel.w - 48, h: 26 }, 26))
      slide.addText([run(item.text, { size: ITEM.insight.size, color: colors.background }, style)], boxOptions({ x: panel.x + 24, y: panel.y + 48, w: panel.w - 48, h: ITEM.insight.line * lines }, ITEM.insight.line))
      return
    }
    case 'figure': {
      if (item.src) {
        const [mime, data] = item.src.replace(/^data:/, '').split(',', 2)
        slide.addImage({ data: `${mime},${data}`, x: inches(box.x + (box.w - item.width) / 2), y: inches(box.y), w: inches(item.width), h: inches(item.height), altText: item.alt || item.caption })
      } else slide.addText([run(item.alt, { size: ITEM.text.size, color: colors.muted }, style)], boxOptions({ ...box, h: item.height }, ITEM.text.line, { valign: 'middle', align: 'center' }))
      if (item.caption) slide.addText([run(item.caption, { size: 18, color: colors.muted }, style)], boxOptions({ ...box, y: box.y + item.height, h: FIGURE.caption }, FIGURE.caption, { align: 'center' }))
      return
    }
    case 'table': {
      let y = box.y
      if (item.label) {
        const runs = [run(item.label, { size: 18, color: colors.muted }, style)]
        if (item.continued) runs.push(run(` ${locale.t('continued')}`, { size: 18, color: colors.muted }, style))
        slide.addText(runs, boxOptions({ ...box, h: TABLE.label }, TABLE.label))
      }
      y += TABLE.label
      drawTable(item.header, item.rows, { ...box, y, h: TABLE.row * (item.rows.length + 1) }, pen)
      return
    }
    default: {
      // A new kind of slide item fails to compile here until it is drawn: its text would be lost.
      const unknown: never = item
      throw new Error(`no drawing for slide item ${JSON.stringify(unknown)}`)
    }
  }
}

/** A table of the case as a native table: its header row in the accent, ruled rows of one line each. */
function drawTable(header: SlideCell[], rows: SlideCell[][], box: Box, pen: Pen): void {
  const { colors, style } = pen
  const none = { type: 'none' as const }
  const rule = [none, none, { type: 'solid' as const, pt: 0.75, color: colors.rule }, none] as [BorderProps, BorderProps, BorderProps, BorderProps]
  const columns = Math.max(header.length, ...rows.map((row) => row.length))
  const cell = (source: SlideCell | undefined, head: boolean): TableCell => ({
    text: source?.text ? [run(source.text, { size: TABLE.size, color: head ? colors.accent : colors.text, bold: head }, style)] : '',
    options: { border: rule, margin: [0, inches(12), 0, inches(12)], valign: 'middle', align: source?.align ?? 'left' },
  })
  const grid = [header, ...rows].map((row, index) => Array.from({ length: columns }, (_, column) => cell(row[column], index === 0)))
  pen.slide.addTable(grid, { x: inches(box.x), y: inches(box.y), w: inches(box.w), colW: Array.from({ length: columns }, () => inches(box.w / columns)), rowH: grid.map(() => inches(TABLE.row)) })
}

/** Source text a partial translation lacks: a dashed outline and the catalog's “Untranslated” at its corner, as slides.html draws them. */
function markUntranslated(box: Box, pen: Pen): void {
  const { slide, pptx, colors, style, locale } = pen
  slide.addShape(pptx.ShapeType.rect, { x: inches(box.x - 2), y: inches(box.y - 2), w: inches(box.w + 4), h: inches(box.h - 6), fill: { type: 'none' } as ShapeFillProps, line: { color: colors.muted, width: 1.5, dashType: 'dash' } })
  const label = locale.t('untranslated')
  const width = oneLineWidth(label, 12) + 12
  slide.addText([run(label, { size: 12, color: colors.background }, style)], boxOptions({ x: box.x + box.w + 2 - width, y: box.y - 2, w: width, h: 18 }, 18, { fill: { color: colors.muted }, align: 'center', margin: 0 }))
}
