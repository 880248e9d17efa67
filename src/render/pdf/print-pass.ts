/** One print of a prepared report page, and the check of its contents numbers against the PDF. */
import type { Page } from 'puppeteer-core'
import type { PageMap } from './guess-toc-pages.js'
import type { ChromiumPdf } from '../shared/chromium-pdf.js'

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

/** One print of the page as it stands: backgrounds, the CSS page size, outline and tags. */
export function printPdf(page: Page, timeout: number): Promise<Uint8Array> {
  return page.pdf({ printBackground: true, preferCSSPageSize: true, outline: true, tagged: true, timeout })
}

/** The numbers with the PDF's real pages, or null when every number was already right. */
export function correctedNumbers(numbers: PageMap, actual: PageMap): PageMap | null {
  let changed = false
  const result: PageMap = { ...numbers }
  for (const [id, page] of Object.entries(actual)) {
    if (!(id in result) || result[id] === page) continue
    result[id] = page
    changed = true
  }
  return changed ? result : null
}
