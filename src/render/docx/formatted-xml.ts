/** Reading the docx library's formatted XML objects (`{ 'w:p': [ { 'w:pPr': [...] }, ... ] }`) before they are written. */
import type { IXmlableObject } from 'docx'

/** A formatted element: one key, its name, holding its children, or `{ _attr }` alone. */
export type XmlNode = IXmlableObject | string

/** The element's name, or undefined for text. */
export function nameOf(node: XmlNode): string | undefined {
  return typeof node === 'object' && node !== null ? Object.keys(node)[0] : undefined
}

/** The element's child elements and texts (attributes included as `{ _attr }`). */
export function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node)
  if (name === undefined || typeof node !== 'object') return []
  const content: unknown = node[name]
  return Array.isArray(content) ? (content as XmlNode[]) : content === undefined || content === null ? [] : [content as XmlNode]
}

/** The first child named `name`. */
export function childOf(node: XmlNode, name: string): XmlNode | undefined {
  return childrenOf(node).find((child) => nameOf(child) === name)
}

/** An attribute of the element, such as `w:val`. */
export function attributeOf(node: XmlNode | undefined, attribute: string): string | number | boolean | undefined {
  const attrs = node === undefined ? undefined : childOf(node, '_attr')
  const values: unknown = attrs && typeof attrs === 'object' ? attrs._attr : undefined
  return values && typeof values === 'object' ? (values as Record<string, string | number | boolean>)[attribute] : undefined
}

/** Every descendant element, depth first, stopping at elements `skip` names. */
export function* descendants(node: XmlNode, skip: ReadonlySet<string> = new Set()): Generator<XmlNode> {
  for (const child of childrenOf(node)) {
    const name = nameOf(child)
    if (name === undefined || name === '_attr' || skip.has(name)) continue
    yield child
    yield* descendants(child, skip)
  }
}
