/**
 * The hast that the handlers make, written as HTML exactly as
 * hast-util-to-html writes it with its defaults: `&` and `<` in text, and `"`,
 * `&`, `'` and `` ` `` in attribute values, as hexadecimal references. A
 * property test holds this to that: what it writes, parsed and written again
 * by hast-util-to-html, comes back unchanged. Not hast-util-to-html itself:
 * measured in its place (issue 17), loading it and its general per-node work
 * made a whole 1,000-case HTML build ~10 % slower (392 → 430 ms, medians of 9
 * interleaved runs); this writes the same bytes at about a third of its cost.
 */
import type { ElementContent, Properties } from 'hast'

/** The HTML of `nodes`, one after the other. */
export function hastToHtml(nodes: readonly ElementContent[]): string {
  // Parts joined once: a string built with `+=` is a rope of every piece, and at
  // 10,000 cases keeping 30,000 of them alive doubled the garbage collector's work.
  const parts: string[] = []
  write(nodes, parts)
  return parts.join('')
}

function write(nodes: readonly ElementContent[], parts: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      parts.push(escape(node.value, TEXT_SPECIAL))
      continue
    }
    // Misuse: no handler makes comments, and they are not content.
    if (node.type !== 'element') throw new TypeError(`hastToHtml: cannot write a ${node.type} node`)
    parts.push('<' + node.tagName + attributes(node.properties) + '>')
    // A void element without children is not closed (hast-util-to-html also leaves one open whose children write nothing).
    if (node.children.length === 0 && VOID_ELEMENTS.has(node.tagName)) continue
    write(node.children, parts)
    parts.push('</' + node.tagName + '>')
  }
}

function attributes(properties: Properties): string {
  let html = ''
  for (const key in properties) {
    const value = properties[key]
    if (value === null || value === undefined || value === false || Number.isNaN(value)) continue
    const name = attributeName(key)
    html += value === true ? ` ${name}` : ` ${name}="${escape(Array.isArray(value) ? value.join(' ') : String(value), ATTRIBUTE_SPECIAL)}"`
  }
  return html
}

/**
 * The attribute a hast property names. Only lower-case names (href, title,
 * start) and those listed are known: a handler that sets another (dataFoo,
 * ariaLabel) is told to add it here rather than get a wrong name.
 */
function attributeName(key: string): string {
  const name = ATTRIBUTE_NAMES[key] ?? (/^[a-z]+$/.test(key) ? key : undefined)
  if (name === undefined) throw new TypeError(`hastToHtml: no attribute name known for the hast property “${key}”; add it to ATTRIBUTE_NAMES`)
  return name
}

const ATTRIBUTE_NAMES: Record<string, string | undefined> = { className: 'class', htmlFor: 'for' }
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
const TEXT_SPECIAL = /[&<]/g
const ATTRIBUTE_SPECIAL = /["&'`]/g

/** `value` with each of `special` as a reference (most text has none, and looking first costs less than replacing nothing). */
function escape(value: string, special: RegExp): string {
  return value.search(special) === -1 ? value : value.replace(special, reference)
}

/** A character as hast-util-to-html's default reference: hexadecimal, upper-case digits. */
function reference(char: string): string {
  return `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`
}
