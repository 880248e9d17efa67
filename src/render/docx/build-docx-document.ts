/**
 * The package around the body, built with the docx library: styles,
 * numbering definitions, settings, header and footer parts, section
 * properties, content types and relationships. Those parts are static and
 * tedious to get right by hand, and the library is made for them; the body,
 * which grows with the document, is written as XML text (document-body.ts)
 * and put into the library's empty document.
 */
import { Document, Packer } from 'docx'
import type { DocxFonts } from './docx-fonts.js'
import { docxNumbering } from './docx-numbering.js'
import { docxStyles } from './docx-styles.js'
import { MARGIN } from './docx-page.js'
import { blankFooter, blankHeader, pageFooter, runningHeader } from './header-footer.js'

/** Everything the scaffold depends on, as plain data (it is also the scaffold cache's key). */
export interface ScaffoldSpec {
  title: string
  fonts: DocxFonts
  pageSize: { width: number; height: number }
  /** The catalog's `pageOf` message, with private-use characters for {page} and {pages}. */
  pageOf: string
}

/** The packed .docx of a document with an empty body. */
export function scaffoldPackage(spec: ScaffoldSpec): Promise<Buffer> {
  return Packer.toBuffer(buildDocxScaffold(spec))
}

/** The document with an empty body, as docx library objects ready to pack. */
function buildDocxScaffold(spec: ScaffoldSpec): Document {
  return new Document({
    title: spec.title,
    styles: docxStyles(spec.fonts),
    numbering: docxNumbering(),
    // Word would otherwise ask to update fields on open; the contents and page numbers are already written.
    features: { updateFields: false },
    sections: [
      {
        properties: { page: { size: spec.pageSize, margin: MARGIN }, titlePage: true },
        headers: { default: runningHeader(spec.title), first: blankHeader() },
        footers: { default: pageFooter(spec.pageOf), first: blankFooter() },
        children: [],
      },
    ],
  })
}
