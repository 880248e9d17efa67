/** The body: intro, each case (Heading 1 on a new page, sections as Heading 2), conclusion. */
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
  blockParagraphs(out, frame.node.children, state)
}

/** Every case of the document, in order. */
export function caseBlocks(out: BlockSink, cases: OutlineCase[], state: BodyState): void {
  for (const item of cases) {
    out.push(headingBlock(1, item.heading, state, bookmarkName(item.id)))
    item.node.children.forEach((section, index) => {
      out.push(headingBlock(2, item.sectionTitles[index], state))
      blockParagraphs(out, section.children, state)
    })
  }
}
