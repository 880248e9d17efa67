/** Inline code as `<code>`. */
import type { Element } from 'hast'
import type { InlineCode } from '../../../types.js'
import type { State } from '../state.js'

/** Inline code as `<code>`, its line endings written as spaces. */
export function inlineCode(_state: State, node: InlineCode): Element {
  return { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: node.value.replace(/\r?\n|\r/g, ' ') }] }
}
