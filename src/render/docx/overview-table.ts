/**
 * The overview: one table row per case with its number, title (linked to the
 * case) and key-point labels, or a dash for none. Its header row and banding
 * come from the Casebook Overview table style (table-styles.ts).
 */
import type { RenderContext } from '../renderer.js'
import type { BlockSink, BodyBlock, BodyState } from './body-block.js'
import { bookmarkName, headingBlock } from './case-blocks.js'
import type { OutlineCase } from './docx-outline.js'
import { OVERVIEW_STYLE } from './table-styles.js'
import { NO_POINTS } from '../overview-points.js'
import { runs, textRuns, type Runs } from './phrasing-runs.js'

/** Column shares of the text width: number, case, key points. */
const COLUMNS = [0.1, 0.38, 0.52]
const STYLE = 'TableText'

/** Appends the overview heading and table; `textWidth` is in twips. */
export function overviewBlocks(out: BlockSink, cases: OutlineCase[], context: RenderContext, textWidth: number, state: BodyState): void {
  const { t } = context.locale
  const widths = COLUMNS.map((share) => Math.round(share * textWidth))
  out.push(headingBlock(1, t('overview'), state, 'overview'))
  out.push({
    xml:
      // Banded rows after a header row: the style's firstRow and band2Horz formatting.
      `<w:tbl><w:tblPr><w:tblStyle w:val="${OVERVIEW_STYLE}"/><w:tblW w:type="dxa" w:w="${textWidth}"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
      `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`,
    layout: null,
  })
  const header = [t('overviewNumber'), t('overviewCase'), t('overviewPoints')].map((label) => [textRuns(runs(), label)])
  out.push(row(header, widths, true))
  cases.forEach((item) => {
    const title = runs()
    title.xml.push(`<w:hyperlink w:history="1" w:anchor="${bookmarkName(item.id)}">`)
    textRuns(title, item.title, { style: 'Hyperlink' })
    title.xml.push('</w:hyperlink>')
    const points = item.pointLabels.length ? item.pointLabels.map((label) => textRuns(runs(), label)) : [textRuns(runs(), NO_POINTS, { style: 'Muted' })]
    out.push(row([[textRuns(runs(), String(item.number))], [title], points], widths, false))
  })
  out.push({ xml: '</w:tbl>', layout: null })
}

/** A row that never splits across pages; each cell holds one Table Text paragraph per entry of its runs. */
function row(cells: Runs[][], widths: number[], header: boolean): BodyBlock {
  const xml = cells.map(
    (paragraphs, index) =>
      `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[index]}"/></w:tcPr>` +
      paragraphs.map((content) => `<w:p><w:pPr><w:pStyle w:val="${STYLE}"/></w:pPr>${content.xml.join('')}</w:p>`).join('') +
      '</w:tc>',
  )
  return {
    xml: `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${xml.join('')}</w:tr>`,
    layout: { kind: 'row', header, cells: cells.map((paragraphs, index) => ({ width: widths[index], paragraphs: paragraphs.map((content) => ({ style: STYLE, lines: content.lines })) })) },
  }
}
