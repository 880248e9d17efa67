/** A quotation as `<blockquote>`. */
import type { Element, ElementContent } from 'hast'
import type { Blockquote } from '../../../types.js'
import { lineEnding } from '../line-ending.js'
import type { State } from '../state.js'

/** A quotation: its blocks, each on a line of its own. */
export function blockquote(state: State, node: Blockquote): Element {
  const children: ElementContent[] = [lineEnding()]
  for (const block of state.blocks(node.children)) children.push(block, lineEnding())
  return { type: 'element', tagName: 'blockquote', properties: {}, children }
}
