/**
 * The handout's bookmarks, written with pdf-lib from the titles the printed page showed: Chromium's
 * own outline takes a heading's text from its laid-out lines and loses the space at each line
 * break ("Public Services" → "PublicServices"), and holds only the title slide's heading.
 */
import { PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib'

/** `bytes` with a flat outline of `bookmarks` (each a 0-based page and a title); the PDF opens with it shown. */
export async function withOutline(bytes: Uint8Array, bookmarks: Array<{ page: number; title: string }>): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const pages = pdf.getPages()
  const items = bookmarks.filter((bookmark) => bookmark.page < pages.length)
  if (items.length === 0) return bytes
  const { context } = pdf
  const outlineRef = context.nextRef()
  const refs: PDFRef[] = items.map(() => context.nextRef())
  items.forEach((item, index) => {
    const entry = context.obj({
      Title: PDFHexString.fromText(item.title),
      Parent: outlineRef,
      Dest: [pages[item.page].ref, PDFName.of('Fit')],
    })
    if (index > 0) entry.set(PDFName.of('Prev'), refs[index - 1])
    if (index < items.length - 1) entry.set(PDFName.of('Next'), refs[index + 1])
    context.assign(refs[index], entry)
  })
  context.assign(outlineRef, context.obj({ Type: 'Outlines', First: refs[0], Last: refs.at(-1)!, Count: PDFNumber.of(items.length) }))
  pdf.catalog.set(PDFName.of('Outlines'), outlineRef)
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
  // A classic cross-reference table, which the stamping that follows reads; no wall-clock date is added.
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false })
}
