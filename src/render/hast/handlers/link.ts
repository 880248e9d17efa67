/** A link as `<a>`, with its URL only when that is safe. */
import type { Element, Properties } from 'hast'
import type { Link } from '../../../types.js'
import { safeHref } from '../safe-href.js'
import type { State } from '../state.js'

/** A link as `<a>`: `href` when its scheme is safe (else the text stays, without a URL), and `title`. */
export function link(state: State, node: Link): Element {
  const properties: Properties = {}
  const href = safeHref(node.url)
  if (href !== undefined) properties.href = href
  if (node.title !== null && node.title !== undefined) properties.title = node.title
  return { type: 'element', tagName: 'a', properties, children: state.phrasing(node.children) }
}
