/**
 * Case-tree blocks to hast, built as mdast-util-to-hast turns mdast into hast:
 * one handler per node type, `(state, node) => hast`, collected in one registry
 * (handlers/index.ts). What it makes is safe to serialize as it is: text stays
 * text and links keep only safe URLs (safe-href.ts), so no sanitizer runs
 * after it. Positions are not copied: HTML shows none, and each would cost
 * six objects a node at 10,000 cases.
 */
import type { Element, ElementContent } from 'hast'
import type { Block, ListItem, Phrasing } from '../../types.js'
import { handlers } from './handlers/index.js'
import { lineEnding } from './line-ending.js'

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

/** The hast of `blocks`, one element per block (a run of key points is one). */
export function toHast(blocks: readonly Block[], options: { pointSeparator: string }): Element[] {
  return new HastState(options.pointSeparator).blocks(blocks)
}

class HastState implements State {
  constructor(readonly pointSeparator: string) {}

  one(node: ContentNode): ElementContent | ElementContent[] {
    return (handlers[node.type] as Handler<ContentNode>)(this, node)
  }

  blocks(nodes: readonly Block[]): Element[] {
    const result: Element[] = []
    // Key points are siblings in the tree; their list is made here.
    let points: Element | undefined
    for (const node of nodes) {
      const element = this.one(node) as Element
      if (node.type !== 'point') {
        points = undefined
        result.push(element)
        continue
      }
      if (!points) result.push((points = { type: 'element', tagName: 'ul', properties: { className: ['points'] }, children: [lineEnding()] }))
      points.children.push(element, lineEnding())
    }
    return result
  }

  phrasing(nodes: readonly Phrasing[]): ElementContent[] {
    const result: ElementContent[] = []
    for (let index = 0; index < nodes.length; index++) {
      const hast = this.one(nodes[index])
      if (Array.isArray(hast)) result.push(...hast)
      else {
        if (index > 0 && nodes[index - 1].type === 'break') trimStart(hast)
        result.push(hast)
      }
    }
    return result
  }
}

/** Drops the spaces and tabs that start a line after a break (the break's handler ends the line). */
function trimStart(node: ElementContent): void {
  const text = node.type === 'element' ? node.children[0] : node
  if (text?.type === 'text') text.value = text.value.replace(/^[ \t]+/, '')
}
