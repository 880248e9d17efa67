/**
 * Page numbers for the contents, estimated in one linear pass over the body.
 * Each paragraph is broken into lines (line-breaks.ts) at casebook's style
 * sizes, and lines fill pages at the styles' exact heights and spacing. That is exact where it
 * matters most here: every chapter starts on a new page, so an error inside
 * one chapter rarely moves the next. Word corrects any number when its fields
 * are updated. (The docx library's `docx/layout` lays pages out closer to
 * Word, but costs about 0.1 s per case and grows faster than linearly with
 * paragraph length; on the seed both give the same numbers.)
 */
import type { IParagraphStyleOptions } from 'docx'
import type { ParagraphLayout, RowLayout } from './body-block.js'
import { DEFAULT_PARAGRAPH, DEFAULT_SIZE, paragraphStyles } from './docx-styles.js'
import { lineCount } from './line-breaks.js'

interface Metrics {
  /** Font size in twips. */
  size: number
  before: number
  after: number
  /** Line spacing: twips when `rule` is exact or atLeast, 240ths of a line when auto. */
  line: number
  rule: 'exact' | 'atLeast' | 'auto'
  indent: number
  /** Kept on the page of the next paragraph's first line (headings). */
  keepNext: boolean
}

/** The printable area in twips. */
export interface PageArea {
  width: number
  height: number
}

/** Word's natural line height for the document's fonts, as a multiple of the font size (SimSun 1.0–1.3, Times 1.15). */
const NATURAL_LINE = 1.3
/** Room a contents entry keeps for its dot leader and page number, in ems. */
const TOC_PAGE_ROOM = 4
/** A row's cell margins (60 above and below) and the half-point rule under it (the table styles' insideH and bottom borders), in twips. */
const ROW_PADDING = 130
/** The table's top rule, over its header row wherever that row is printed (the first page of the table and each it continues on). */
const TABLE_TOP_RULE = 10
const CELL_SIDES = 200

/** The page each bookmarked paragraph starts on, and the page count. */
export function estimatePages(blocks: Iterable<ParagraphLayout | RowLayout>, area: PageArea): { pages: Map<string, number>; pageCount: number } {
  const metrics = styleMetrics()
  const pages = new Map<string, number>()
  let page = 1
  let y = 0
  // The space after the paragraph above, not yet added: LibreOffice separates two paragraphs by the larger of its space after and the next one's space before.
  let after = 0
  const newPage = (): void => {
    page++
    y = 0
    after = 0
  }
  // The current table's header rows, repeated at the top of each page it continues on.
  let headerRows = 0
  // Headings wait here for what follows: they go to the next page with its first line when that does not fit.
  let kept: Array<{ block: ParagraphLayout; style: Metrics; lines: number; lineHeight: number }> = []

  const measure = (block: ParagraphLayout) => {
    const style = metricsOf(block, metrics)
    return { block, style, lines: linesOf(block.lines, (area.width - style.indent) / style.size, block.contentsEntry ? TOC_PAGE_ROOM : 0), lineHeight: block.height ?? lineHeightOf(style) }
  }
  // Line by line, as Word and LibreOffice fill a page, with no space before at the top of a page and
  // widow and orphan control (set in the document defaults): a page break leaves at least two lines
  // of a paragraph on each side, so a paragraph that cannot do so where it is starts on the next page.
  const place = ({ block, style, lines, lineHeight }: ReturnType<typeof measure>): void => {
    if (block.pageBreakBefore && y > 0) newPage()
    if (y > 0) {
      const gap = Math.max(after, style.before)
      const fit = Math.floor((area.height - y - gap) / lineHeight)
      const here = lines <= fit ? lines : Math.min(fit, lines - 2)
      if (here < Math.min(2, lines)) newPage()
      else y += gap
    }
    if (block.bookmark) pages.set(block.bookmark, page)
    let remaining = lines
    for (;;) {
      const fit = Math.max(1, Math.floor((area.height - y) / lineHeight))
      if (remaining <= fit) break
      remaining -= Math.max(1, Math.min(fit, remaining - 2))
      newPage()
    }
    y += remaining * lineHeight
    after = style.after
  }
  /** Places the kept headings, first moving them to a new page when they and `next` (its first line's height and space before) do not fit together. */
  const release = (next: { before: number; height: number; pageBreakBefore: boolean } | null): void => {
    if (!kept.length) return
    if (next && !next.pageBreakBefore && y > 0 && !kept[0].block.pageBreakBefore) {
      let end = y
      let space = after
      for (const item of kept) {
        end += Math.max(space, item.style.before) + item.lines * item.lineHeight
        space = item.style.after
      }
      if (end + Math.max(space, next.before) + next.height > area.height) newPage()
    }
    for (const item of kept) place(item)
    kept = []
  }

  for (const block of blocks) {
    if (block.kind === 'row') {
      const height = rowHeight(block, metrics)
      release({ before: 0, height, pageBreakBefore: false })
      // Rows never split (casebook marks them cantSplit); a row that does not fit starts a page.
      if (y > 0 && y + after + height > area.height) {
        newPage()
        y += headerRows
      }
      y += after + height
      after = 0
      headerRows = block.header ? headerRows + height : headerRows
      continue
    }
    headerRows = 0
    const measured = measure(block)
    if (measured.style.keepNext) {
      if (block.pageBreakBefore) release(null)
      kept.push(measured)
      continue
    }
    // A heading stays with as much of the next paragraph as may begin a page: two lines under orphan
    // control, or all of it when it has three or fewer (two lines would leave the third a widow).
    release({ before: measured.style.before, height: measured.lineHeight * (measured.lines <= 3 ? measured.lines : 2), pageBreakBefore: block.pageBreakBefore })
    place(measured)
  }
  release(null)
  return { pages, pageCount: page }
}

