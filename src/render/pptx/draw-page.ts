/**
 * Draws one page of the deck on a slide at the sizes the deck was paginated with (the deck's
 * layout: slides.css's `--slide-…` sizes, its text measured with the embedded fonts): the header
 * (kicker, title placeholder, rule), then the body of its kind. Every word is a text run; the
 * overview and tables are native tables; pictures are pictures with alt text.
 */
import type { BorderProps, TableCell, TableCellProps, TextProps } from './pptxgen.js'
import type { DeckPage, EntryLine, OverviewLine } from './read-deck.js'
import { drawItems } from './draw-items.js'
import { fittingSize, footerTop, type Pen } from './pen.js'
import { inches, points } from './pptx-style.js'
import { boxOptions, run, type Box, type PlaceholderBoxes } from './pptx-text.js'

/** Draws a content page (every kind but the title slide); returns where its title placeholder goes. */
export function drawPage(page: DeckPage, pen: Pen): PlaceholderBoxes {
  const { title, top } = drawHeader(page, pen)
  const { style, contentWidth } = pen.layout
  const body: Box = { x: style.padX, y: top, w: contentWidth, h: footerTop(pen.layout) - top }
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

/**
 * The kicker (with “Untranslated” and “(continued)” after it) and the title, each wrapping as in
 * slides.html, the title in the layout's title placeholder, and the rule under them; returns the
 * title's box and where the body starts.
 */
function drawHeader(page: DeckPage, pen: Pen): { title: Box & { line: number }; top: number } {
  const { slide, colors, style: look, locale, layout } = pen
  const { style, font, contentWidth } = layout
  const untranslated = page.untranslated ? locale.t('untranslated') : ''
  const continued = page.continued ? locale.t('continued') : ''
  // Measured as the deck measures it: the kicker's words and what follows them, all in the kicker's font.
  const kickerHeight = style.kickerLine * layout.lines([page.kicker, untranslated, continued].filter(Boolean).join(' '), contentWidth, font.kicker)
  const kicker = [run(page.kicker, { ...font.kicker, color: colors.accent }, look)]
  if (untranslated) kicker.push(run(` ${untranslated}`, { size: 14, color: colors.muted }, look))
  if (continued) kicker.push(run(` ${continued}`, { size: style.kickerSize, color: colors.muted }, look))
  slide.addText(kicker, boxOptions({ x: style.padX, y: style.padTop, w: contentWidth, h: kickerHeight }, style.kickerLine, { objectName: 'Kicker' }))
  const y = style.padTop + kickerHeight + style.kickerGap
  const title = { x: style.padX, y, w: contentWidth, h: style.titleLine * layout.lines(page.title, contentWidth, font.title), line: style.titleLine }
  slide.addText([run(page.title, { ...font.title, color: colors.primary, role: 'headings' }, look)], {
    ...boxOptions(title, style.titleLine, { align: 'left' }),
    placeholder: 'title',
  })
  const rule = title.y + title.h + style.headerGap
  slide.addShape(pen.pptx.ShapeType.rect, { x: inches(style.padX), y: inches(rule), w: inches(contentWidth), h: inches(style.headerRule), fill: { color: colors.rule }, line: { type: 'none' } })
  slide.addShape(pen.pptx.ShapeType.rect, { x: inches(style.padX), y: inches(rule), w: inches(120), h: inches(style.headerRule), fill: { color: colors.accent }, line: { type: 'none' } })
  return { title, top: rule + style.headerRule + style.headerMargin }
}

/**
 * Agenda lines in two columns that fill the first column first, each linking to its case's
 * slide: a row of the grid as tall as the taller of its two entries, each entry its title's lines
 * between the agenda's padding, as the deck measured them.
 */
function drawAgenda(entries: EntryLine[], rows: number, body: Box, pen: Pen): void {
  const { slide, colors, style: look, layout } = pen
  const { style, measure } = layout
  const columnWidth = (body.w - style.agendaColumnGap) / 2
  const titleWidth = columnWidth - style.agendaLabelWidth - style.agendaNumberWidth - 2 * style.agendaGap
  const titleFont = { size: style.agendaSize }
  const lines = entries.map((entry) => style.agendaLine * measure.count(entry.title, titleWidth, titleFont))
  let y = body.y
  for (let row = 0; row < rows; row++) {
    const height = 2 * style.agendaPad + 1 + Math.max(lines[row] ?? 0, lines[row + rows] ?? 0)
    for (const index of [row, row + rows]) {
      const entry = entries[index]
      if (!entry) continue
      const x = body.x + (index < rows ? 0 : columnWidth + style.agendaColumnGap)
      const top = y + style.agendaPad
      const label = { size: fittingSize(layout, entry.label, style.agendaLabelWidth, { size: style.agendaLabelSize, bold: true }, 12), bold: true }
      slide.addText([run(entry.label, { ...label, color: colors.accent }, look)], boxOptions({ x, y: top, w: style.agendaLabelWidth, h: style.agendaLine }, style.agendaLine))
      const titleX = x + style.agendaLabelWidth + style.agendaGap
      slide.addText([run(entry.title, { ...titleFont, color: colors.text }, look)], boxOptions({ x: titleX, y: top, w: titleWidth, h: lines[index] }, style.agendaLine))
      // The slide number is the link (a linked title would be underlined in every viewer).
      const link = entry.slide
      if (link) {
        const number = { size: fittingSize(layout, String(link), style.agendaNumberWidth, { size: style.agendaNumberSize }, 10) }
        slide.addText([run(String(link), { ...number, color: colors.muted, link }, look)], boxOptions({ x: x + columnWidth - style.agendaNumberWidth, y: top, w: style.agendaNumberWidth, h: style.agendaLine }, style.agendaLine, { align: 'right' }))
      }
      slide.addShape(pen.pptx.ShapeType.line, { x: inches(x), y: inches(y + height - 1), w: inches(columnWidth), h: 0, line: { color: colors.rule, width: 0.75 } })
    }
    y += height
  }
}

/**
 * The edition notes: a line per change, its kind (18px, at least 6em wide), the case's label and
 * its title (24px on 34px lines) with a detail line under it (18px on 26px), 8px above and below,
 * as the deck measured them.
 */
function drawChanges(entries: EntryLine[], body: Box, pen: Pen): void {
  const { slide, colors, style: look, layout } = pen
  const { style, measure } = layout
  const changeFont = { size: 18 }
  let y = body.y
  for (const entry of entries) {
    const top = y + 8
    let height: number
    if (!entry.label && !entry.title) {
      // A line that is only its change (which edition it compares with, a changed introduction) runs across.
      height = 34 * measure.count(entry.change, body.w, changeFont)
      slide.addText([run(entry.change, { ...changeFont, color: colors.muted }, look)], boxOptions({ x: body.x, y: top, w: body.w, h: height }, 34))
    } else {
      const changeWidth = Math.max(6 * 18, measure.width(entry.change, changeFont))
      const size = fittingSize(layout, entry.change, changeWidth, changeFont, 12)
      slide.addText([run(entry.change, { size, color: colors.muted }, look)], boxOptions({ x: body.x, y: top, w: changeWidth, h: 34 }, 34))
      let x = body.x + changeWidth + 16
      if (entry.label) {
        const label = { size: fittingSize(layout, entry.label, style.agendaLabelWidth, { size: 20, bold: true }, 12), bold: true }
        slide.addText([run(entry.label, { ...label, color: colors.accent }, look)], boxOptions({ x, y: top, w: style.agendaLabelWidth, h: 34 }, 34))
        x += style.agendaLabelWidth + 16
      }
      const width = body.x + body.w - x
      const titleHeight = 34 * measure.count(entry.title, width, { size: 24 })
      slide.addText([run(entry.title, { size: 24, color: colors.text }, look)], boxOptions({ x, y: top, w: width, h: titleHeight }, 34))
      height = titleHeight
      if (entry.detail) {
        const detailHeight = 26 * measure.count(entry.detail, width, changeFont)
        slide.addText([run(entry.detail, { ...changeFont, color: colors.muted }, look)], boxOptions({ x, y: top + titleHeight, w: width, h: detailHeight }, 26))
        height += detailHeight
      }
    }
    y += 16 + height + 1
    slide.addShape(pen.pptx.ShapeType.line, { x: inches(body.x), y: inches(y - 1), w: inches(body.w), h: 0, line: { color: colors.rule, width: 0.75 } })
  }
}

/** The introduction or conclusion: its paragraphs in one box, at the deck's frame size. */
function drawParagraphs(paragraphs: string[], body: Box, pen: Pen): void {
  const { colors, style: look, layout } = pen
  const { style, font, contentWidth } = layout
  const height = paragraphs.reduce((sum, text) => sum + style.frameLine * layout.lines(text, contentWidth, font.frame) + style.frameGap, 0)
  const runs = paragraphs.map((text, index) => run(text, { ...font.frame, color: colors.text }, look, index < paragraphs.length - 1))
  pen.slide.addText(runs, boxOptions({ ...body, h: Math.min(body.h, height) }, style.frameLine, { paraSpaceAfter: points(style.frameGap), align: look.lang.startsWith('zh') || look.lang.startsWith('ja') ? 'justify' : 'left' }))
}

/**
 * The overview as a native table: cases down, themes (or key points) across, each case linking to
 * its slide; the head and each row as tall as the deck measured them, every title and key point whole.
 */
function drawOverview(themes: string[], rows: OverviewLine[], body: Box, pen: Pen): void {
  const { slide, colors, style: look, locale, layout } = pen
  const { style, measure } = layout
  const caseWidth = themes.length ? body.w - themes.length * style.overviewThemeWidth : body.w * style.overviewCaseShare
  const widths = themes.length ? [caseWidth, ...themes.map(() => style.overviewThemeWidth)] : [caseWidth, body.w - caseWidth]
  const cellFont = { size: style.overviewSize }
  const headFont = { size: style.overviewHeadSize, bold: true }
  const labelFont = { size: style.overviewLabelSize, bold: true }
  const padX = inches(style.overviewPadX)
  const headMargin: [number, number, number, number] = [0, padX, inches(10), padX]
  const rowMargin: [number, number, number, number] = [inches(style.overviewPadY), padX, inches(style.overviewPadY), padX]
  const cell = (text: string | TextProps[], options: TableCellProps = {}): TableCell => ({ text, options: { margin: rowMargin, valign: 'top', ...options } })
  const none = { type: 'none' as const }
  const headBorder: [BorderProps, BorderProps, BorderProps, BorderProps] = [none, none, { type: 'solid', pt: 1.5, color: colors.accent }, none]
  const rowBorder: typeof headBorder = [none, none, { type: 'solid', pt: 0.75, color: colors.rule }, none]
  // The head row: its set height, or its wrapped heads' lines over its 10px bottom padding; and its 2px rule.
  const heads = [locale.t('overviewCase'), ...(themes.length ? themes : [locale.t('overviewPoints')])]
  const headLines = Math.max(...heads.map((head, index) => measure.count(head, widths[index] - 2 * style.overviewPadX, headFont)))
  const headHeight = Math.max(style.overviewHeadHeight, style.overviewHeadLine * headLines + 10) + 2
  // A head wraps as the deck measured it; one whose word is wider than its column (which a viewer would break inside) steps down until the word fits.
  const headRun = (text: string, index: number) => run(text, { ...headFont, size: fittingSize(layout, text, widths[index] - 2 * style.overviewPadX, headFont, 11, headLines), color: colors.accent }, look)
  const head = heads.map((text, index) => cell([headRun(text, index)], { border: headBorder, margin: headMargin, valign: 'bottom', align: themes.length && index > 0 ? 'center' : 'left' }))
  // A row: the case's title after its label, and its key points, wrapped as the deck measured them.
  const rowHeight = (row: OverviewLine) => {
    const indent = measure.width(row.label, labelFont) + style.overviewLabelGap
    const titleLines = measure.count(row.title, caseWidth - 2 * style.overviewPadX, cellFont, indent)
    const pointLines = row.cells || row.none ? 1 : measure.count(row.points, body.w - caseWidth - 2 * style.overviewPadX, cellFont)
    return 2 * style.overviewPadY + 1 + style.overviewLine * Math.max(titleLines, pointLines)
  }
  const tableRows = rows.map((row, index) => {
    const fill = index % 2 === 0 ? { fill: { color: colors.accentSoft } } : {}
    const caseCell = cell(
      // The label links to the case's first slide.
      [run(row.label, { ...labelFont, color: colors.accent, link: row.slide }, look), run(`  ${row.title}`, { ...cellFont, color: colors.text }, look)],
      { border: rowBorder, ...fill },
    )
    if (row.none) return [caseCell, cell([run('—', { ...cellFont, color: colors.muted }, look)], { border: rowBorder, colspan: Math.max(1, themes.length), align: themes.length ? 'center' : 'left', ...fill })]
    if (row.cells) return [caseCell, ...row.cells.map((has) => cell(has ? [run('●', { ...cellFont, color: colors.accent }, look)] : '', { border: rowBorder, align: 'center', valign: 'middle', ...fill }))]
    return [caseCell, cell([run(row.points, { ...cellFont, color: colors.muted }, look)], { border: rowBorder, ...fill })]
  })
  slide.addTable([head, ...tableRows], {
    x: inches(body.x),
    y: inches(body.y),
    w: inches(body.w),
    colW: widths.map(inches),
    rowH: [inches(headHeight), ...rows.map((row) => inches(rowHeight(row)))],
    objectName: 'Overview',
  })
}
