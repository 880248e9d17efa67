/**
 * The richer blocks of outline text, in Markdown's syntax on lines of their
 * own: a pipe table (a header line, a `|---|:---:|` line, then rows), a
 * picture `![caption](path)`, numbered items `1.` (a run of them is one
 * list, starting at its first number) and quotes `>` (a run of them is one
 * quote). Each line either starts such a block or continues the last one.
 */
import type { Position } from 'unist'
import type { Block, Blockquote, Figure, List, Paragraph, Table, TableCell } from '../types.js'
import { type SourceLine, pointInLine, spanAt } from './positions.js'

/** A numbered item: `1.`, `1)`, `１．` (not `1.1`, a section number). */
const ORDERED = /^([0-9０-９]{1,9})[.．)）](?![0-9０-９])\s*/
const FIGURE = /^!\[([^\]]*)\]\(\s*([^)\s]+)(?:\s+"([^"]*)")?\s*\)$/
const QUOTE = /^[>＞]\s?/
const DELIMITER_ROW = /^\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?$/

/**
 * The block a line makes, or adds to `last` (the container's last block,
 * which ended on the line before): returns the new block, `last` when the
 * line went into it, or null when the line is no rich block (then it is a
 * key point or a paragraph).
 */
export function richLine(source: SourceLine, start: number, text: string, span: Position, last: Block | undefined, adjacent: boolean): Block | null {
  const figure = FIGURE.exec(text)
  if (figure) {
    const caption = figure[3] ?? figure[1]
    const at = start + text.indexOf(caption, 2)
    const node: Figure = { type: 'figure', url: figure[2], alt: figure[1], children: caption ? [{ type: 'text', value: caption, position: spanAt(source, at, caption.length) }] : [], position: span }
    return node
  }
  const ordered = ORDERED.exec(text)
  if (ordered) {
    const number = Number(ordered[1].normalize('NFKC'))
    const body = text.slice(ordered[0].length)
    const paragraph: Paragraph = { type: 'paragraph', children: body ? [{ type: 'text', value: body, position: { start: pointInLine(source, start + ordered[0].length), end: span.end } }] : [], position: span }
    const item = { type: 'listItem' as const, children: [paragraph], position: span }
    // A run of numbered items is one list, even across blank lines, as long as nothing else comes between.
    if (last?.type === 'list' && last.ordered) {
      last.children.push(item)
      extendTo(last, span)
      return last
    }
    const list: List = { type: 'list', ordered: true, start: number, children: [item], position: { ...span } }
    return list
  }
  const quote = QUOTE.exec(text)
  if (quote) {
    const body = text.slice(quote[0].length)
    const paragraph: Paragraph = { type: 'paragraph', children: body ? [{ type: 'text', value: body, position: { start: pointInLine(source, start + quote[0].length), end: span.end } }] : [], position: span }
    if (last?.type === 'blockquote' && adjacent) {
      if (body) last.children.push(paragraph)
      extendTo(last, span)
      return last
    }
    const node: Blockquote = { type: 'blockquote', children: body ? [paragraph] : [], position: { ...span } }
    return node
  }
  if (text.includes('|')) {
    // A delimiter row under a header line turns that line into a table.
    if (adjacent && last?.type === 'paragraph' && DELIMITER_ROW.test(text) && text.includes('-')) {
      const header = last.children[0]
      if (header?.type === 'text' && last.children.length === 1 && header.value.includes('|') && header.position) {
        const cells = splitCells(header.value, header.position.start)
        const align = splitCells(text, pointInLine(source, start)).map((cell) => alignOf(cell.text))
        if (cells.length === align.length) return tableFrom(last, cells, align, span)
      }
    }
    if (adjacent && last?.type === 'table' && text.startsWith('|')) {
      const cells = splitCells(text, pointInLine(source, start))
      last.children.push({ type: 'tableRow', children: cells.map(toCell), position: span })
      extendTo(last, span)
      return last
    }
  }
  return null
}

interface RawCell {
  text: string
  position: Position
}

/** The cells of a pipe row: split at unescaped `|`, outer pipes optional, each trimmed, with its place. */
function splitCells(row: string, at: { line: number; column: number; offset?: number }): RawCell[] {
  const cells: RawCell[] = []
  let from = 0
  const bounds: Array<[number, number]> = []
  for (let index = 0; index <= row.length; index++) {
    if (index === row.length || (row[index] === '|' && row[index - 1] !== '\\')) {
      bounds.push([from, index])
      from = index + 1
    }
  }
  // Leading and trailing pipes make empty outer cells that are not cells.
  if (bounds.length > 1 && !row.slice(...bounds[0]).trim()) bounds.shift()
  if (bounds.length > 1 && !row.slice(...bounds[bounds.length - 1]).trim()) bounds.pop()
  for (const [begin, end] of bounds) {
    const raw = row.slice(begin, end)
    const lead = raw.length - raw.trimStart().length
    const text = raw.trim().replace(/\\\|/g, '|')
    const point = (index: number) => ({ line: at.line, column: at.column + index, offset: (at.offset ?? 0) + index })
    cells.push({ text, position: { start: point(begin + lead), end: point(begin + lead + raw.trim().length) } })
  }
  return cells
}

function alignOf(cell: string): Table['align'][number] {
  const left = cell.startsWith(':')
  const right = cell.endsWith(':')
  return left && right ? 'center' : right ? 'right' : left ? 'left' : null
}

function toCell(cell: RawCell): TableCell {
  return { type: 'tableCell', children: cell.text ? [{ type: 'text', value: cell.text, position: cell.position }] : [], position: cell.position }
}

/** The header paragraph becomes a table: it and the delimiter row. Returned in the paragraph's place. */
function tableFrom(header: Paragraph, cells: RawCell[], align: Table['align'], delimiter: Position): Table {
  const position = { start: header.position!.start, end: delimiter.end }
  return { type: 'table', align, children: [{ type: 'tableRow', children: cells.map(toCell), position: header.position }], position }
}

function extendTo(node: { position?: Position }, span: Position): void {
  node.position = node.position ? { start: node.position.start, end: span.end } : span
}
