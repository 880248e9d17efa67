/** The shapes the hast handlers share: the state each is given, and the registry that collects them. */
import type { Element, ElementContent } from 'hast'
import type { Block, ListItem, Phrasing } from '../../types.js'

/** Any case-tree node that becomes hast. */
export type ContentNode = Block | ListItem | Phrasing

/** What every handler is given: the options and the helpers that turn other nodes into hast. */
export interface State {
  /** Written between a key point's label and its text. */
  pointSeparator: string
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
