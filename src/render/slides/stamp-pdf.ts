/** Fixed PDF metadata (title, language, dates, file id), so the same deck gives the same bytes. */
import { updatePdf } from '../shared/update-pdf.js'

/** What to record in the PDF. */
export interface DeckStamp {
  title: string
  lang: string
  author?: string
  subject?: string
  date: Date
  /** What the file id is derived from, e.g. the HTML that was printed. */
  source: string
}

/** Patches `bytes` with `stamp` in place of Chromium's wall-clock dates; returns the bytes and page count. */
export async function stampPdf(bytes: Uint8Array, stamp: DeckStamp): Promise<{ bytes: Uint8Array; pages: number }> {
  return updatePdf(bytes, {
    title: stamp.title,
    author: stamp.author || undefined,
    subject: stamp.subject || undefined,
    lang: stamp.lang,
    creator: 'casebook',
    producer: 'casebook',
    date: stamp.date,
    fingerprint: stamp.source,
  })
}
