import type { ImageAsset } from '../../types.js'
import type { RichContent } from '../rich-content.js'
/** The body as the renderer writes it: XML pieces, each with what the page estimator needs to place it. */

/** A paragraph as the estimator sees it: its style, breaks and text widths. */
export interface ParagraphLayout {
  kind: 'paragraph'
  style: string
  pageBreakBefore: boolean
  /** Left indent in twips when the paragraph sets its own (lists); otherwise the style's. */
  indent?: number
  /** The text of each line-break-separated piece, which the estimator breaks into lines as Word does. */
  lines: string[]
  /** A contents entry keeps room for its dot leader and page number. */
  contentsEntry?: boolean
  /** The bookmark whose page the contents shows. */
  bookmark?: string
  /** A picture's paragraph: its one line is this high, in twips. */
  height?: number
}

/** A table row: rows never split, so the estimator needs each cell's paragraphs. */
export interface RowLayout {
  kind: 'row'
  /** A header row, which Word and LibreOffice repeat at the top of each page the table continues on. */
  header?: boolean
  cells: Array<{ width: number; paragraphs: Array<{ style: string; lines: string[] }> }>
}

/** One piece of document.xml; `layout` is null for pieces that take no room (a table's opening tags). */
export interface BodyBlock {
  xml: string
  layout: ParagraphLayout | RowLayout | null
}

/** Where the writers put blocks (an array will do). */
export interface BlockSink {
  push(block: BodyBlock): void
}

/** A heading the contents lists. */
export interface ContentsHeading {
  level: 1 | 2
  text: string
  bookmark: string
}

/** A picture placed in the document: its part under word/media/ and the relationship that names it. */
export interface PlacedImage {
  sha256: string
  relationship: string
  target: string
  asset: ImageAsset
}

/** Counters and collections shared while the body is written, so ids follow document order. */
export interface BodyState {
  pointSeparator: string
  /** The note before content shown from the source because the translation lacks it. */
  untranslatedNote: string
  nextBookmarkId: number
  /** Each numbered list is its own numbering instance, so it starts again at its own first number. */
  orderedLists: number
  /** The first number of each numbered list, in order. */
  listStarts: number[]
  /** Figure and table numbers, footnote definitions and pictures; null writes blocks without them. */
  rich: RichContent | null
  /** Labels of numbered figures and tables, split where the number goes (a Word SEQ field). */
  floatLabels: { figure: [string, string]; table: [string, string] }
  /** Text width in twips: pictures are scaled to fit it. */
  textWidth: number
  /** Pictures in document order, each part once. */
  images: PlacedImage[]
  /** Drawings placed so far (each needs its own id). */
  drawings: number
  /** Writes the footnote a call names and returns its id; null when there is no such note (set by the body writer). */
  footnoteCall: ((identifier: string) => number | null) | null
  /** The body of each footnote (`w:footnote` children), the n-th with id n. */
  footnotes: string[]
  /** Numbered figures and tables in order, for the lists after the contents: their caption text and bookmark. */
  floats: Array<{ kind: 'figure' | 'table'; text: string; bookmark: string }>
  /** External link targets; the n-th is relationship `rIdL<n>`. */
  links: string[]
  headings: ContentsHeading[]
}

/** A fresh state for one document. */
export function bodyState(pointSeparator: string, untranslatedNote = 'Untranslated', rich: Partial<Pick<BodyState, 'rich' | 'floatLabels' | 'textWidth'>> = {}): BodyState {
  return {
    pointSeparator,
    untranslatedNote,
    nextBookmarkId: 1,
    orderedLists: 0,
    listStarts: [],
    links: [],
    headings: [],
    rich: rich.rich ?? null,
    floatLabels: rich.floatLabels ?? { figure: ['Figure ', ''], table: ['Table ', ''] },
    textWidth: rich.textWidth ?? 9000,
    images: [],
    drawings: 0,
    footnoteCall: null,
    footnotes: [],
    floats: [],
  }
}
