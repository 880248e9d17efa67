/**
 * The package around the body, built with the docx library: styles,
 * numbering definitions, settings, header and footer parts, section
 * properties, content types and relationships. Those parts are static and
 * tedious to get right by hand, and the library is made for them; the body,
 * which grows with the document, is written as XML text (document-body.ts)
 * and put into the library's empty document.
 */
import { Document } from 'docx'
import type { RenderContext } from '../renderer.js'
import type { DocxFonts } from './docx-fonts.js'
import { docxNumbering } from './docx-numbering.js'
import { docxStyles } from './docx-styles.js'
import type { PageArea } from './estimate-pages.js'
import { blankFooter, blankHeader, pageFooter, runningHeader } from './header-footer.js'

/** Page sizes in twips. */
const PAGE = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } } as const
const MARGIN = { top: 1440, bottom: 1440, left: 1304, right: 1304, header: 708, footer: 708 }

/** The page size the config or locale asks for, and the area inside its margins. */
export function pageGeometry(context: RenderContext): { size: { width: number; height: number }; area: PageArea } {
  const size = PAGE[context.config.page.size ?? context.locale.rules.pageSize]
  return { size, area: { width: size.width - MARGIN.left - MARGIN.right, height: size.height - MARGIN.top - MARGIN.bottom } }
}

/** The document with an empty body, as docx library objects ready to pack. */
export function buildDocxScaffold(title: string, context: RenderContext, fonts: DocxFonts): Document {
  return new Document({
    title,
    styles: docxStyles(fonts),
    numbering: docxNumbering(),
    // Word would otherwise ask to update fields on open; the contents and page numbers are already written.
    features: { updateFields: false },
    sections: [
      {
        properties: { page: { size: pageGeometry(context).size, margin: MARGIN }, titlePage: true },
        headers: { default: runningHeader(title), first: blankHeader() },
        footers: { default: pageFooter(context), first: blankFooter() },
        children: [],
      },
    ],
  })
}
