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
import type { RichContent } from '../rich-content.js'
import type { FootnoteScope } from './footnote-scope.js'
import { handlers } from './handlers/index.js'
import { lineEnding } from './line-ending.js'
import type { ContentNode, Handler, State } from './state.js'

/** How blocks are written: the key point separator, and the document's rich content with the footnotes of the part they belong to. */
export interface HastOptions {
  pointSeparator: string
  rich?: RichContent | null
  notes?: FootnoteScope | null
}

/** The hast of `blocks`, one element per block (a run of key points is one). */
export function toHast(blocks: readonly Block[], options: HastOptions): Element[] {
  return new HastState(options).blocks(blocks)
}

/** A state for `options`, for writing more than blocks (a part's notes). */
export function hastState(options: HastOptions): State {
  return new HastState(options)
}

class HastState implements State {
  readonly pointSeparator: string
  readonly rich: RichContent | null
  readonly notes: FootnoteScope | null

  constructor(options: HastOptions) {
    this.pointSeparator = options.pointSeparator
    this.rich = options.rich ?? null
    this.notes = options.notes ?? null
  }

  one(node: ContentNode): ElementContent | ElementContent[] {
    return (handlers[node.type] as Handler<ContentNode>)(this, node)
  }

  blocks(nodes: readonly Block[]): Element[] {
    const result: Element[] = []
    // Key points are siblings in the tree; their list is made here.
    let points: Element | undefined
    for (const node of nodes) {
      const hast = this.one(node)
      if (node.type !== 'point') {
        points = undefined
        // A footnote shown at its part's end writes nothing where it stands.
        for (const element of [hast].flat()) if (element.type === 'element') result.push(element)
        continue
      }
      const element = hast as Element
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
