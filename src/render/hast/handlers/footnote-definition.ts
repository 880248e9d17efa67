/**
 * A footnote's text where it is written: nothing when some call names it (it
 * is shown among its part's notes), else, so that no text is lost, an
 * `<aside class="footnote">` in place.
 */
import type { Element, ElementContent } from 'hast'
import type { FootnoteDefinition } from '../../../types.js'
import { lineEnding } from '../line-ending.js'
import type { State } from '../state.js'

/** An uncalled footnote in place, or nothing for a called one. */
export function footnoteDefinition(state: State, node: FootnoteDefinition): Element[] {
  if (state.rich?.called.has(node.identifier) && state.notes) return []
  const children: ElementContent[] = [lineEnding()]
  for (const block of state.blocks(node.children)) children.push(block, lineEnding())
  return [{ type: 'element', tagName: 'aside', properties: { className: ['footnote'] }, children }]
}
