/**
 * A case slide's body, piece by piece, at the heights the deck's layout gave them when it filled
 * the slide (`SlideLayout.itemHeight`, at the compact sizes on a compact slide), so what fitted a
 * page of slides.html fits this slide: key points on a tinted band with their label beside the
 * text, the insight on the primary colour at the foot, pictures as pictures, tables as native tables.
 */
import type { BorderProps, ShapeFillProps, TableCell } from './pptxgen.js'
import type { CaseItem, SlideCell } from '../deck-view.js'
import { fittingSize, type Pen } from './pen.js'
import { inches, points } from './pptx-style.js'
import { boxOptions, run, type Box } from './pptx-text.js'

/** Draws `items` down `body`; an insight that ends the slide sits at its foot, as in slides.html. */
export function drawItems(items: CaseItem[], body: Box, pen: Pen): void {
  const continued = pen.locale.t('continued')
  let y = body.y
  items.forEach((item, index) => {
    // A heading that opens the slide has no space above it (slides.css), which its height in the layout keeps.
    const height = pen.layout.itemHeight(item, continued) - (index === 0 && item.type === 'heading' ? pen.layout.style.headingAbove : 0)
    const last = index === items.length - 1
    const top = item.type === 'insight' && last && index > 0 ? Math.max(y, body.y + body.h - height) : y
    drawItem(item, { x: body.x, y: top, w: body.w, h: height }, pen)
    if (item.untranslated) markUntranslated({ x: body.x, y: top, w: body.w, h: height }, pen)
    y = top + height
  })
}

function drawItem(item: CaseItem, box: Box, pen: Pen): void {
  const { slide, colors, style: look, locale, pptx, layout } = pen
  const { style, font } = layout
  const continued = locale.t('continued')
  const heading = (text: string, color: string) => run(text, { ...font.heading, color }, look)
  const headingHeight = (text: string, width = box.w) => style.headingLine * layout.lines(text, width, font.heading)
  switch (item.type) {
    case 'heading': {
      const runs = [heading(item.text, colors.accent)]
      if (item.continued) runs.push(run(` ${continued}`, { size: style.headingSize, color: colors.muted }, look))
      // Set on the space below it, so it opens a slide without the space above.
      const height = headingHeight(item.continued ? `${item.text} ${continued}` : item.text)
      slide.addText(runs, boxOptions({ ...box, y: box.y + box.h - style.headingBelow - height, h: height }, style.headingLine))
      return
    }
    case 'lead': {
      const top = headingHeight(item.heading)
      slide.addText([heading(item.heading, colors.accent)], boxOptions({ ...box, h: top }, style.headingLine))
      const height = style.leadLine * layout.lines(item.text, box.w, font.lead)
      slide.addText([run(item.text, { ...font.lead, color: colors.text }, look)], boxOptions({ ...box, y: box.y + top + style.headingGap, h: height }, style.leadLine))
      return
    }
    case 'point': {
      const widths = layout.pointWidths()
      const labelled = item.label !== null
      const labelLines = labelled ? layout.lines(item.label!, widths.label, font.label) + (item.continued ? 1 : 0) : 0
      const textLines = layout.lines(item.text, labelled ? widths.text : widths.whole, font.text)
      const band = 2 * style.pointPadY + style.textLine * Math.max(labelLines, textLines)
      slide.addShape(pptx.ShapeType.rect, { x: inches(box.x), y: inches(box.y), w: inches(box.w), h: inches(band), fill: { color: colors.accentSoft }, line: { type: 'none' } })
      slide.addShape(pptx.ShapeType.rect, { x: inches(box.x), y: inches(box.y), w: inches(style.pointRule), h: inches(band), fill: { color: colors.accent }, line: { type: 'none' } })
      const inner = { x: box.x + style.pointRule + style.pointPadX, y: box.y + style.pointPadY }
      if (labelled) {
        if (item.label) {
          // A Latin word longer than the label column cannot wrap in a viewer: the label steps down until it fits.
          const size = fittingSize(layout, item.label, widths.label, font.label, 10, labelLines)
          const runs = [run(item.label, { ...font.label, size, color: colors.accent }, look, Boolean(item.continued))]
          if (item.continued) runs.push(run(continued, { size: 0.8 * style.textSize, color: colors.muted }, look))
          slide.addText(runs, boxOptions({ ...inner, w: widths.label, h: style.textLine * labelLines }, style.textLine))
        }
        slide.addText([run(item.text, { ...font.text, color: colors.text }, look)], boxOptions({ ...inner, x: inner.x + widths.label + style.labelGap, w: widths.text, h: style.textLine * textLines }, style.textLine))
      } else slide.addText([run(item.text, { ...font.text, color: colors.text }, look)], boxOptions({ ...inner, w: widths.whole, h: style.textLine * textLines }, style.textLine))
      return
    }
    case 'text': {
      const indent = item.bullet ? style.bulletIndent : 0
      const height = style.textLine * layout.lines(item.text, box.w - indent, font.text)
      const bullet = item.bullet ? { bullet: { characterCode: '25AA', indent: points(indent) } } : {}
      slide.addText([run(item.text, { ...font.text, color: colors.text }, look)], boxOptions({ ...box, h: height }, style.textLine, bullet))
      return
    }
    case 'insight': {
      const panel = { ...box, y: box.y + style.insightAbove, h: box.h - style.insightAbove }
      const inner = { x: panel.x + style.insightPadX, w: panel.w - 2 * style.insightPadX }
      slide.addShape(pptx.ShapeType.rect, { x: inches(panel.x), y: inches(panel.y), w: inches(panel.w), h: inches(panel.h), fill: { color: colors.primary }, line: { type: 'none' } })
      const top = headingHeight(item.heading, inner.w)
      slide.addText([heading(item.heading, colors.highlight)], boxOptions({ ...inner, y: panel.y + style.insightPadY, h: top }, style.headingLine))
      const height = style.textLine * layout.lines(item.text, inner.w, font.text)
      slide.addText([run(item.text, { ...font.text, color: colors.background }, look)], boxOptions({ ...inner, y: panel.y + style.insightPadY + top + style.headingGap, h: height }, style.textLine))
      return
    }
    case 'figure': {
      if (item.src) {
        const [mime, data] = item.src.replace(/^data:/, '').split(',', 2)
        slide.addImage({ data: `${mime},${data}`, x: inches(box.x + (box.w - item.width) / 2), y: inches(box.y), w: inches(item.width), h: inches(item.height), altText: item.alt || item.caption })
      } else slide.addText([run(item.alt, { ...font.text, color: colors.muted }, look)], boxOptions({ ...box, h: item.height }, style.textLine, { valign: 'middle', align: 'center' }))
      if (item.caption) {
        const height = style.captionLine * layout.lines(item.caption, box.w, font.caption)
        slide.addText([run(item.caption, { ...font.caption, color: colors.muted }, look)], boxOptions({ ...box, y: box.y + item.height, h: height }, style.captionLine, { align: 'center' }))
      }
      return
    }
    case 'table': {
      let y = box.y
      if (item.label) {
        const runs = [run(item.label, { ...font.caption, color: colors.muted }, look)]
        if (item.continued) runs.push(run(` ${continued}`, { ...font.caption, color: colors.muted }, look))
        const height = style.captionLine * layout.lines(item.continued ? `${item.label} ${continued}` : item.label, box.w, font.caption)
        slide.addText(runs, boxOptions({ ...box, h: height }, style.captionLine))
        y += height
      }
      drawTable(item.header, item.rows, Boolean(item.floor), { ...box, y }, pen)
      return
    }
    default: {
      // A new kind of slide item fails to compile here until it is drawn: its text would be lost.
      const unknown: never = item
      throw new Error(`no drawing for slide item ${JSON.stringify(unknown)}`)
    }
  }
}

