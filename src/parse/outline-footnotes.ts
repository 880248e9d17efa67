/**
 * Footnotes in outline text, in Markdown's syntax: a line `[^1]: note` defines one, and `[^1]`
 * in a line calls it. As in GFM, a call becomes a footnote reference only when its definition
 * exists; otherwise it stays text as written. Positions are kept: a call sits on its line.
 */
import type { Block, CaseDocument, FootnoteDefinition, Phrasing, Text } from '../types.js'

const DEFINITION = /^\[\^([^\]\s]+)\]:\s*/
const CALL = /\[\^([^\]\s]+)\]/g

/** Turns definition lines into footnote definitions and their calls into references, in place. */
export function outlineFootnotes(tree: CaseDocument): void {
  const defined = new Set<string>()
  const containers: Array<{ children: Block[] }> = tree.children.flatMap((part): Array<{ children: Block[] }> => (part.type === 'case' ? part.children : [part]))
  for (const container of containers) {
    container.children = container.children.map((block) => {
      const definition = asDefinition(block)
      if (definition) defined.add(definition.identifier)
      return definition ?? block
    })
  }
  if (defined.size === 0) return
  for (const container of containers) for (const block of container.children) withReferences(block, defined)
}

/** A paragraph `[^1]: note` as a footnote definition, or null. */
function asDefinition(block: Block): FootnoteDefinition | null {
  if (block.type !== 'paragraph' || block.children.length !== 1 || block.children[0].type !== 'text') return null
  const text = block.children[0]
  const match = DEFINITION.exec(text.value)
  if (!match) return null
  const rest: Text = { type: 'text', value: text.value.slice(match[0].length), position: shifted(text, match[0].length) }
  return {
    type: 'footnoteDefinition',
    identifier: match[1].toLowerCase(),
    label: match[1],
    children: rest.value ? [{ type: 'paragraph', children: [rest], position: block.position }] : [],
    position: block.position,
  }
}

/** Splits the text of `node` (and its descendants) at each call of a defined footnote. */
function withReferences(node: unknown, defined: ReadonlySet<string>): void {
  if (!node || typeof node !== 'object' || !('children' in node) || !Array.isArray(node.children)) return
  const children = node.children as Phrasing[]
  const result: unknown[] = []
  for (const child of children) {
    if (child.type === 'text') result.push(...split(child, defined))
    else {
      withReferences(child, defined)
      result.push(child)
    }
  }
  ;(node as { children: unknown[] }).children = result
}

function split(text: Text, defined: ReadonlySet<string>): Phrasing[] {
  const parts: Phrasing[] = []
  let from = 0
  for (const match of text.value.matchAll(CALL)) {
    const identifier = match[1].toLowerCase()
    if (!defined.has(identifier)) continue
    const at = match.index!
    if (at > from) parts.push({ type: 'text', value: text.value.slice(from, at), position: shifted(text, from, at) })
    parts.push({ type: 'footnoteReference', identifier, label: match[1], position: shifted(text, at, at + match[0].length) })
    from = at + match[0].length
  }
  if (parts.length === 0) return [text]
  if (from < text.value.length) parts.push({ type: 'text', value: text.value.slice(from), position: shifted(text, from) })
  return parts
}

/** The position of `text.value.slice(from, to)`, on the text's own line (outline text never spans lines). */
function shifted(text: Text, from: number, to?: number): Text['position'] {
  const start = text.position?.start
  const end = text.position?.end
  if (!start || !end) return text.position
  const point = (index: number) => ({ line: start.line, column: start.column + index, ...(start.offset !== undefined ? { offset: start.offset + index } : {}) })
  return { start: point(from), end: to === undefined ? end : point(to) }
}
