/**
 * Draws one page of the deck on a slide, at the deck's own sizes (slide-metrics.ts, in canvas
 * px): the header (kicker, title placeholder, rule), then the body of its kind. Every word is a
 * text run; the overview and tables are native tables; pictures are pictures with alt text.
 */
import type { BorderProps, TableCell, TableCellProps, TextProps } from './pptxgen.js'
import { lineCount } from '../text-width.js'
import { AGENDA, CONTENT_WIDTH, FRAME, OVERVIEW, TITLE, bodyHeight } from '../deck-view.js'
import type { DeckPage, EntryLine, OverviewLine } from './read-deck.js'
import { drawItems } from './draw-items.js'
import { PAD_TOP, PAD_X, TITLE_EMS, fittingSize, longestWord, oneLineWidth, type Pen } from './pen.js'
import { inches, points } from './pptx-style.js'
import { boxOptions, run, type Box, type PlaceholderBoxes } from './pptx-text.js'

/** Draws a content page (every kind but the title slide); returns where its title placeholder goes. */
export function drawPage(page: DeckPage, pen: Pen): PlaceholderBoxes {
  const titleLines = Math.min(TITLE.maxLines, lineCount(page.title, TITLE_EMS))
  const title = { x: PAD_X, y: PAD_TOP + 28 + 6, w: CONTENT_WIDTH, h: TITLE.line * titleLines, line: TITLE.line }
  const top = drawHeader(page, title, pen)
  const body: Box = { x: PAD_X, y: top, w: CONTENT_WIDTH, h: bodyHeight(titleLines) }
  switch (page.body.kind) {
    case 'entries':
      if (page.body.columns > 1) drawAgenda(page.body.entries, page.body.rows, body, pen)
      else drawChanges(page.body.entries, body, pen)
      break
    case 'paragraphs':
      drawParagraphs(page.body.paragraphs, body, pen)
      break
    case 'items':
      drawItems(page.body.items, body, pen)
      break
    case 'overview':
      drawOverview(page.body.themes, page.body.rows, body, pen)
      break
    case 'cover':
      throw new Error('the title slide is drawn by drawCover')
  }
  return { title }
}

/** The kicker, the title (`title` its box) in the layout's title placeholder, and the rule under them; returns where the body starts. */
function drawHeader(page: DeckPage, title: Box, pen: Pen): number {
  const { slide, colors, style, locale } = pen
  // One line, as slides.css keeps it: a long kicker (the deck's title over a frame) steps down in size.
  const kickerSize = fittingSize(page.kicker, CONTENT_WIDTH / 1.12 - 160, 20, 12)
  const kicker = [run(page.kicker, { size: kickerSize, color: colors.accent, bold: true, spacing: 0.12 }, style)]
  if (page.untranslated) kicker.push(run(`  ${locale.t('untranslated')}`, { size: 14, color: colors.muted }, style))
  if (page.continued) kicker.push(run(` ${locale.t('continued')}`, { size: 20, color: colors.muted }, style))
  slide.addText(kicker, boxOptions({ x: PAD_X, y: PAD_TOP, w: CONTENT_WIDTH, h: 28 }, 28, { objectName: 'Kicker' }))
  slide.addText([run(page.title, { size: TITLE.size, color: colors.primary, bold: true, role: 'headings' }, style)], {
    ...boxOptions(title, TITLE.line, { align: 'left' }),
    placeholder: 'title',
  })
  const rule = title.y + title.h + 18
  slide.addShape(pen.pptx.ShapeType.rect, { x: inches(PAD_X), y: inches(rule), w: inches(CONTENT_WIDTH), h: inches(3), fill: { color: colors.rule }, line: { type: 'none' } })
  slide.addShape(pen.pptx.ShapeType.rect, { x: inches(PAD_X), y: inches(rule), w: inches(120), h: inches(3), fill: { color: colors.accent }, line: { type: 'none' } })
  return rule + 3 + 24
}

