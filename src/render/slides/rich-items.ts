/**
 * Figures and tables as slide pieces. A figure is scaled to fit the content
 * column and the stylesheet's --slide-figure-height (so it has a slide to itself
 * or shares one with a little text); a table is one piece with every row and
 * every cell's whole text, which pagination splits into runs of rows that fit
 * a slide, each after the first marked continued, as text that runs over is.
 */
import { Buffer } from 'node:buffer'
import type { Figure, Table } from '../../types.js'
import { plainText } from '../../text/plain-text.js'
import type { RichContent } from '../rich-content.js'
import type { SlideLayout } from './slide-layout.js'
import type { CaseItem, SlideCell } from './slide-types.js'

/** A figure's piece: the picture as a data URI, scaled down to fit (never up), with its number and caption. */
export function figureItem(figure: Figure, rich: RichContent | null, layout: SlideLayout): CaseItem {
  const asset = figure.data?.sha256 ? rich?.images.get(figure.data.sha256) : undefined
  const entry = rich?.floats.get(figure)
  const caption = [entry?.label, entry?.caption ?? plainText(figure)].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim()
  const width = layout.contentWidth
  const maxHeight = layout.style.figureHeight
  if (!asset) return { type: 'figure', src: null, alt: figure.alt || figure.url, caption, width, height: 60 }
  const natural = { width: asset.width || width, height: asset.height || maxHeight }
  const scale = Math.min(1, width / natural.width, maxHeight / natural.height)
  return {
    type: 'figure',
    src: `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`,
    alt: figure.alt,
    caption,
    width: Math.max(1, Math.floor(natural.width * scale)),
    height: Math.max(1, Math.floor(natural.height * scale)),
  }
}

/** A table's piece: its header row over all its rows, each cell's whole text. */
export function tableItem(table: Table, rich: RichContent | null): CaseItem {
  const [head, ...body] = table.children
  const columns = Math.max(1, ...table.children.map((row) => row.children.length))
  const cells = (row: Table['children'][number] | undefined): SlideCell[] =>
    Array.from({ length: columns }, (_, index) => ({ text: row?.children[index] ? plainText(row.children[index]).replace(/\s+/g, ' ').trim() : '', align: table.align[index] ?? null }))
  const label = rich?.floats.get(table)?.label ?? ''
  return { type: 'table', label, header: cells(head), rows: body.map(cells), continued: false }
}
