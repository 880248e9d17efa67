/** A list that is not a run of key points, as `<ul>` or `<ol>`. */
import type { Element, ElementContent } from 'hast'
import type { List } from '../../../types.js'
import { lineEnding } from '../line-ending.js'
import type { State } from '../state.js'

/** A list as `<ul>` or `<ol>`, its items each on a line of their own. */
export function list(state: State, node: List): Element {
  const children: ElementContent[] = [lineEnding()]
  for (const item of node.children) children.push(...[state.one(item)].flat(), lineEnding())
  return { type: 'element', tagName: node.ordered ? 'ol' : 'ul', properties: {}, children }
}
