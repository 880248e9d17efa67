/** A call to a footnote as `<sup><a>`: its number in the part, linking to the note at the part's end. */
import type { ElementContent } from 'hast'
import type { FootnoteReference } from '../../../types.js'
import type { State } from '../state.js'

/** A footnote call; without a part's notes (or a note of that name) it keeps its label as written (`[^1]`), so nothing is lost. */
export function footnoteReference(state: State, node: FootnoteReference): ElementContent {
  const note = state.notes?.call(node.identifier)
  if (!note) return { type: 'text', value: `[^${node.label ?? node.identifier}]` }
  return {
    type: 'element',
    tagName: 'sup',
    properties: { className: ['footnote-ref'] },
    children: [{ type: 'element', tagName: 'a', properties: { href: `#${note.id}`, id: note.callId }, children: [{ type: 'text', value: String(note.number) }] }],
  }
}
