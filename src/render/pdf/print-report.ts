/**
 * Prints the report HTML to PDF with a correct contents list: guess the
 * pages from the layout, print, read where Chromium really put each
 * target, and print again only when the guess was wrong.
 */
import type { Page } from 'puppeteer-core'
import { loadOffline } from '../../browser/load-offline.js'
import { guessTocPages, setContentsPages, type PageMap } from './guess-toc-pages.js'
import type { PageGeometry } from './page-geometry.js'
import { readDestinations } from './read-destinations.js'
import { readChromiumPdf, type ChromiumPdf } from '../shared/chromium-pdf.js'
import { labelHeadings } from './label-headings.js'
import { addMarginRules, type MarginRules } from './measure-margin-text.js'
import { timed } from '../../timed.js'

/** Enough for any layout: the contents list keeps its length, so numbers settle after one correction. */
const MAX_PRINTS = 4

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
}

/** Loads `html` offline into `page` and prints it until the contents numbers match the PDF. */
export async function printReport(page: Page, html: string, { geometry, timeout, fonts, onStep, margin }: PrintOptions): Promise<PrintedReport> {
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
  let numbers = await timed({ onStep }, 'page numbers', async () => {
    await labelHeadings(page)
    return guessTocPages(page, geometry)
  })
  for (let prints = 1; ; prints++) {
    await setContentsPages(page, numbers)
    const bytes = await timed({ onStep }, prints === 1 ? 'print' : `print ${prints} (contents numbers corrected)`, () =>
      page.pdf({ printBackground: true, preferCSSPageSize: true, outline: true, tagged: true, timeout }),
    )
    const pdf = readChromiumPdf(bytes)
    const actual = readDestinations(pdf)
    const corrected = correct(numbers, actual)
    if (!corrected || prints >= MAX_PRINTS) return { bytes, pdf, pages: numbers, prints }
    numbers = corrected
  }
}

/** The numbers with the PDF's real pages, or null when every number was already right. */
function correct(numbers: PageMap, actual: PageMap): PageMap | null {
  let changed = false
  const result: PageMap = { ...numbers }
  for (const [id, page] of Object.entries(actual)) {
    if (!(id in result) || result[id] === page) continue
    result[id] = page
    changed = true
  }
  return changed ? result : null
}
