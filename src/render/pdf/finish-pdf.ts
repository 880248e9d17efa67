/**
 * The last step on Chromium's PDF: document metadata instead of the page's
 * URL and the wall clock, and a fixed file ID, so equal inputs give equal bytes.
 */
import { createHash } from 'node:crypto'
import { PDFArray, PDFHexString, type PDFDocument } from 'pdf-lib'
import type { ReportView } from '../report-view.js'
import { VERSION } from '../../version.js'
import { stabiliseStructIds } from './stable-struct-ids.js'

/** What the PDF's Info dictionary and trailer record. */
export interface PdfMetadata {
  view: ReportView
  date: Date
  /** Hashed into the trailer /ID; the same HTML gives the same ID. */
  fingerprint: string
}

/** Sets Title, Author, Subject, Keywords, language and dates, then saves without object streams. */
export async function finishPdf(document: PDFDocument, { view, date, fingerprint }: PdfMetadata): Promise<Uint8Array> {
  document.setTitle(view.title, { showInWindowTitleBar: true })
  if (view.author ?? view.organisation) document.setAuthor((view.author ?? view.organisation)!)
  if (view.subtitle) document.setSubject(view.subtitle)
  document.setKeywords(view.cases.map((item) => item.title))
  document.setLanguage(view.lang)
  document.setCreator(`casebook ${VERSION}`)
  document.setProducer(`casebook ${VERSION} (Chromium, pdf-lib)`)
  document.setCreationDate(date)
  document.setModificationDate(date)
  stabiliseStructIds(document)
  const id = createHash('md5').update(fingerprint).digest('hex')
  document.context.trailerInfo.ID = PDFArray.withContext(document.context)
  const ids = document.context.trailerInfo.ID as PDFArray
  ids.push(PDFHexString.of(id))
  ids.push(PDFHexString.of(id))
  return document.save({ useObjectStreams: false, updateFieldAppearances: false })
}
