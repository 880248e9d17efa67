/**
 * Prints the report HTML to PDF with a correct contents list: guess the
 * pages from the layout, print, read where Chromium really put each
 * target, and print again only when the guess was wrong.
 *
 * A long report is printed in parts and joined: Chromium's print costs
 * more per page the longer the document (4 ms a page at 100 pages, 8 ms
 * at 1,150), so ten parts of 115 pages print in half the time of one.
 */
import type { Page } from 'puppeteer-core'
import { loadOffline } from '../../browser/load-offline.js'
import { guessTocPages, setContentsPages, type PageMap } from './guess-toc-pages.js'
import { printInParts, splitIntoParts } from './print-in-parts.js'
import type { PageGeometry } from './page-geometry.js'
import { readDestinations } from './read-destinations.js'
import { readChromiumPdf, type ChromiumPdf } from '../shared/chromium-pdf.js'
import { labelHeadings } from './label-headings.js'
import { addMarginRules, type MarginRules } from './measure-margin-text.js'
import { timed } from '../../timed.js'

/** Enough for any layout: the contents list keeps its length, so numbers settle after one correction. */
export const MAX_PRINTS = 4

/** The printed report and how many times it was printed (1 when the guess was right). */
export interface PrintedReport {
  bytes: Uint8Array
  /** The bytes as read by the light reader, for finishing without reading them again. */
  pdf: ChromiumPdf
  pages: PageMap
  prints: number
}

/** How to print: paper, the step timeout, and a font only margin boxes use (which must be loaded by hand). */
export interface PrintOptions {
  geometry: PageGeometry
  timeout: number
  fonts: { family: string }
  /** Told how long loading, numbering and each print took. */
  onStep?: (step: string, ms: number) => void
  /** Margin text cut to its measured width (the running header), added once the fonts are in. */
  margin?: MarginRules
  /**
   * The page number's margin rule with the number of pages written out, for a print in
   * parts (whose own page count is not the report's). Without it the report prints whole.
   */
  pageNumberCss?: (pages: number) => string
  /** Pages a part of a long report should have about; tests set it low. */
  partPages?: number
}

/** Loads `html` offline into `page` and prints it until the contents numbers match the PDF. */
export async function printReport(page: Page, html: string, options: PrintOptions): Promise<PrintedReport> {
  const { geometry, timeout, fonts, onStep, margin } = options
  await timed({ onStep }, 'page load', async () => {
    // Lay the page out for print from the start: measuring and printing then reuse that layout.
    await page.emulateMediaType('print')
    await page.setViewport({ width: Math.floor(geometry.contentWidthPx), height: Math.floor(geometry.contentHeightPx) })
    await loadOffline(page, html, timeout)
    // document.fonts.ready ignores faces no element uses; margin text in a still-loading face prints blank.
    // A face whose subset is only whitespace fails to load; the others must still be loaded.
    await page.evaluate(async (family) => {
      const loading: Array<Promise<FontFace>> = []
      document.fonts.forEach((face) => {
        if (face.family.replace(/["']/g, '') === family) loading.push(face.load())
      })
      await Promise.allSettled(loading)
    }, fonts.family)
    if (margin) await addMarginRules(page, margin)
  })
  const layout = await timed({ onStep }, 'page numbers', async () => {
    await labelHeadings(page)
    return guessTocPages(page, geometry)
  })
  const parts = options.pageNumberCss ? splitIntoParts(layout, html, options.partPages) : []
  if (options.pageNumberCss && parts.length > 1) return printInParts(page, parts, layout, { timeout, onStep, pageNumberCss: options.pageNumberCss })
  let numbers = layout.pages
  for (let prints = 1; ; prints++) {
    await setContentsPages(page, numbers)
    const bytes = await timed({ onStep }, prints === 1 ? 'print' : `print ${prints} (contents numbers corrected)`, () =>
      printPdf(page, timeout),
    )
    const pdf = readChromiumPdf(bytes)
    const actual = readDestinations(pdf)
    const corrected = correct(numbers, actual)
    if (!corrected || prints >= MAX_PRINTS) return { bytes, pdf, pages: numbers, prints }
    numbers = corrected
  }
}

/** One print of the page as it stands: backgrounds, the CSS page size, outline and tags. */
export function printPdf(page: Page, timeout: number): Promise<Uint8Array> {
  return page.pdf({ printBackground: true, preferCSSPageSize: true, outline: true, tagged: true, timeout })
}

/** The numbers with the PDF's real pages, or null when every number was already right. */
export function correct(numbers: PageMap, actual: PageMap): PageMap | null {
  let changed = false
  const result: PageMap = { ...numbers }
  for (const [id, page] of Object.entries(actual)) {
    if (!(id in result) || result[id] === page) continue
    result[id] = page
    changed = true
  }
  return changed ? result : null
}
