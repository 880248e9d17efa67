/**
 * Real Word footnotes: each call (`w:footnoteReference` in the body) gets a
 * `w:footnote` in word/footnotes.xml holding its note's paragraphs in the
 * Footnote Text style, led by the footnote mark. A picture in a note is
 * written as its alt text and caption: its relationship would have to be
 * footnotes.xml's own, and a note is no place for a picture.
 */
import type { Block } from '../../types.js'
import type { BodyBlock, BodyState } from './body-block.js'
import { blockParagraphs } from './block-paragraphs.js'

/**
 * Writes each call's footnote into `state.footnotes` (Word numbers them in
 * order; a note called twice is written twice, as Word has one footnote per call).
 */
export function footnoteWriter(state: BodyState): (identifier: string) => number | null {
  const writing = new Set<string>()
  return (identifier) => {
    const definition = state.rich?.definitions.get(identifier)
    // A note that calls itself would never end.
    if (!definition || writing.has(identifier)) return null
    writing.add(identifier)
    const id = state.footnotes.push('')
    const paragraphs: BodyBlock[] = []
    blockParagraphs(paragraphs, definition.children.map(withoutPicture), state, 0, 'FootnoteText')
    const mark = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
    const first = paragraphs[0]?.xml ?? '<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr></w:p>'
    const marked = first.replace(/^<w:p>(?:<w:pPr>.*?<\/w:pPr>)?/, (open) => open + mark)
    state.footnotes[id - 1] = `<w:footnote w:id="${id}">${[marked, ...paragraphs.slice(1).map((block) => block.xml)].join('')}</w:footnote>`
    writing.delete(identifier)
    return id
  }
}

function withoutPicture(block: Block): Block {
  if (block.type !== 'figure') return block
  return { type: 'paragraph', children: [{ type: 'text', value: block.alt || block.url }, ...(block.children.length ? [{ type: 'text' as const, value: ' ' }, ...block.children] : [])], position: block.position }
}
