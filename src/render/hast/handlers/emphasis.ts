/** Emphasis as `<em>`. */
import type { Element } from 'hast'
import type { Emphasis } from '../../../types.js'
import type { State } from '../state.js'

/** Emphasis as `<em>` holding its phrasing. */
export function emphasis(state: State, node: Emphasis): Element {
  return { type: 'element', tagName: 'em', properties: {}, children: state.phrasing(node.children) }
}
