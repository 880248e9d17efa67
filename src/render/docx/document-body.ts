/**
 * The body of word/document.xml: cover, contents (with estimated page
 * numbers), edition notes, intro, cases, overview, conclusion. It is written as XML text
 * straight into UTF-8 buffers rather than through the docx library's object
 * tree, which keeps the work linear and small at 10,000 cases.
 */
import type { RenderContext } from '../renderer.js'
import { bodyState, type BlockSink, type BodyBlock, type BodyState, type ParagraphLayout, type RowLayout } from './body-block.js'
import { caseBlocks, frameBlocks } from './case-blocks.js'
import { contentsHeading, contentsLayout, floatListLayout, writeContents, writeFloatList } from './contents.js'
import { coverParagraphs } from './cover.js'
import type { DocxOutline } from './docx-outline.js'
import { estimatePages, type PageArea } from './estimate-pages.js'
import { overviewBlocks } from './overview-table.js'
import { editionNotesBlocks } from './edition-notes.js'
import { XmlSink } from './xml-sink.js'
import { footnoteWriter } from './footnote-writer.js'

/** The body's XML (without w:sectPr) and what the package needs besides: link targets, numbered lists, the page count. */
export interface DocumentBody {
  /** Cover and contents, then the rest, as UTF-8. */
  bytes: Buffer[]
  state: BodyState
  pageCount: number
}

/** The relationship of the brand's logo, from document.xml and from the running header. */
export const LOGO_RELATIONSHIP = 'rIdLogo'

/** Writes the body for `outline` on pages of `area` (twips). */
export function documentBody(outline: DocxOutline, context: RenderContext, area: PageArea): DocumentBody {
  const { t } = context.locale
  const state = bodyState(t('pointSeparator'), t('untranslated'), { rich: outline.rich, floatLabels: { figure: splitLabel(t('figureLabel', { number: NUMBER })), table: splitLabel(t('tableLabel', { number: NUMBER })) }, textWidth: area.width })
  state.footnoteCall = footnoteWriter(state)
  const { logo } = context.config.brand
  const coverLogo = logo ? { logo, relationship: LOGO_RELATIONSHIP, drawingId: ++state.drawings } : undefined
  const front = [...coverParagraphs(outline, context, state, coverLogo), contentsHeading(t('contents'), state)]
  // Everything after the contents is encoded as it is written; only its layout is kept for the estimate.
  const restXml = new XmlSink()
  const restLayout: Array<ParagraphLayout | RowLayout> = []
  const rest: BlockSink = {
    push(block) {
      restXml.write(block.xml)
      if (block.layout) restLayout.push(block.layout)
    },
  }
  editionNotesBlocks(rest, context, state)
  frameBlocks(rest, outline.intro, state)
  caseBlocks(rest, outline.cases, state)
  overviewBlocks(rest, outline.cases, context, area.width, state)
  frameBlocks(rest, outline.conclusion, state)
  // Word needs a paragraph after a final table; an empty one costs nothing.
  if (!outline.conclusion) rest.push({ xml: '<w:p/>', layout: { kind: 'paragraph', style: 'Normal', pageBreakBefore: false, lines: [''] } })
  // The lists of figures and tables the config asks for, after the contents (only those with entries).
  const lists = context.config.lists
    .map((name) => (name === 'figures' ? { title: t('listOfFigures'), sequence: 'Figure' as const, entries: state.floats.filter((entry) => entry.kind === 'figure') } : { title: t('listOfTables'), sequence: 'Table' as const, entries: state.floats.filter((entry) => entry.kind === 'table') }))
    .filter((list) => list.entries.length > 0)
  const { pages, pageCount } = estimatePages([...layouts(front), ...contentsLayout(state.headings), ...lists.flatMap((list) => floatListLayout(list.title, list.entries)), ...restLayout], area)
  const frontXml = new XmlSink()
  for (const block of front) frontXml.write(block.xml)
  writeContents(frontXml, t('contents'), state.headings, pages, area.width)
  for (const list of lists) writeFloatList(frontXml, list.title, list.sequence, list.entries, pages, area.width)
  return { bytes: [...frontXml.bytes(), ...restXml.bytes()], state, pageCount }
}

/** Stands for the number in a catalog label, to split it around a SEQ field. */
const NUMBER = '\uE000'

function splitLabel(label: string): [string, string] {
  const at = label.indexOf(NUMBER)
  return at === -1 ? [label + ' ', ''] : [label.slice(0, at), label.slice(at + 1)]
}

function* layouts(blocks: BodyBlock[]): Generator<ParagraphLayout | RowLayout> {
  for (const block of blocks) if (block.layout) yield block.layout
}
