/**
 * Markdown blocks (mdast, with GFM's tables, footnotes and strikethrough) to
 * case-tree blocks: paragraphs, key points, lists, tables, figures, quotes,
 * code, rules and footnotes. Raw HTML and what has no block kind is kept as
 * text with a warning; nothing is dropped but comments.
 */
import type * as Mdast from 'mdast'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import type { Block, Figure, Phrasing, Point, Table } from '../types.js'
import { splitLabel } from './headings.js'
import { report } from '../messages/report.js'
import { plainText } from '../text/plain-text.js'

const LABEL_SEPARATOR = /^\s*[:：]\s*/

/** Block content, each mdast block as its case-tree kind; raw HTML and unknown kinds are kept as text with a warning. */
export function toBlocks(node: Mdast.RootContent, file: VFile): Block[] {
  switch (node.type) {
    case 'paragraph': {
      const figure = toFigure(node, file)
      if (figure) return [figure]
      warnIfBrokenTable(node, file)
      return [{ type: 'paragraph', children: toPhrasing(node.children, file), position: node.position }]
    }
    case 'heading':
      // Deeper headings inside a section are kept as bold paragraphs.
      return [{ type: 'paragraph', children: [{ type: 'strong', children: toPhrasing(node.children, file), position: node.position }], position: node.position }]
    case 'list':
      return toList(node, file)
    case 'blockquote':
      return [{ type: 'blockquote', children: node.children.flatMap((child) => toBlocks(child, file)), position: node.position }]
    case 'table':
      return [toTable(node, file)]
    case 'code':
      return [{ type: 'code', lang: node.lang ?? null, value: node.value, position: node.position }]
    case 'thematicBreak':
      return [{ type: 'thematicBreak', position: node.position }]
    case 'footnoteDefinition':
      return [{ type: 'footnoteDefinition', identifier: node.identifier, label: node.label ?? null, children: node.children.flatMap((child) => toBlocks(child, file)), position: node.position }]
    case 'definition':
      return []
    case 'html': {
      // Comments are the author's notes, not printed (as in pandoc); other raw HTML is kept as text.
      const { rest, unclosed } = withoutComments(node.value)
      if (!rest.trim()) return []
      if (unclosed) {
        report(file, 'HTML comment (<!--) is not closed, so it runs to the end of its block; that text is kept as plain text: close the comment with -->', { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
      } else {
        report(file, 'Unsupported Markdown (html) is kept as plain text', { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
      }
      return [{ type: 'paragraph', children: [{ type: 'text', value: rest.trim(), position: node.position }], position: node.position }]
    }
    default: {
      const value = 'value' in node && typeof node.value === 'string' ? node.value : plainText(node)
      if (!value.trim()) return []
      report(file, `Unsupported Markdown (${node.type}) is kept as plain text`, { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
      return [{ type: 'paragraph', children: [{ type: 'text', value, position: node.position }], position: node.position }]
    }
  }
}

/**
 * A paragraph that is a picture and nothing else, or a picture, a line break
 * and its caption line: a figure. Its caption is the image's title, else
 * that line. A picture amid other text stays in the paragraph (as its alt text).
 */
function toFigure(paragraph: Mdast.Paragraph, file: VFile): Figure | null {
  const [image, ...rest] = paragraph.children
  if (image?.type !== 'image') return null
  let caption: Mdast.PhrasingContent[] = []
  if (rest.length > 0) {
    // `![alt](url)` then a line: the line is the caption (a soft line ending is a text starting with \n).
    const [next, ...tail] = rest
    if (next.type === 'break') caption = tail
    else if (next.type === 'text' && /^[ \t]*\r?\n/.test(next.value)) caption = [{ ...next, value: next.value.replace(/^[ \t]*\r?\n[ \t]*/, ''), position: next.position }, ...tail]
    else return null
  }
  const children = image.title ? [{ type: 'text' as const, value: image.title, position: image.position }, ...(caption.length ? [{ type: 'break' as const }, ...toPhrasing(caption, file)] : [])] : toPhrasing(caption, file)
  return { type: 'figure', url: image.url, alt: image.alt ?? '', children, position: paragraph.position }
}

/** A GFM table: rows of cells of phrasing, the first row the header. */
function toTable(table: Mdast.Table, file: VFile): Table {
  return {
    type: 'table',
    align: (table.align ?? []).map((value) => value ?? null),
    children: table.children.map((row) => ({
      type: 'tableRow',
      children: row.children.map((cell) => ({ type: 'tableCell', children: toPhrasing(cell.children, file), position: cell.position })),
      position: row.position,
    })),
    position: table.position,
  }
}

/** Bulleted items of one paragraph each become key points; numbered and richer lists stay lists. */
function toList(list: Mdast.List, file: VFile): Block[] {
  const simple = !list.ordered && list.children.every((item) => item.children.length === 1 && item.children[0].type === 'paragraph')
  if (simple) return list.children.map((item) => toPoint(item, item.children[0] as Mdast.Paragraph, file))
  return [{
    type: 'list',
    ordered: Boolean(list.ordered),
    ...(list.ordered ? { start: list.start ?? 1 } : {}),
    children: list.children.map((item) => ({
      type: 'listItem',
      children: item.children.flatMap((child) => toBlocks(child, file)),
      position: item.position,
    })),
    position: list.position,
  }]
}

function toPoint(item: Mdast.ListItem, paragraph: Mdast.Paragraph, file: VFile): Point {
  const children = toPhrasing(paragraph.children, file)
  const [first, second] = children
  // `**label**:text` or `**label:**text`.
  if (first?.type === 'strong') {
    const label = plainText(first)
    if (/[:：]\s*$/.test(label)) {
      return { type: 'point', label: label.replace(/\s*[:：]\s*$/, ''), children: children.slice(1), position: item.position }
    }
    if (second?.type === 'text' && LABEL_SEPARATOR.test(second.value)) {
      const rest = second.value.replace(LABEL_SEPARATOR, '')
      const trimmed = second.value.length - rest.length
      const tail: Phrasing[] = rest ? [{ type: 'text', value: rest, position: shift(second.position, trimmed) }] : []
      return { type: 'point', label, children: [...tail, ...children.slice(2)], position: item.position }
    }
  }
  // `label:text` without bold, as in the outline format.
  const labelled = first?.type === 'text' ? splitLabel(first.value) : null
  if (first && labelled) {
    const tail: Phrasing = { type: 'text', value: labelled.rest, position: shift(first.position, labelled.restIndex) }
    return { type: 'point', label: labelled.label, children: [tail, ...children.slice(1)], position: item.position }
  }
  return { type: 'point', label: null, children, position: item.position }
}

function toPhrasing(nodes: Mdast.PhrasingContent[], file: VFile): Phrasing[] {
  return nodes.flatMap((node): Phrasing[] => {
    switch (node.type) {
      case 'text':
        // Markdown reads a comment that never closes as text: said, as a block's would be.
        if (node.value.includes('<!--')) report(file, 'HTML comment (<!--) is not closed, so it is kept as plain text: close the comment with -->', { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
        return [{ type: node.type, value: node.value, position: node.position }]
      case 'inlineCode':
        return [{ type: node.type, value: node.value, position: node.position }]
      case 'break':
        return [{ type: 'break', position: node.position }]
      case 'strong':
      case 'emphasis':
        return [{ type: node.type, children: toPhrasing(node.children, file), position: node.position }]
      case 'link':
        return [{ type: 'link', url: node.url, title: node.title ?? null, children: toPhrasing(node.children, file), position: node.position }]
      case 'delete':
        // Strikethrough keeps its words (struck text is still the author's), without the strike.
        return toPhrasing(node.children, file)
      case 'footnoteReference':
        return [{ type: 'footnoteReference', identifier: node.identifier, label: node.label ?? null, position: node.position }]
      case 'html': {
        // An inline comment is a note to the author, not text; other inline HTML is kept as text.
        const rest = withoutComments(node.value).rest
        if (!rest) return []
        report(file, 'Unsupported inline Markdown (html) is kept as plain text', { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
        return [{ type: 'text', value: rest, position: node.position }]
      }
      case 'image':
        // Only a picture on a line of its own is a figure; amid text it is kept as a link to it, alt text, URL and title.
        report(file, 'A picture inside a paragraph is kept as a link to it: put it on a line of its own to show it as a figure', { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
        return [{ type: 'link', url: node.url, title: node.title ?? null, children: [{ type: 'text', value: node.alt || node.url, position: node.position }], position: node.position }]
      default: {
        const value = 'value' in node ? String(node.value) : plainText(node)
        if (!value) return []
        report(file, `Unsupported inline Markdown (${node.type}) is kept as plain text`, { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
        return [{ type: 'text', value, position: node.position }]
      }
    }
  })
}

/**
 * Raw HTML without its comments (`<!-- … -->`): what is left, and whether a comment
 * was opened and never closed (then it and what follows it stay in `rest`).
 */
export function withoutComments(html: string): { rest: string; unclosed: boolean } {
  let rest = ''
  let index = 0
  for (;;) {
    const open = html.indexOf('<!--', index)
    if (open === -1) return { rest: rest + html.slice(index), unclosed: false }
    rest += html.slice(index, open)
    const close = html.indexOf('-->', open + 4)
    if (close === -1) return { rest: rest + html.slice(open), unclosed: true }
    index = close + 3
  }
}

/** A position moved `by` characters to the right on its first line. */
function shift(position: Position | undefined, by: number): Position | undefined {
  if (!position) return undefined
  const start = position.start
  return { start: { line: start.line, column: start.column + by, offset: (start.offset ?? 0) + by }, end: { ...position.end } }
}

/**
 * A paragraph of lines that all start and end with `|` was meant as a table, but GFM did not read
 * one (no delimiter row, or one with too few cells): said, since it prints as a line of pipes.
 */
function warnIfBrokenTable(node: Mdast.Paragraph, file: VFile): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  const lines = String(file.value).slice(start, end).split(/\r?\n/).map((line) => line.trim())
  if (lines.length < 2 || !lines.every((line) => line.startsWith('|') && line.endsWith('|'))) return
  report(file, 'These lines look like a table but are not one, so they print as text: a table is a header row, then a delimiter row with a cell for each column (|---|:---:|), then its rows', { place: node.position, ruleId: 'table-invalid', severity: 'warning' })
}
