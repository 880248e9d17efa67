/** Reads a PDF the way a reader's tools do: poppler for text, fonts and info, pdf-lib for outline and catalog. */
import { readFileSync } from 'node:fs'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib'
import { run } from './tools.js'

/** What the tests look at in one PDF. */
export interface PdfReading {
  info: Record<string, string>
  pageCount: number
  /** Text of each page (index 0 is page 1), poppler's -layout mode. */
  pages: string[]
  /** Body lines of each page: without the running header (first line) and footer (last line). */
  bodies: string[][]
  fonts: string
  outline: Array<{ title: string; depth: number; page: number }>
  lang: string | undefined
}

/** Reads `file` with pdfinfo, pdffonts, pdftotext (per page) and pdf-lib. */
export async function readPdf(file: string): Promise<PdfReading> {
  const info = Object.fromEntries(
    run('pdfinfo', ['-enc', 'UTF-8', file])
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => Boolean(match))
      .map((match) => [match[1], match[2]]),
  )
  const pageCount = Number(info.Pages)
  const pages = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).split('\f').slice(0, pageCount)
  const bodies = pages.map((text) => {
    const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean)
    return lines.slice(1, -1)
  })
  const document = await PDFDocument.load(readFileSync(file), { updateMetadata: false })
  const pageOf = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]))
  const outline: PdfReading['outline'] = []
  const walk = (parent: PDFDict, depth: number) => {
    for (let item = parent.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText()
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray)
      const target = dest?.get(0)
      outline.push({ title, depth, page: target instanceof PDFRef ? (pageOf.get(target.toString()) ?? 0) : 0 })
      walk(item, depth + 1)
    }
  }
  const root = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  if (root) walk(root, 0)
  const lang = document.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText()
  return { info, pageCount, pages, bodies, fonts: run('pdffonts', [file]), outline, lang }
}

/** The first page (1-based, from `from`) whose body has a line equal to, or starting with, `line`. */
export function pageStarting(reading: PdfReading, line: string, from = 1): number {
  const index = reading.bodies.findIndex((body, page) => page + 1 >= from && body.includes(line))
  return index + 1
}

/** Contents entries: `text → page` from the pages whose running head says they are the contents. */
export function contentsEntries(reading: PdfReading, contentsTitle: string): Map<string, number> {
  const entries = new Map<string, number>()
  reading.pages.forEach((text, index) => {
    const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean)
    if (!lines[0]?.endsWith(contentsTitle)) return
    for (const line of reading.bodies[index]) {
      const match = /^(.*\S) (\d+)$/.exec(line)
      if (match) entries.set(match[1], Number(match[2]))
    }
  })
  return entries
}
