/** Blocks to Word: paragraphs in Normal, key points and lists in List Bullet (numbered lists as Word numbering), and the richer kinds (rich-blocks.ts). */
import type { Block, List, Point } from '../../types.js'
import type { BlockSink, BodyBlock, BodyState } from './body-block.js'
import { BULLETS_ID, orderedListId } from './docx-numbering.js'
import { LIST_INDENT, paragraphBlock } from './paragraph-xml.js'
import { phrasingRuns, runs, textRuns } from './phrasing-runs.js'
import { codeParagraphs, figureParagraphs, ruleParagraph, tableBlocks } from './rich-blocks.js'
import { pointSeparator } from '../shared/point-separator.js'

/** Appends the paragraphs of `blocks` to `out`; `depth` is the list nesting level, `style` a paragraph style for plain paragraphs (a quote's). */
export function blockParagraphs(out: BlockSink, blocks: Block[], state: BodyState, depth = 0, style?: string): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push(paragraphBlock({ style, ...(depth > 0 ? { indent: LIST_INDENT * depth } : {}) }, phrasingRuns(runs(), block.children, state), state))
        break
      case 'point':
        out.push(pointParagraph(block, state, depth))
        break
      case 'list':
        listParagraphs(out, block, state, depth)
        break
      case 'blockquote':
        blockParagraphs(out, block.children, state, depth, 'Quote')
        break
      case 'table':
        tableBlocks(out, block, state)
        break
      case 'figure':
        figureParagraphs(out, block, state)
        break
      case 'code':
        codeParagraphs(out, block, state)
        break
      case 'thematicBreak':
        out.push(ruleParagraph(state))
        break
      case 'footnoteDefinition':
        // A called note is a real footnote (at its call); one no call names stays where it is written.
        if (!state.rich?.called.has(block.identifier)) blockParagraphs(out, block.children, state, depth, 'FootnoteText')
        break
    }
  }
}

/** A key point: one item of a real bulleted list, its label bold. */
function pointParagraph(point: Point, state: BodyState, depth: number): BodyBlock {
  const content = runs()
  if (point.label !== null) textRuns(textRuns(content, point.label, { bold: true }), pointSeparator(point.label, state.pointSeparator), { bold: true })
  return paragraphBlock({ style: 'ListBullet', numbering: { id: BULLETS_ID, level: depth } }, phrasingRuns(content, point.children, state), state)
}

/** A list: the first paragraph of each item carries the mark, later ones align with its text. */
function listParagraphs(out: BlockSink, list: List, state: BodyState, depth: number): void {
  let id = BULLETS_ID
  if (list.ordered) {
    id = orderedListId(++state.orderedLists)
    state.listStarts.push(typeof list.start === 'number' ? list.start : 1)
  }
  for (const item of list.children) {
    const [first, ...rest] = item.children
    if (first?.type === 'paragraph') out.push(paragraphBlock({ style: 'ListBullet', numbering: { id, level: depth } }, phrasingRuns(runs(), first.children, state), state))
    else if (first) blockParagraphs(out, [first], state, depth + 1)
    blockParagraphs(out, rest, state, depth + 1)
  }
}
