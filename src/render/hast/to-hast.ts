/**
 * Case-tree blocks to hast, built as mdast-util-to-hast turns mdast into hast:
 * one handler per node type, `(state, node) => hast`, collected in one registry
 * (handlers/index.ts). What it makes is safe to serialize as it is: text stays
 * text and links keep only safe URLs (safe-href.ts), so no sanitizer runs
 * after it. Positions are not copied: HTML shows none, and each would cost
 * six objects a node at 10,000 cases.
 */
import type { Element, ElementContent } from 'hast'
import type { Block, Phrasing } from '../../types.js'
import { handlers } from './handlers/index.js'
import { lineEnding } from './line-ending.js'
import type { ContentNode, Handler, State } from './state.js'

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