/** Agenda lines in columns that fill the first column first, each linking to its case's slide. */
function drawAgenda(entries: EntryLine[], rows: number, body: Box, pen: Pen): void {
  const { slide, colors, style } = pen
  const gap = 56
  const columnWidth = (body.w - gap * (AGENDA.columns - 1)) / AGENDA.columns
  // slides.css's 51 px rows when the agenda is full; fewer rows share the body, up to 90 px each, so long titles keep a readable size.
  const rowHeight = Math.max(51, Math.min(90, Math.floor(body.h / Math.max(1, rows))))
  const labelWidth = Math.max(90, ...entries.map((entry) => oneLineWidth(entry.label, 20)))
  const numberWidth = 44
  const titleWidth = columnWidth - labelWidth - numberWidth - 32
  entries.forEach((entry, index) => {
    const x = body.x + Math.floor(index / rows) * (columnWidth + gap)
    const y = body.y + (index % rows) * rowHeight
    const link = entry.slide
    const cell = { y: y + 4, h: rowHeight - 6 }
    slide.addText([run(entry.label, { size: 20, color: colors.accent, bold: true }, style)], boxOptions({ x, ...cell, w: labelWidth }, 36, { valign: 'middle' }))
    // The stylesheet cuts a long title with an ellipsis; here it steps down in size, then wraps, so every word stays.
    // On one line down to 16 px, else on as many lines as the row holds, at the largest size that fits them.
    const single = fittingSize(entry.title, titleWidth, 24, 16)
    let size = single
    if (lineCount(entry.title, titleWidth / single) > 1) {
      for (size = 20; size > 9; size--) if (lineCount(entry.title, titleWidth / size) * size * 1.25 <= rowHeight - 6 && longestWord(entry.title) * size <= titleWidth) break
    }
    const lines = lineCount(entry.title, titleWidth / size)
    const line = lines > 1 ? Math.min(size * 1.25, (rowHeight - 6) / lines) : 36
    slide.addText([run(entry.title, { size, color: colors.text }, style)], boxOptions({ x: x + labelWidth + 16, ...cell, w: titleWidth }, line, { valign: 'middle' }))
    // The slide number is the link (a linked title would be underlined in every viewer).
    if (link) slide.addText([run(String(link), { size: 17, color: colors.muted, link }, style)], boxOptions({ x: x + columnWidth - numberWidth, ...cell, w: numberWidth }, 36, { align: 'right', valign: 'middle' }))
    slide.addShape(pen.pptx.ShapeType.line, { x: inches(x), y: inches(y + rowHeight - 1), w: inches(columnWidth), h: 0, line: { color: colors.rule, width: 0.75 } })
  })
}

/** The edition notes: one line per change, its kind, the case and a detail line under it. */
function drawChanges(entries: EntryLine[], body: Box, pen: Pen): void {
  const { slide, colors, style } = pen
  const natural = entries.reduce((sum, entry) => sum + 16 + 34 + (entry.detail ? 26 : 0) + 1, 0)
  // Seven lines with details can be taller than the body; the whole list scales down together then.
  const scale = Math.min(1, body.h / natural)
  // A line that is only its change (which edition it compares with, a changed introduction) runs across; the others share columns.
  const columned = entries.filter((entry) => entry.label || entry.title)
  const changeWidth = Math.min(body.w * 0.3, Math.max(108, ...columned.map((entry) => oneLineWidth(entry.change, 18)))) * scale
  const labelWidth = Math.max(0, ...columned.map((entry) => (entry.label ? oneLineWidth(entry.label, 20) + 16 : 0))) * scale
  let y = body.y
  for (const entry of entries) {
    const height = (16 + 34 + (entry.detail ? 26 : 0)) * scale
    const top = y + 8 * scale
    if (!entry.label && !entry.title) {
      slide.addText([run(entry.change, { size: fittingSize(entry.change, body.w / scale, 18, 12) * scale, color: colors.muted }, style)], boxOptions({ x: body.x, y: top, w: body.w, h: 34 * scale }, 34 * scale))
    } else {
      const x = body.x + changeWidth + 16 * scale
      slide.addText([run(entry.change, { size: fittingSize(entry.change, changeWidth / scale, 18, 12) * scale, color: colors.muted }, style)], boxOptions({ x: body.x, y: top, w: changeWidth, h: 34 * scale }, 34 * scale))
      if (entry.label) slide.addText([run(entry.label, { size: 20 * scale, color: colors.accent, bold: true }, style)], boxOptions({ x, y: top, w: labelWidth, h: 34 * scale }, 34 * scale))
      const textX = x + labelWidth
      const width = body.x + body.w - textX
      const lines = [run(entry.title, { size: fittingSize(entry.title, width / scale, 24, 14) * scale, color: colors.text }, style, Boolean(entry.detail))]
      if (entry.detail) lines.push(run(entry.detail, { size: fittingSize(entry.detail, width / scale, 18, 12) * scale, color: colors.muted }, style))
      slide.addText(lines, boxOptions({ x: textX, y: top, w: width, h: height - 16 * scale }, (entry.detail ? 30 : 34) * scale))
    }
    y += height + scale
    slide.addShape(pen.pptx.ShapeType.line, { x: inches(body.x), y: inches(y - scale), w: inches(body.w), h: 0, line: { color: colors.rule, width: 0.75 } })
  }
}

