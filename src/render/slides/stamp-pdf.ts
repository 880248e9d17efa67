/** Fixed PDF metadata (title, language, dates, file id), so the same deck gives the same bytes. */
import { createHash } from 'node:crypto'
import { PDFArray, PDFDocument, PDFHexString } from 'pdf-lib'

/** What to record in the PDF. */
export interface PdfStamp {
  title: string
  lang: string
  author?: string
  subject?: string
  date: Date
  /** What the file id is derived from, e.g. the HTML that was printed. */
  source: string
}

/** Rewrites `bytes` with `stamp` in place of Chromium's wall-clock dates; returns the bytes and page count. */
export async function stampPdf(bytes: Uint8Array, stamp: PdfStamp): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  pdf.setTitle(stamp.title, { showInWindowTitleBar: true })
  pdf.setLanguage(stamp.lang)
  if (stamp.author) pdf.setAuthor(stamp.author)
  if (stamp.subject) pdf.setSubject(stamp.subject)
  pdf.setCreator('casebook')
  pdf.setProducer('casebook')
  pdf.setCreationDate(stamp.date)
  pdf.setModificationDate(stamp.date)
  // The file id derives from the content, not from the moment of printing.
  const id = PDFHexString.of(createHash('md5').update(stamp.source).digest('hex'))
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]) as PDFArray
  const out = await pdf.save({ useObjectStreams: false })
  return { bytes: out, pages: pdf.getPageCount() }
}
