/** The body as the renderer writes it: XML pieces, each with what the page estimator needs to place it. */

/** A paragraph as the estimator sees it: its style, breaks and text widths. */
export interface ParagraphLayout {
  kind: 'paragraph'
  style: string
  pageBreakBefore: boolean
  /** Left indent in twips when the paragraph sets its own (lists); otherwise the style's. */
  indent?: number
  /** Width of each line-break-separated piece of text, in ems (Han characters 1, others ½). */
  lines: number[]
  /** A contents entry keeps room for its dot leader and page number. */
  contentsEntry?: boolean
  /** The bookmark whose page the contents shows. */
  bookmark?: string
}

/** A table row: rows never split, so the estimator needs each cell's paragraphs. */
export interface RowLayout {
  kind: 'row'
  cells: Array<{ width: number; paragraphs: Array<{ style: string; lines: number[] }> }>
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

/** Counters and collections shared while the body is written, so ids follow document order. */
export interface BodyState {
  pointSeparator: string
  /** The note before content shown from the source because the translation lacks it. */
  untranslatedNote: string
  nextBookmarkId: number
  /** Each numbered list is its own numbering instance, so it starts again at 1. */
  orderedLists: number
  /** External link targets; the n-th is relationship `rIdL<n>`. */
  links: string[]
  headings: ContentsHeading[]
}

/** A fresh state for one document. */
export function bodyState(pointSeparator: string, untranslatedNote = 'Untranslated'): BodyState {
  return { pointSeparator, untranslatedNote, nextBookmarkId: 1, orderedLists: 0, links: [], headings: [] }
}
