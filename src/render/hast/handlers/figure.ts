/**
 * A figure as `<figure>`: the picture inlined as a data URI (the page stays
 * self-contained; an SVG too, only ever as an `<img>`, so its scripts never
 * run), then `<figcaption>` with its number and caption. A remote picture is
 * never fetched: it is a link. A picture the document could not read shows its alt text.
 */
import type { Element, ElementContent } from 'hast'
import { Buffer } from 'node:buffer'
import type { Figure } from '../../../types.js'
import { lineEnding } from '../line-ending.js'
import { safeHref } from '../safe-href.js'
import type { State } from '../state.js'

/** A figure: picture (or link, or alt text), then caption. */
export function figure(state: State, node: Figure): Element {
  const entry = state.rich?.floats.get(node)
  const children: ElementContent[] = [lineEnding(), picture(state, node), lineEnding()]
  const caption = state.phrasing(node.children)
  if (entry || caption.length) {
    const label: ElementContent[] = entry ? [{ type: 'element', tagName: 'span', properties: { className: ['float-label'] }, children: [{ type: 'text', value: entry.label }] }] : []
    children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [...label, ...(label.length && caption.length ? [{ type: 'text' as const, value: ' ' }] : []), ...caption] }, lineEnding())
  }
  return { type: 'element', tagName: 'figure', properties: entry ? { id: entry.id } : {}, children }
}

function picture(state: State, node: Figure): ElementContent {
  const asset = node.data?.sha256 ? state.rich?.images.get(node.data.sha256) : undefined
  if (asset) {
    const properties: Record<string, string | number> = { src: `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`, alt: node.alt }
    if (asset.width && asset.height) Object.assign(properties, { width: asset.width, height: asset.height })
    return { type: 'element', tagName: 'img', properties, children: [] }
  }
  const href = node.data?.source === 'remote' ? safeHref(node.url) : undefined
  // Shown as text, a URL loses the control characters no page can show.
  const text = node.alt || node.url.replace(CONTROL, '')
  if (href !== undefined) return { type: 'element', tagName: 'a', properties: { href, className: ['image-link'] }, children: [{ type: 'text', value: text }] }
  return { type: 'element', tagName: 'span', properties: { className: ['image-missing'] }, children: [{ type: 'text', value: text }] }
}

const CONTROL = /[\u0000-\u001f\u007f]/g
