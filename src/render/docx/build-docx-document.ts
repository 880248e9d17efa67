/**
 * The package around the body, built with the docx library: styles,
 * numbering definitions, settings, the header and footer parts (filled in
 * later: header-footer.ts), section
 * properties, content types and relationships. Those parts are static and
 * tedious to get right by hand, and the library is made for them; the body,
 * which grows with the document, is written as XML text (document-body.ts)
 * and put into the library's empty document.
 */
import { Document, Footer, Header, Packer, Paragraph } from 'docx'
import type { DocxFonts } from './docx-fonts.js'
import type { StyleLook } from './docx-look.js'
import { docxNumbering } from './docx-numbering.js'
import { docxStyles } from './docx-styles.js'
import { MARGIN } from './docx-page.js'

/** Everything the scaffold depends on, as plain data (it is also the scaffold cache's key). */
export interface ScaffoldSpec {
  title: string
  fonts: DocxFonts
  pageSize: { width: number; height: number }
  /** The brand's colours and heading faces, which the styles carry. */
  look: StyleLook
}

/** The packed .docx of a document with an empty body. */
export function scaffoldPackage(spec: ScaffoldSpec): Promise<Buffer> {
  return Packer.toBuffer(buildDocxScaffold(spec))
}

/** The document with an empty body, as docx library objects ready to pack. */
function buildDocxScaffold(spec: ScaffoldSpec): Document {
  return new Document({
    title: spec.title,
    styles: docxStyles(spec.fonts, spec.look),
    numbering: docxNumbering(),
    // Word would otherwise ask to update fields on open; the contents and page numbers are already written.
    features: { updateFields: false },
    sections: [
      {
        properties: { page: { size: spec.pageSize, margin: MARGIN }, titlePage: true },
        // Placeholders: the parts and their relationships. Their content, which
        // depends on the document (title, page count, logo), is written by pack-docx.ts.
        headers: { default: new Header({ children: [new Paragraph({})] }), first: new Header({ children: [new Paragraph({})] }) },
        footers: { default: new Footer({ children: [new Paragraph({})] }), first: new Footer({ children: [new Paragraph({})] }) },
        children: [],
      },
    ],
  })
}
