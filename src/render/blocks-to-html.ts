/**
 * Block content to HTML: the hast of hast/to-hast.ts, written by
 * hast/hast-to-html.ts, once per part. The blocks' elements follow each
 * other with nothing between them.
 */
import type { Element, ElementContent } from 'hast'
import type { Block } from '../types.js'
import { hastToHtml } from './hast/hast-to-html.js'
import type { FootnoteScope } from './hast/footnote-scope.js'
import { lineEnding } from './hast/line-ending.js'
import { hastState, toHast, type HastOptions } from './hast/to-hast.js'

/** The HTML of a part's blocks (a section, the introduction, the conclusion), with `pointSeparator` between a key point's label and text. */
export function blocksToHtml(blocks: readonly Block[], options: string | HastOptions): string {
  return hastToHtml(toHast(blocks, typeof options === 'string' ? { pointSeparator: options } : options))
}

/**
 * The notes a part called, as a numbered list at its end (`section.footnotes`
 * under `title`), each linking back to its first call; empty when it called none.
 */
export function footnotesToHtml(scope: FootnoteScope, title: string, options: HastOptions): string {
  const state = hastState({ ...options, notes: scope })
  const items: ElementContent[] = [lineEnding()]
  // A note may call another; the list grows while it is written.
  for (let index = 0; index < scope.notes().length; index++) {
    const note = scope.notes()[index]
    const blocks = state.blocks(note.definition.children)
    const back: Element = { type: 'element', tagName: 'a', properties: { href: `#${note.callId}`, className: ['footnote-back'] }, children: [{ type: 'text', value: '↩' }] }
    const last = blocks.at(-1)
    if (last && last.tagName === 'p') last.children.push({ type: 'text', value: ' ' }, back)
    else blocks.push({ type: 'element', tagName: 'p', properties: {}, children: [back] })
    items.push({ type: 'element', tagName: 'li', properties: { id: note.id }, children: [lineEnding(), ...blocks.flatMap((block) => [block, lineEnding()])] }, lineEnding())
  }
  if (items.length === 1) return ''
  const heading: Element = { type: 'element', tagName: 'h4', properties: {}, children: [{ type: 'text', value: title }] }
  return hastToHtml([{ type: 'element', tagName: 'section', properties: { className: ['footnotes'] }, children: [lineEnding(), heading, lineEnding(), { type: 'element', tagName: 'ol', properties: {}, children: items }, lineEnding()] }])
}
