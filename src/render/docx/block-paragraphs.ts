/** Blocks (paragraph, key point, list) to Word paragraphs in the Normal and List Bullet styles. */
import { Paragraph, TextRun } from 'docx'
import type { Block, List, Point } from '../../types.js'
import { BULLETS, NUMBERS } from './docx-numbering.js'
import { phrasingRuns, textRuns } from './phrasing-runs.js'

/** What block conversion needs from the document: the label separator and a counter for numbered lists. */
export interface BlockState {
  pointSeparator: string
  /** Each numbered list is its own numbering instance, so it starts again at 1. */
  nextListInstance: number
}

/** Converts blocks to paragraphs; `depth` is the list nesting level. */
export function blockParagraphs(blocks: Block[], state: BlockState, depth = 0): Paragraph[] {
  return blocks.flatMap((block): Paragraph[] => {
    switch (block.type) {
      case 'paragraph':
        return [new Paragraph({ children: phrasingRuns(block.children), ...(depth > 0 ? { indent: { left: 420 * depth } } : {}) })]
      case 'point':
        return [pointParagraph(block, state, depth)]
      case 'list':
        return listParagraphs(block, state, depth)
    }
  })
}

/** A key point: one item of a real bulleted list, its label bold. */
function pointParagraph(point: Point, state: BlockState, depth: number): Paragraph {
  const label = point.label === null ? [] : [...textRuns(point.label, { bold: true }), new TextRun({ text: state.pointSeparator, bold: true })]
  return new Paragraph({
    style: 'ListBullet',
    numbering: { reference: BULLETS, level: depth },
    children: [...label, ...phrasingRuns(point.children)],
  })
}

/** A list: the first paragraph of each item carries the mark, later ones align with its text. */
function listParagraphs(list: List, state: BlockState, depth: number): Paragraph[] {
  const instance = list.ordered ? state.nextListInstance++ : 0
  return list.children.flatMap((item) => {
    const [first, ...rest] = item.children
    const head =
      first?.type === 'paragraph'
        ? [
            new Paragraph({
              style: 'ListBullet',
              numbering: list.ordered ? { reference: NUMBERS, level: depth, instance } : { reference: BULLETS, level: depth },
              children: phrasingRuns(first.children),
            }),
          ]
        : blockParagraphs(first ? [first] : [], state, depth + 1)
    return [...head, ...blockParagraphs(rest, state, depth + 1)]
  })
}
