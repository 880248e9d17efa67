/** One w:p with its properties, as a body block the page estimator can place. */
import type { BodyBlock, BodyState } from './body-block.js'
import type { Runs } from './phrasing-runs.js'

/** Paragraph properties casebook uses, in the order Word's schema wants them inside w:pPr. */
export interface ParagraphProperties {
  style?: string
  pageBreakBefore?: boolean
  /** A list item: numbering instance and level. */
  numbering?: { id: number; level: number }
  spacingBefore?: number
  indent?: number
  /** Named bookmarks around the text; the first is the outermost. */
  bookmarks?: string[]
  contentsEntry?: boolean
}

/** The paragraph's XML and layout; bookmark ids come from `state` in document order. */
export function paragraphBlock(properties: ParagraphProperties, content: Runs, state: BodyState): BodyBlock {
  const { style, pageBreakBefore = false, numbering, indent, bookmarks = [] } = properties
  const pPr =
    (style ? `<w:pStyle w:val="${style}"/>` : '') +
    (pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (numbering ? `<w:numPr><w:ilvl w:val="${numbering.level}"/><w:numId w:val="${numbering.id}"/></w:numPr>` : '') +
    (properties.spacingBefore === undefined ? '' : `<w:spacing w:before="${properties.spacingBefore}"/>`) +
    (indent === undefined ? '' : `<w:ind w:left="${indent}"/>`)
  const ids = bookmarks.map(() => state.nextBookmarkId++)
  const starts = bookmarks.map((name, index) => `<w:bookmarkStart w:name="${name}" w:id="${ids[index]}"/>`).join('')
  const ends = ids.map((id) => `<w:bookmarkEnd w:id="${id}"/>`).reverse().join('')
  return {
    xml: `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${starts}${content.xml.join('')}${ends}</w:p>`,
    layout: {
      kind: 'paragraph',
      style: style ?? 'Normal',
      pageBreakBefore,
      indent: numbering ? LIST_INDENT * (numbering.level + 1) : indent,
      lines: content.lines,
      contentsEntry: properties.contentsEntry,
      bookmark: bookmarks[0],
    },
  }
}

/** Twips each list level indents (numbering levels and nested paragraphs alike). */
export const LIST_INDENT = 420
