/**
 * Figures and tables as slide pieces. A figure is scaled to fit the content
 * column and FIGURE.maxHeight (so it has a slide to itself or shares one with
 * a little text); a table is cut into runs of rows that fit a slide, each
 * after the first marked continued, as text that runs over is.
 */
import { Buffer } from 'node:buffer'
import type { Figure, Table } from '../../types.js'
import { plainText } from '../../text/plain-text.js'
import type { RichContent } from '../rich-content.js'
import { fitLines } from './brief-text.js'
import { CONTENT_WIDTH, FIGURE, TABLE } from './slide-metrics.js'
import type { CaseItem, SlideCell } from './slide-types.js'

/** A figure's piece: the picture as a data URI, scaled down to fit (never up), with its number and caption. */
export function figureItem(figure: Figure, rich: RichContent | null): CaseItem {
  const asset = figure.data?.sha256 ? rich?.images.get(figure.data.sha256) : undefined
  const entry = rich?.floats.get(figure)
  const caption = fitLines([entry?.label, entry?.caption ?? plainText(figure)].filter(Boolean).join(' '), FIGURE.captionEms, 1)
  if (!asset) return { type: 'figure', src: null, alt: figure.alt || figure.url, caption, width: CONTENT_WIDTH, height: 60 }
  const natural = { width: asset.width || CONTENT_WIDTH, height: asset.height || FIGURE.maxHeight }
  const scale = Math.min(1, CONTENT_WIDTH / natural.width, FIGURE.maxHeight / natural.height)
  return {
    type: 'figure',
    src: `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`,
    alt: figure.alt,
    caption,
    width: Math.max(1, Math.floor(natural.width * scale)),
    height: Math.max(1, Math.floor(natural.height * scale)),
  }
}

/** A table's pieces: its header row over each run of at most TABLE.maxRows rows; cells cut to one line. */
export function tableItems(table: Table, rich: RichContent | null): CaseItem[] {
  const [head, ...body] = table.children
  const columns = Math.max(1, ...table.children.map((row) => row.children.length))
  const ems = (CONTENT_WIDTH / columns - 24) / TABLE.size
  const cells = (row: Table['children'][number] | undefined): SlideCell[] =>
    Array.from({ length: columns }, (_, index) => ({ text: fitLines(row?.children[index] ? plainText(row.children[index]) : '', ems, 1), align: table.align[index] ?? null }))
  const label = rich?.floats.get(table)?.label ?? ''
  const header = cells(head)
  const items: CaseItem[] = []
  for (let start = 0; start < body.length || start === 0; start += TABLE.maxRows) {
    items.push({ type: 'table', label, header, rows: body.slice(start, start + TABLE.maxRows).map(cells), continued: start > 0 })
    if (body.length === 0) break
  }
  return items
}
