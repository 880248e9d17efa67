/** The body: intro, each case (Heading 1 on a new page, sections as Heading 2), conclusion. */
import { Bookmark, Paragraph, type Table } from 'docx'
import type { Block, CaseDocument, Case, Intro, Conclusion } from '../../types.js'
import type { CaseView, FrameView } from '../report-view.js'
import { blockParagraphs, type BlockState } from './block-paragraphs.js'
import { textRuns } from './phrasing-runs.js'

/** A Heading 1 that starts a page and carries a bookmark other parts can link to. */
export function chapterHeading(text: string, bookmark: string): Paragraph {
  return new Paragraph({ style: 'Heading1', pageBreakBefore: true, children: [new Bookmark({ id: bookmark, children: textRuns(text, {}) })] })
}

/** Bookmark names must be letters, digits and underscores; the case's view id gives a stable one. */
export function bookmarkName(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_')
}

/** Intro or conclusion: its title as Heading 1, then its blocks. */
export function frameBlocks(frame: FrameView | null, node: Intro | Conclusion | undefined, state: BlockState): Paragraph[] {
  if (!frame || !node) return []
  return [chapterHeading(frame.title, bookmarkName(frame.id)), ...blockParagraphs(node.children, state)]
}

/** Every case of the document, in order, paired with its view for labels and ids. */
export function caseBlocks(document: CaseDocument, views: CaseView[], state: BlockState): Array<Paragraph | Table> {
  const cases = document.children.filter((node): node is Case => node.type === 'case')
  return cases.flatMap((node, index) => {
    const view = views[index]
    return [
      chapterHeading(view.heading, bookmarkName(view.id)),
      ...node.children.flatMap((section, sectionIndex) => [
        new Paragraph({ style: 'Heading2', children: textRuns(sectionTitle(view.sections[sectionIndex]), {}) }),
        ...blockParagraphs(section.children as Block[], state),
      ]),
    ]
  })
}

function sectionTitle(section: { number: string | null; title: string }): string {
  return section.number ? `${section.number} ${section.title}` : section.title
}
