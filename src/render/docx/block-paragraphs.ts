/** Blocks (paragraph, key point, list) to Word paragraphs in the Normal and List Bullet styles. */
import type { Block, List, Point } from '../../types.js'
import type { BlockSink, BodyBlock, BodyState } from './body-block.js'
import { BULLETS_ID, orderedListId } from './docx-numbering.js'
import { LIST_INDENT, paragraphBlock } from './paragraph-xml.js'
import { phrasingRuns, runs, textRuns } from './phrasing-runs.js'
import { pointSeparator } from '../shared/point-separator.js'

/** Appends the paragraphs of `blocks` to `out`; `depth` is the list nesting level. */
export function blockParagraphs(out: BlockSink, blocks: Block[], state: BodyState, depth = 0): void {
  for (const block of blocks) {
    if (block.type === 'paragraph') out.push(paragraphBlock(depth > 0 ? { indent: LIST_INDENT * depth } : {}, phrasingRuns(runs(), block.children, state), state))
    else if (block.type === 'point') out.push(pointParagraph(block, state, depth))
    else listParagraphs(out, block, state, depth)
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
  const id = list.ordered ? orderedListId(++state.orderedLists) : BULLETS_ID
  for (const item of list.children) {
    const [first, ...rest] = item.children
    if (first?.type === 'paragraph') out.push(paragraphBlock({ style: 'ListBullet', numbering: { id, level: depth } }, phrasingRuns(runs(), first.children, state), state))
    else if (first) blockParagraphs(out, [first], state, depth + 1)
    blockParagraphs(out, rest, state, depth + 1)
  }
}
