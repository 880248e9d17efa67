/** The overview: one table row per case with its number, title (linked to the case) and key-point labels, or a dash for none. */
import type { RenderContext } from '../renderer.js'
import type { BlockSink, BodyBlock, BodyState } from './body-block.js'
import { bookmarkName, headingBlock } from './case-blocks.js'
import type { OutlineCase } from './docx-outline.js'
import { PALETTE } from './docx-styles.js'
import { NO_POINTS } from '../overview-points.js'
import { runs, textRuns, type Runs } from './phrasing-runs.js'

/** Column shares of the text width: number, case, key points. */
const COLUMNS = [0.1, 0.38, 0.52]
const MARGINS = '<w:tcMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="100"/><w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="100"/></w:tcMar>'
const LINE = 'w:val="single" w:color="BFBFBF" w:sz="4"'
const NONE = 'w:val="none" w:color="FFFFFF" w:sz="0"'
const STYLE = 'TableText'

/** Appends the overview heading and table; `textWidth` is in twips. */
export function overviewBlocks(out: BlockSink, cases: OutlineCase[], context: RenderContext, textWidth: number, state: BodyState): void {
  const { t } = context.locale
  const widths = COLUMNS.map((share) => Math.round(share * textWidth))
  out.push(headingBlock(1, t('overview'), state, 'overview'))
  out.push({
    xml:
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${textWidth}"/><w:tblBorders><w:top ${LINE}/><w:left ${NONE}/><w:bottom ${LINE}/><w:right ${NONE}/><w:insideH ${LINE}/><w:insideV ${NONE}/></w:tblBorders></w:tblPr>` +
      `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`,
    layout: null,
  })
  const header = [t('overviewNumber'), t('overviewCase'), t('overviewPoints')].map((label) => [textRuns(runs(), label, { bold: true, color: 'FFFFFF' })])
  out.push(row(header, widths, PALETTE.heading, true))
  cases.forEach((item, index) => {
    const title = runs()
    title.xml.push(`<w:hyperlink w:history="1" w:anchor="${bookmarkName(item.id)}">`)
    textRuns(title, item.title, { style: 'Hyperlink' })
    title.xml.push('</w:hyperlink>')
    const points = item.pointLabels.length ? item.pointLabels.map((label) => textRuns(runs(), label)) : [textRuns(runs(), NO_POINTS, { color: PALETTE.muted })]
    out.push(row([[textRuns(runs(), String(item.number))], [title], points], widths, index % 2 ? PALETTE.band : undefined, false))
  })
  out.push({ xml: '</w:tbl>', layout: null })
}

/** A row that never splits across pages; each cell holds one Table Text paragraph per entry of its runs. */
function row(cells: Runs[][], widths: number[], fill: string | undefined, header: boolean): BodyBlock {
  const shading = fill ? `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>` : ''
  const xml = cells.map(
    (paragraphs, index) =>
      `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[index]}"/>${shading}${MARGINS}</w:tcPr>` +
      paragraphs.map((content) => `<w:p><w:pPr><w:pStyle w:val="${STYLE}"/></w:pPr>${content.xml.join('')}</w:p>`).join('') +
      '</w:tc>',
  )
  return {
    xml: `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${xml.join('')}</w:tr>`,
    layout: { kind: 'row', cells: cells.map((paragraphs, index) => ({ width: widths[index], paragraphs: paragraphs.map((content) => ({ style: STYLE, lines: content.lines })) })) },
  }
}
