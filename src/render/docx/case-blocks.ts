/** The body: intro, each case (Heading 1 on a new page, sections as Heading 2), conclusion. */
import type { Block } from '../../types.js'
import type { BlockSink, BodyBlock, BodyState } from './body-block.js'
import { blockParagraphs } from './block-paragraphs.js'
import type { OutlineCase, OutlineFrame } from './docx-outline.js'
import { paragraphBlock } from './paragraph-xml.js'
import { runs, textRuns } from './phrasing-runs.js'

/**
 * A heading the contents lists: bookmarked `_Toc<n>` (Word's own naming, so
 * updating the field keeps the links), Heading 1 also by `bookmark` for the
 * overview's links, and starting a page.
 */
export function headingBlock(level: 1 | 2, text: string, state: BodyState, bookmark?: string): BodyBlock {
  const toc = `_Toc${state.headings.length + 1}`
  state.headings.push({ level, text, bookmark: toc })
  const bookmarks = bookmark ? [toc, bookmark] : [toc]
  return paragraphBlock({ style: `Heading${level}`, pageBreakBefore: level === 1, bookmarks }, textRuns(runs(), text), state)
}

/** Bookmark names must be letters, digits and underscores; the case's id gives a stable one. */
export function bookmarkName(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_')
}

/** Intro or conclusion: its title as Heading 1, then its blocks. */
export function frameBlocks(out: BlockSink, frame: OutlineFrame | null, state: BodyState): void {
  if (!frame) return
  out.push(headingBlock(1, frame.title, state, bookmarkName(frame.id)))
  if (frame.node.data?.untranslated) out.push(untranslatedNote(state))
  markedBlockParagraphs(out, frame.node.children, state)
}

/** Every case of the document, in order. */
export function caseBlocks(out: BlockSink, cases: OutlineCase[], state: BodyState): void {
  for (const item of cases) {
    out.push(headingBlock(1, item.heading, state, bookmarkName(item.id)))
    if (item.node.data?.untranslated) out.push(untranslatedNote(state))
    item.node.children.forEach((section, index) => {
      out.push(headingBlock(2, item.sectionTitles[index], state))
      if (section.data?.untranslated) out.push(untranslatedNote(state))
      markedBlockParagraphs(out, section.children, state)
    })
  }
}

/** Blocks, with the untranslated note before each run of those a partial translation lacks (shown from the source). */
function markedBlockParagraphs(out: BlockSink, blocks: Block[], state: BodyState): void {
  if (!blocks.some((block) => block.data?.untranslated)) return blockParagraphs(out, blocks, state)
  let inRun = false
  for (const block of blocks) {
    const untranslated = Boolean(block.data?.untranslated)
    if (untranslated && !inRun) out.push(untranslatedNote(state))
    inRun = untranslated
    blockParagraphs(out, [block], state)
  }
}

/** The note that marks content shown from the source: the report's "Untranslated", in the Muted style's colour, italic. */
function untranslatedNote(state: BodyState): BodyBlock {
  return paragraphBlock({}, textRuns(runs(), state.untranslatedNote, { style: 'Muted', italics: true }), state)
}