function rowHeight(row: RowLayout, metrics: Map<string, Metrics>): number {
  let tallest = 0
  for (const cell of row.cells) {
    let height = 0
    for (const paragraph of cell.paragraphs) {
      const style = metrics.get(paragraph.style) ?? (metrics.get('Normal') as Metrics)
      height += linesOf(paragraph.lines, (cell.width - CELL_SIDES) / style.size, 0) * lineHeightOf(style) + style.after
    }
    tallest = Math.max(tallest, height)
  }
  return ROW_PADDING + tallest + (row.header ? TABLE_TOP_RULE : 0)
}

/** Lines a paragraph takes at `capacity` ems per line; each piece between breaks starts a line, the first keeps `room` ems free. */
function linesOf(pieces: string[], capacity: number, room: number): number {
  let lines = 0
  for (let index = 0; index < pieces.length; index++) lines += lineCount(pieces[index], capacity, index === 0 ? room : 0)
  return lines
}

/** A line's height: exact where the style says so (every text style casebook writes), else from the font size. */
function lineHeightOf(style: Metrics): number {
  if (style.rule === 'exact') return style.line
  const natural = style.size * NATURAL_LINE
  return style.rule === 'atLeast' ? Math.max(style.line, natural) : (natural * style.line) / 240
}

function metricsOf(paragraph: ParagraphLayout, metrics: Map<string, Metrics>): Metrics {
  const base = metrics.get(paragraph.style) ?? (metrics.get('Normal') as Metrics)
  return paragraph.indent === undefined ? base : { ...base, indent: paragraph.indent }
}

/** Sizes and spacing of each casebook style, following basedOn to the document defaults. */
function styleMetrics(): Map<string, Metrics> {
  const styles = paragraphStyles()
  const byId = new Map(styles.map((style) => [style.id, style]))
  const resolve = (style: IParagraphStyleOptions | undefined): Metrics => {
    const base: Metrics = style?.basedOn && style.basedOn !== style.id ? resolve(byId.get(style.basedOn)) : { size: DEFAULT_SIZE * 10, before: DEFAULT_PARAGRAPH.spacing.before, after: DEFAULT_PARAGRAPH.spacing.after, line: DEFAULT_PARAGRAPH.spacing.line, rule: DEFAULT_PARAGRAPH.spacing.lineRule, indent: 0, keepNext: false }
    const spacing = style?.paragraph?.spacing
    const indent = style?.paragraph?.indent
    return {
      size: typeof style?.run?.size === 'number' ? style.run.size * 10 : base.size,
      before: spacing?.before ?? base.before,
      after: spacing?.after ?? base.after,
      line: spacing?.line ?? base.line,
      rule: spacing?.line === undefined ? base.rule : spacing.lineRule === 'exact' || spacing.lineRule === 'atLeast' ? spacing.lineRule : 'auto',
      indent: indent && 'left' in indent && typeof indent.left === 'number' ? indent.left : base.indent,
      keepNext: style?.paragraph?.keepNext ?? base.keepNext,
    }
  }
  return new Map(styles.map((style) => [style.id, resolve(style)]))
}
