/** A list that is not a run of key points, as `<ul>` or `<ol start>`. */
import type { Element, ElementContent } from 'hast'
import type { List } from '../../../types.js'
import { lineEnding } from '../line-ending.js'
import type { State } from '../state.js'

/** A list as `<ul>` or `<ol>`, its items each on a line of their own. */
export function list(state: State, node: List): Element {
  const children: ElementContent[] = [lineEnding()]
  for (const item of node.children) children.push(...[state.one(item)].flat(), lineEnding())
  // `start` only when it is not 1, as mdast-util-to-hast writes it.
  const properties = node.ordered && typeof node.start === 'number' && node.start !== 1 ? { start: node.start } : {}
  return { type: 'element', tagName: node.ordered ? 'ol' : 'ul', properties, children }
}
