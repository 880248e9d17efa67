/** Where Chromium put each link target: the PDF's named destinations, as 1-based page numbers. */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib'
import type { PageMap } from './estimate-pages.js'

/** Reads the catalog's /Dests (Chromium writes one per `#id` link target) into page numbers. */
export function readDestinations(document: PDFDocument): PageMap {
  const pageNumbers = new Map<string, number>()
  document.getPages().forEach((page, index) => pageNumbers.set(page.ref.toString(), index + 1))
  const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  const result: PageMap = {}
  if (!dests) return result
  for (const [name, value] of dests.entries()) {
    const destination = document.context.lookup(value)
    const array = destination instanceof PDFDict ? destination.lookupMaybe(PDFName.of('D'), PDFArray) : destination
    if (!(array instanceof PDFArray)) continue
    const target = array.get(0)
    const number = target instanceof PDFRef ? pageNumbers.get(target.toString()) : undefined
    if (number !== undefined) result[decodeName(name)] = number
  }
  return result
}

/** PDF names escape bytes as #xx; ids may hold any character. */
function decodeName(name: PDFName): string {
  const bytes = name.asString().slice(1).replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}
