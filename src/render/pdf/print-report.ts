/**
 * Prints the report HTML to PDF with a correct contents list: guess the
 * pages from the layout, print, read where Chromium really put each
 * target, and print again only when the guess was wrong.
 *
 * A long report is printed in parts and joined (`print-in-parts.ts`), on
 * two tabs when one is offered: Chromium's print costs more per page the
 * longer the document (4 ms a page at 100 pages, 8 ms at 1,150).
 */
import type { Page } from 'puppeteer-core'
import { loadOffline } from '../../browser/load-offline.js'
import { guessTocPages, setContentsPages, type GuessedLayout } from './guess-toc-pages.js'
import { printInParts, putPartsBack, splitIntoParts } from './print-in-parts.js'
import type { PageGeometry } from './page-geometry.js'
import { readDestinations } from './read-destinations.js'
import { readChromiumPdf, UnsupportedPdfError } from '../shared/chromium-pdf.js'
import { labelHeadings } from './label-headings.js'
import { addMarginRules, type MarginRules } from './measure-margin-text.js'
import { timed } from '../../timed.js'
import { correctedNumbers, MAX_PRINTS, printPdf, type PrintedReport } from './print-pass.js'

export type { PrintedReport } from './print-pass.js'

/** Runs `use` on a tab of its own, closed afterwards (`withPage` bound to the browser). */
export type WithTab = <T>(use: (page: Page) => Promise<T>) => Promise<T>

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
  /** A second tab for a report long enough to print in parts: its parts then print two at a time. */
  secondTab?: WithTab
}

/**
 * HTML this long (fonts included) makes a report of ~240 pages, which prints in parts: the second tab
 * starts loading at once. Each tab holds the whole page (~690 MB of renderer at 1,000 cases, 3 MB of
 * HTML); past the upper bound (~2,500 cases, nearly 2 GB a tab) the parts print one at a time instead.
 */
const SECOND_TAB_HTML = { from: 1_000_000, upTo: 8_000_000 }

/** Loads `html` offline into `page` and prints it until the contents numbers match the PDF. */
export async function printReport(page: Page, html: string, options: PrintOptions): Promise<PrintedReport> {
  const { onStep } = options
  // The second tab loads beside the first, on the other core, when the report will likely print in parts.
  const second = options.secondTab && options.pageNumberCss && html.length >= SECOND_TAB_HTML.from && html.length <= SECOND_TAB_HTML.upTo ? borrowTab(options.secondTab, (tab) => preparePage(tab, html, { ...options, onStep: undefined })) : undefined
  try {
    const layout = await preparePage(page, html, options)
    const parts = options.pageNumberCss ? splitIntoParts(layout, html) : []
    if (options.pageNumberCss && parts.length > 1) {
      try {
        return await printInParts(page, second?.page, parts, layout, { timeout: options.timeout, onStep, pageNumberCss: options.pageNumberCss })
      } catch (error) {
        // A browser whose PDFs the merge cannot read (say, a future Chromium writing xref streams) prints whole, as it always could.
        if (!(error instanceof UnsupportedPdfError)) throw error
        await putPartsBack(page)
      }
    }
    return await printWhole(page, layout, options)
  } finally {
    if (second) {
      second.release()
      await second.done
    }
  }
}

/** Loads the report into `page` laid out for print, with its margin rules and fonts in, and guesses its pages. */
async function preparePage(page: Page, html: string, { geometry, timeout, fonts, margin, onStep }: PrintOptions): Promise<GuessedLayout> {
  await timed({ onStep }, 'page load', () => loadForPrint(page, html, { geometry, timeout, fonts, margin }))
  return timed({ onStep }, 'page numbers', async () => {
    await labelHeadings(page)
    return guessTocPages(page, geometry)
  })
}

/** Loads `html` into `page` laid out for print, with every face of the margin font loaded and the margin rules added. */
async function loadForPrint(page: Page, html: string, { geometry, timeout, fonts, margin }: Pick<PrintOptions, 'geometry' | 'timeout' | 'fonts' | 'margin'>): Promise<void> {
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
}

/** Prints the whole page until its contents numbers match the PDF. */
async function printWhole(page: Page, layout: GuessedLayout, { timeout, onStep }: PrintOptions): Promise<PrintedReport> {
  let numbers = layout.pages
  for (let prints = 1; ; prints++) {
    await setContentsPages(page, numbers)
    const bytes = await timed({ onStep }, prints === 1 ? 'print' : `print ${prints} (contents numbers corrected)`, () => printPdf(page, timeout))
    const pdf = readChromiumPdf(bytes)
    const corrected = correctedNumbers(numbers, readDestinations(pdf))
    if (!corrected || prints >= MAX_PRINTS) return { bytes, pdf, pages: numbers, prints }
    numbers = corrected
  }
}

/** A tab taken from `withTab` and prepared by `prepare`, kept open until released. */
interface BorrowedTab {
  /** The tab, once prepared; rejects if it could not be. */
  page: Promise<Page>
  release(): void
  /** Settles once the tab is closed; rejects with what went wrong in it. */
  done: Promise<void>
}

function borrowTab(withTab: WithTab, prepare: (page: Page) => Promise<unknown>): BorrowedTab {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  let ready: (page: Page) => void = () => {}
  const page = new Promise<Page>((resolve) => (ready = resolve))
  const done = withTab(async (tab) => {
    await prepare(tab)
    ready(tab)
    await released
  })
  // A tab that failed before it was ready is never handed out: its failure is reported by `done`.
  const failed = done.then(
    () => new Promise<Page>(() => {}),
    (error: unknown) => Promise.reject(error),
  )
  failed.catch(() => undefined)
  return { page: Promise.race([page, failed]), release, done }
}
