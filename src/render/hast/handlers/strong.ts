/** Strong text as `<strong>`. */
import type { Element } from 'hast'
import type { Strong } from '../../../types.js'
import type { State } from '../state.js'

/** Strong text as `<strong>` holding its phrasing. */
export function strong(state: State, node: Strong): Element {
  return { type: 'element', tagName: 'strong', properties: {}, children: state.phrasing(node.children) }
}
