/** The edition notes as a chapter after the contents: what changed since the previous edition. */
import type { Block } from '../../types.js'
import type { RenderContext } from '../renderer.js'
import { editionNotesView } from '../report-view.js'
import type { BlockSink, BodyState } from './body-block.js'
import { blockParagraphs } from './block-paragraphs.js'
import { headingBlock } from './case-blocks.js'

/** Writes the notes, or nothing for a first edition or an unchanged one. */
export function editionNotesBlocks(out: BlockSink, context: RenderContext, state: BodyState): void {
  const view = editionNotesView(context)
  if (!view) return
  const { t } = context.locale
  out.push(headingBlock(1, t('editionNotes'), state, 'edition_notes'))
  if (view.since) blockParagraphs(out, [{ type: 'paragraph', children: [{ type: 'text', value: view.since }] }], state)
  if (view.metadata.length) {
    out.push(headingBlock(2, t('changesMetadata'), state))
    blockParagraphs(out, view.metadata.map((value): Block => ({ type: 'point', label: null, children: [{ type: 'text', value }] })), state)
  }
  for (const group of view.groups) {
    out.push(headingBlock(2, group.heading, state))
    // Key points with the case label in bold, as the cases' own key points look.
    const points: Block[] = group.cases.map((node) => ({
      type: 'point',
      label: node.label,
      children: [{ type: 'text', value: node.sections ? t('changesDetail', { entry: node.title, detail: node.sections }) : node.title }],
    }))
    blockParagraphs(out, points, state)
  }
  blockParagraphs(out, view.frames.map((value): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] })), state)
}