/**
 * A table of the case as a native table: its header row in the accent, ruled rows as tall as the
 * deck measured them, at the floor type size when the deck set it there.
 */
function drawTable(header: SlideCell[], rows: SlideCell[][], floor: boolean, box: Box, pen: Pen): void {
  const { colors, style: look, layout } = pen
  const { style } = layout
  const size = floor ? style.tableFloorSize : style.tableSize
  const none = { type: 'none' as const }
  const rule = [none, none, { type: 'solid' as const, pt: 0.75, color: colors.rule }, none] as [BorderProps, BorderProps, BorderProps, BorderProps]
  const columns = Math.max(header.length, ...rows.map((row) => row.length))
  const cell = (source: SlideCell | undefined, head: boolean): TableCell => ({
    text: source?.text ? [run(source.text, { size, color: head ? colors.accent : colors.text, bold: head }, look)] : '',
    options: { border: rule, margin: [0, inches(style.tablePadX), 0, inches(style.tablePadX)], valign: 'middle', align: source?.align ?? 'left' },
  })
  const grid = [header, ...rows].map((row, index) => Array.from({ length: columns }, (_, column) => cell(row[column], index === 0)))
  const heights = [layout.rowHeight(header, floor, true), ...rows.map((row) => layout.rowHeight(row, floor, false))]
  pen.slide.addTable(grid, { x: inches(box.x), y: inches(box.y), w: inches(box.w), colW: Array.from({ length: columns }, () => inches(box.w / columns)), rowH: heights.map(inches) })
}

/** Source text a partial translation lacks: a dashed outline and the catalog's “Untranslated” at its corner, as slides.html draws them. */
function markUntranslated(box: Box, pen: Pen): void {
  const { slide, pptx, colors, style: look, locale, layout } = pen
  slide.addShape(pptx.ShapeType.rect, { x: inches(box.x - 2), y: inches(box.y - 2), w: inches(box.w + 4), h: inches(box.h - 6), fill: { type: 'none' } as ShapeFillProps, line: { color: colors.muted, width: 1.5, dashType: 'dash' } })
  const label = locale.t('untranslated')
  // 6px padding each side, and a tenth more room than the deck's fonts need, for a viewer's.
  const width = Math.ceil(1.1 * layout.measure.width(label, { size: 12 })) + 12
  slide.addText([run(label, { size: 12, color: colors.background }, look)], boxOptions({ x: box.x + box.w + 2 - width, y: box.y - 2, w: width, h: 18 }, 18, { fill: { color: colors.muted }, align: 'center', margin: 0 }))
}
