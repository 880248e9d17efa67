/** The edition notes as a chapter after the contents: what changed since the previous edition. */
import type { Block } from '../../types.js'
import type { RenderContext } from '../renderer.js'
import { editionNotesView, type NotedCase } from '../report-view.js'
import type { BlockSink, BodyState } from './body-block.js'
import { blockParagraphs } from './block-paragraphs.js'
import { headingBlock } from './case-blocks.js'

/** Writes the notes, or nothing for a first edition or an unchanged one. */
export function editionNotesBlocks(out: BlockSink, context: RenderContext, state: BodyState): void {
  const view = editionNotesView(context)
  if (!view) return
  const { t } = context.locale
  out.push(headingBlock(1, t('editionNotes'), state, 'edition_notes'))
  const groups: Array<[string, NotedCase[]]> = [['changesAdded', view.added], ['changesChanged', view.changed], ['changesRemoved', view.removed]]
  for (const [key, cases] of groups) {
    if (cases.length === 0) continue
    out.push(headingBlock(2, t(key), state))
    // Key points with the case label in bold, as the cases' own key points look.
    const points: Block[] = cases.map((node) => ({
      type: 'point',
      label: node.label,
      children: [{ type: 'text', value: node.sections ? `${node.title} (${node.sections})` : node.title }],
    }))
    blockParagraphs(out, points, state)
  }
  const frames: Block[] = [
    ...(view.introChanged ? [t('changesIntro')] : []),
    ...(view.conclusionChanged ? [t('changesConclusion')] : []),
  ].map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] }))
  blockParagraphs(out, frames, state)
}
