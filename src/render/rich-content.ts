/**
 * What block content needs beyond the blocks themselves, worked out once per
 * localized tree: the numbers of its figures and tables (`图 1`, `Table 1`, in
 * document order), its footnotes (which notes some call names, and each
 * part's numbering), and the pictures by sha256.
 */
import type { Block, Case, CaseDocument, Conclusion, Figure, FootnoteDefinition, ImageAsset, Intro, Table } from '../types.js'

/** A part of the document with its own footnotes. */
export type NotedPart = Intro | Case | Conclusion

/** A figure's or table's number and label, for captions and the lists after the contents. */
export interface FloatEntry {
  kind: 'figure' | 'table'
  number: number
  label: string
  /** Its element id in the report (`figure-3`, `table-1`). */
  id: string
  /** The caption's text (empty for a table, which has none). */
  caption: string
  node: Figure | Table
}

/** The document-wide facts block renderers share. */
export interface RichContent {
  floats: Map<Figure | Table, FloatEntry>
  figures: FloatEntry[]
  tables: FloatEntry[]
  /** Every footnote definition, by identifier (the first one written wins). */
  definitions: Map<string, FootnoteDefinition>
  /** Identifiers some call names: those notes are shown at their parts' ends, the rest where written. */
  called: Set<string>
  images: ReadonlyMap<string, ImageAsset>
}

/** Labels for numbered floats, from the locale's catalog. */
export interface FloatLabels {
  figure(number: number): string
  table(number: number): string
}

const made = new WeakMap<CaseDocument, RichContent>()

/** The rich content of `document`, made once per tree. */
export function richContent(document: CaseDocument, labels: FloatLabels, images: ReadonlyMap<string, ImageAsset> = new Map()): RichContent {
  let found = made.get(document)
  if (!found) made.set(document, (found = collect(document, labels, images)))
  return found
}

function collect(document: CaseDocument, labels: FloatLabels, images: ReadonlyMap<string, ImageAsset>): RichContent {
  const content: RichContent = { floats: new Map(), figures: [], tables: [], definitions: new Map(), called: new Set(), images }
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || !('type' in node)) return
    const typed = node as Block
    if (typed.type === 'figure' || typed.type === 'table') {
      const list = typed.type === 'figure' ? content.figures : content.tables
      const number = list.length + 1
      const entry: FloatEntry = {
        kind: typed.type,
        number,
        label: typed.type === 'figure' ? labels.figure(number) : labels.table(number),
        id: `${typed.type}-${number}`,
        caption: typed.type === 'figure' ? captionText(typed) : '',
        node: typed,
      }
      list.push(entry)
      content.floats.set(typed, entry)
    } else if (typed.type === 'footnoteDefinition') {
      if (!content.definitions.has(typed.identifier)) content.definitions.set(typed.identifier, typed)
    } else if ((node as { type: string }).type === 'footnoteReference') {
      content.called.add((node as unknown as { identifier: string }).identifier)
    }
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children) visit(child)
  }
  for (const part of document.children) visit(part)
  return content
}

function captionText(figure: Figure): string {
  const text = (nodes: Figure['children']): string => nodes.map((node) => ('value' in node ? node.value : 'children' in node ? text(node.children) : node.type === 'break' ? ' ' : '')).join('')
  return text(figure.children).replace(/\s+/g, ' ').trim()
}
