/** A code block as `<pre><code>`, verbatim; its language as mdast-util-to-hast writes it (`language-js`). */
import type { Element } from 'hast'
import type { Code } from '../../../types.js'
import type { State } from '../state.js'

/** A code block, its text as written plus the final line ending; a language name that is no plain word (`a"b`) is left off. */
export function code(_state: State, node: Code): Element {
  const language = node.lang && LANGUAGE.test(node.lang) ? { className: [`language-${node.lang}`] } : {}
  return { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: language, children: [{ type: 'text', value: node.value ? node.value + '\n' : '' }] }] }
}

const LANGUAGE = /^[^\s"'<>&`]+$/
