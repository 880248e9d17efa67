/** A line break as `<br>`. */
import type { ElementContent } from 'hast'
import type { Break } from '../../../types.js'
import { lineEnding } from '../line-ending.js'
import type { State } from '../state.js'

/** A line break as `<br>` and a line ending (the phrasing after it loses its leading spaces: see to-hast.ts). */
export function hardBreak(_state: State, _node: Break): ElementContent[] {
  return [{ type: 'element', tagName: 'br', properties: {}, children: [] }, lineEnding()]
}
