/** A thematic break as `<hr>`. */
import type { Element } from 'hast'
import type { ThematicBreak } from '../../../types.js'
import type { State } from '../state.js'

/** A rule between blocks. */
export function thematicBreak(_state: State, _node: ThematicBreak): Element {
  return { type: 'element', tagName: 'hr', properties: {}, children: [] }
}
