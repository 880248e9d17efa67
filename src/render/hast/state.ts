/** The shapes the hast handlers share: the state each is given, and the registry that collects them. */
import type { Element, ElementContent } from 'hast'
import type { Block, ListItem, Phrasing, TableCell, TableRow } from '../../types.js'
import type { RichContent } from '../rich-content.js'
import type { FootnoteScope } from './footnote-scope.js'

/** Any case-tree node that becomes hast. */
export type ContentNode = Block | ListItem | TableRow | TableCell | Phrasing

/** What every handler is given: the options and the helpers that turn other nodes into hast. */
export interface State {
  /** Written between a key point's label and its text. */
  pointSeparator: string
  /** The document's figure and table numbers, footnotes and pictures; null when blocks are shown on their own (numbers and notes then go). */
  rich: RichContent | null
  /** The footnotes of the part being written, numbered as called; null without rich content. */
  notes: FootnoteScope | null
  /** The hast of one node, by its handler. */
  one(node: ContentNode): ElementContent | ElementContent[]
  /** The hast of blocks, each an element; a run of key points becomes one `ul.points`. */
  blocks(nodes: readonly Block[]): Element[]
  /** The hast of phrasing; after a line break, leading spaces and tabs are dropped. */
  phrasing(nodes: readonly Phrasing[]): ElementContent[]
}

/** Turns one node into hast. */
export type Handler<Node extends ContentNode> = (state: State, node: Node) => ElementContent | ElementContent[]

/** One handler for every node type; a type without one fails to compile. */
export type Handlers = { [Type in ContentNode['type']]: Handler<Extract<ContentNode, { type: Type }>> }
