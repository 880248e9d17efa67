/** A key point as a list item; to-hast.ts puts a run of them in one `ul.points`. */
import type { Element } from 'hast'
import type { Phrasing, Point } from '../../../types.js'
import type { State } from '../state.js'
import { pointSeparator } from '../../shared/point-separator.js'

/** A key point as `<li>`: its label in `<strong>` and the separator, then its text, as one run of phrasing. */
export function point(state: State, node: Point): Element {
  const phrasing: Phrasing[] =
    node.label === null ? node.children : [{ type: 'strong', children: [{ type: 'text', value: node.label }] }, { type: 'text', value: pointSeparator(node.label, state.pointSeparator) }, ...node.children]
  return { type: 'element', tagName: 'li', properties: {}, children: state.phrasing(phrasing) }
}
