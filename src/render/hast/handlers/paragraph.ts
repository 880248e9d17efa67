/** A paragraph as `<p>`. */
import type { Element } from 'hast'
import type { Paragraph } from '../../../types.js'
import type { State } from '../state.js'

/** A paragraph as `<p>` holding its phrasing. */
export function paragraph(state: State, node: Paragraph): Element {
  return { type: 'element', tagName: 'p', properties: {}, children: state.phrasing(node.children) }
}
