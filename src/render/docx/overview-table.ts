/** The overview: one table row per case with its number, title (linked to the case) and key-point labels. */
import { BorderStyle, InternalHyperlink, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx'
import type { ReportView } from '../report-view.js'
import type { RenderContext } from '../renderer.js'
import { PALETTE } from './docx-styles.js'
import { bookmarkName, chapterHeading } from './case-blocks.js'
import { textRuns } from './phrasing-runs.js'

/** Column shares of the text width: number, case, key points. */
const COLUMNS = [0.1, 0.38, 0.52]

/** The overview heading and table; `textWidth` is in twips. */
export function overviewBlocks(view: ReportView, context: RenderContext, textWidth: number): Array<Paragraph | Table> {
  const { t } = context.locale
  const widths = COLUMNS.map((share) => Math.round(share * textWidth))
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [t('overviewNumber'), t('overviewCase'), t('overviewPoints')].map((label, index) =>
      cell([new Paragraph({ style: 'TableText', children: [new TextRun({ text: label, bold: true, color: 'FFFFFF' })] })], widths[index], PALETTE.heading),
    ),
  })
  const rows = view.cases.map(
    (item, index) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([new Paragraph({ style: 'TableText', children: textRuns(String(item.number), {}) })], widths[0], index % 2 ? PALETTE.band : undefined),
          cell([new Paragraph({ style: 'TableText', children: [link(item.title, bookmarkName(item.id))] })], widths[1], index % 2 ? PALETTE.band : undefined),
          cell(
            item.pointLabels.length ? item.pointLabels.map((label) => new Paragraph({ style: 'TableText', children: textRuns(label, {}) })) : [new Paragraph({ style: 'TableText' })],
            widths[2],
            index % 2 ? PALETTE.band : undefined,
          ),
        ],
      }),
  )
  const line = { style: BorderStyle.SINGLE, size: 4, color: PALETTE.rule }
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
  return [
    chapterHeading(t('overview'), 'overview'),
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: line, bottom: line, insideHorizontal: line, left: none, right: none, insideVertical: none },
      rows: [header, ...rows],
    }),
  ]
}

function cell(children: Paragraph[], width: number, fill: string | undefined): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
  })
}

function link(text: string, anchor: string): ParagraphChild {
  return new InternalHyperlink({ anchor, children: textRuns(text, {}, { style: 'Hyperlink' }) })
}
