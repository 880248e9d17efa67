/**
 * The last step on Chromium's PDF: document metadata instead of the page's
 * URL and the wall clock, and a fixed file ID, so equal inputs give equal bytes.
 */
import type { ReportView } from '../report-view.js'
import { VERSION } from '../../version.js'
import { documentKeywords } from '../shared/document-keywords.js'
import type { ChromiumPdf } from '../shared/chromium-pdf.js'
import { updatePdf, type UpdatedPdf } from '../shared/update-pdf.js'

/** What the PDF's Info dictionary and trailer record. */
export interface PdfMetadata {
  view: ReportView
  date: Date
  /** Hashed into the trailer /ID; the same HTML gives the same ID. */
  fingerprint: string
}

/** Sets Title, Author, Subject, Keywords, language and dates on the printed bytes (`pdf` is their reading). */
export function finishPdf(bytes: Uint8Array, pdf: ChromiumPdf, { view, date, fingerprint }: PdfMetadata): Promise<UpdatedPdf> {
  return updatePdf(
    bytes,
    {
      title: view.title,
      author: (view.author ?? view.organisation) || undefined,
      subject: view.subtitle || undefined,
      // Separated as in the .docx, so titles with spaces stay apart.
      keywords: documentKeywords(view.cases).join('; '),
      lang: view.lang,
      creator: `casebook ${VERSION}`,
      producer: `casebook ${VERSION} (Chromium)`,
      date,
      fingerprint,
    },
    pdf,
  )
}