/** The introduction or conclusion: its paragraphs in one box, at the deck's frame size. */
function drawParagraphs(paragraphs: string[], body: Box, pen: Pen): void {
  const { colors, style } = pen
  const height = paragraphs.reduce((sum, text) => sum + FRAME.line * lineCount(text, FRAME.ems), 0) + FRAME.gap * (paragraphs.length - 1)
  const runs = paragraphs.map((text, index) => run(text, { size: FRAME.size, color: colors.text }, style, index < paragraphs.length - 1))
  pen.slide.addText(runs, boxOptions({ ...body, h: Math.min(body.h, height) }, FRAME.line, { paraSpaceAfter: points(FRAME.gap), align: style.lang.startsWith('zh') || style.lang.startsWith('ja') ? 'justify' : 'left' }))
}

/** The overview as a native table: cases down, themes (or key points) across, each case linking to its slide. */
function drawOverview(themes: string[], rows: OverviewLine[], body: Box, pen: Pen): void {
  const { slide, colors, style, locale } = pen
  const header = 50
  const rowHeight = 39
  const caseWidth = themes.length ? body.w - themes.length * OVERVIEW.themeWidth : body.w * OVERVIEW.caseShare
  const widths = themes.length ? [caseWidth, ...themes.map(() => OVERVIEW.themeWidth)] : [caseWidth, body.w - caseWidth]
  const cell = (text: string | TextProps[], options: TableCellProps = {}): TableCell => ({ text, options: { margin: [0, inches(8), 0, inches(8)], valign: 'middle', ...options } })
  const line = { type: 'solid' as const, pt: 0.75, color: colors.rule }
  const none = { type: 'none' as const }
  const headBorder: [BorderProps, BorderProps, BorderProps, BorderProps] = [none, none, { type: 'solid', pt: 1.5, color: colors.accent }, none]
  const rowBorder: typeof headBorder = [none, none, line, none]
  // A head wraps to a second line (the row has room for two) before it steps down in size.
  const headRun = (text: string, width: number) => [run(text, { size: fittingSize(text, width - 16, 17, 11, 2), color: colors.accent, bold: true }, style)]
  const head = [
    cell(headRun(locale.t('overviewCase'), widths[0]), { border: headBorder, valign: 'bottom' }),
    ...(themes.length ? themes.map((theme) => cell(headRun(theme, OVERVIEW.themeWidth), { border: headBorder, valign: 'bottom', align: 'center' })) : [cell(headRun(locale.t('overviewPoints'), widths[1]), { border: headBorder, valign: 'bottom' })]),
  ]
  const tableRows = rows.map((row, index) => {
    const fill = index % 2 === 0 ? { fill: { color: colors.accentSoft } } : {}
    const caseCell = cell(
      // The label links to the case's first slide.
      [run(row.label, { size: OVERVIEW.label.size, color: colors.accent, bold: true, link: row.slide }, style), run(`  ${row.title}`, { size: OVERVIEW.size, color: colors.text }, style)],
      { border: rowBorder, ...fill },
    )
    if (row.none) return [caseCell, cell([run('—', { size: OVERVIEW.size, color: colors.muted }, style)], { border: rowBorder, colspan: Math.max(1, themes.length), align: themes.length ? 'center' : 'left', ...fill })]
    if (row.cells) return [caseCell, ...row.cells.map((has) => cell(has ? [run('●', { size: 20, color: colors.accent }, style)] : '', { border: rowBorder, align: 'center', ...fill }))]
    return [caseCell, cell([run(row.points, { size: OVERVIEW.size, color: colors.muted }, style)], { border: rowBorder, ...fill })]
  })
  slide.addTable([head, ...tableRows], {
    x: inches(body.x),
    y: inches(body.y),
    w: inches(body.w),
    colW: widths.map(inches),
    rowH: [inches(header), ...rows.map(() => inches(rowHeight))],
    objectName: 'Overview',
  })
}
