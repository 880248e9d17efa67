/** Assembles the Word document for one locale: cover, contents, intro, cases, overview, conclusion. */
import { Document, Paragraph, type PageNumberEstimator } from 'docx'
import type { CaseDocument, Conclusion, Intro } from '../../types.js'
import type { ReportView } from '../report-view.js'
import type { RenderContext } from '../renderer.js'
import type { BlockState } from './block-paragraphs.js'
import { caseBlocks, frameBlocks } from './case-blocks.js'
import { contentsBlocks } from './contents.js'
import { coverParagraphs } from './cover.js'
import type { DocxFonts } from './docx-fonts.js'
import { docxNumbering } from './docx-numbering.js'
import { docxStyles } from './docx-styles.js'
import { blankFooter, blankHeader, pageFooter, runningHeader } from './header-footer.js'
import { overviewBlocks } from './overview-table.js'

/** Page sizes in twips. */
const PAGE = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } } as const
const MARGIN = { top: 1440, bottom: 1440, left: 1304, right: 1304, header: 708, footer: 708 }

/** The document as docx library objects, ready to pack. */
export function buildDocxDocument(document: CaseDocument, view: ReportView, context: RenderContext, fonts: DocxFonts, pageNumbers: PageNumberEstimator): Document {
  const size = PAGE[context.config.page.size ?? context.locale.rules.pageSize]
  const textWidth = size.width - MARGIN.left - MARGIN.right
  const state: BlockState = { pointSeparator: context.locale.t('pointSeparator'), nextListInstance: 1 }
  const intro = document.children.find((node): node is Intro => node.type === 'intro')
  const conclusion = document.children.find((node): node is Conclusion => node.type === 'conclusion')
  return new Document({
    title: view.title,
    styles: docxStyles(fonts),
    numbering: docxNumbering(),
    // Word would otherwise ask to update fields on open; the contents and page numbers are already written.
    features: { updateFields: false },
    // The contents' page numbers are written with the file, so they show before anyone updates fields.
    pageNumbers,
    sections: [
      {
        properties: {
          page: { size, margin: MARGIN },
          titlePage: true,
        },
        headers: { default: runningHeader(view.title), first: blankHeader() },
        footers: { default: pageFooter(context), first: blankFooter() },
        children: [
          ...coverParagraphs(view, context),
          ...contentsBlocks(context),
          ...frameBlocks(view.intro, intro, state),
          ...caseBlocks(document, view.cases, state),
          ...overviewBlocks(view, context, textWidth),
          ...frameBlocks(view.conclusion, conclusion, state),
          // Word needs a paragraph after a final table; an empty one costs nothing.
          ...(conclusion ? [] : [new Paragraph({})]),
        ],
      },
    ],
  })
}
