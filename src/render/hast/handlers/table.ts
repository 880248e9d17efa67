/** A table as `<table>`: its number as `<caption>`, the first row in `<thead>` as `<th>`, column alignment on each cell. */
import type { Element, ElementContent } from 'hast'
import type { Table, TableCell, TableRow } from '../../../types.js'
import { lineEnding } from '../line-ending.js'
import type { State } from '../state.js'

/** A table: caption (its label, when numbered), header row and body rows. */
export function table(state: State, node: Table): Element {
  const [head, ...body] = node.children
  const entry = state.rich?.floats.get(node)
  const children: ElementContent[] = [lineEnding()]
  if (entry) children.push({ type: 'element', tagName: 'caption', properties: {}, children: [{ type: 'element', tagName: 'span', properties: { className: ['float-label'] }, children: [{ type: 'text', value: entry.label }] }] }, lineEnding())
  if (head) children.push(section('thead', [rowElement(state, head, node.align, 'th')]), lineEnding())
  if (body.length) children.push(section('tbody', body.map((row) => rowElement(state, row, node.align, 'td'))), lineEnding())
  return { type: 'element', tagName: 'table', properties: entry ? { id: entry.id } : {}, children }
}

/** A row on its own (outside a table's handler): its cells as `<td>`. */
export function tableRow(state: State, node: TableRow): Element {
  return rowElement(state, node, [], 'td')
}

/** A cell on its own: `<td>` holding its phrasing. */
export function tableCell(state: State, node: TableCell): Element {
  return { type: 'element', tagName: 'td', properties: {}, children: state.phrasing(node.children) }
}

function section(tagName: string, rows: Element[]): Element {
  return { type: 'element', tagName, properties: {}, children: [lineEnding(), ...rows.flatMap((row) => [row, lineEnding()])] }
}

function rowElement(state: State, row: TableRow, align: Table['align'], tagName: 'th' | 'td'): Element {
  const cells = row.children.map((cell, index): Element => {
    const side = align[index]
    return { type: 'element', tagName, properties: side ? { style: `text-align: ${side}` } : {}, children: state.phrasing(cell.children) }
  })
  return { type: 'element', tagName: 'tr', properties: {}, children: cells }
}
