/**
 * A first guess at the page where each contents entry starts, measured in
 * the print layout laid out as one long page. The printed PDF confirms or
 * corrects it, so a wrong guess costs a second print, never a wrong number.
 */
import type { Page } from 'puppeteer-core'
import type { PageGeometry } from './page-geometry.js'

/** Page numbers by element id. */
export type PageMap = Record<string, number>

/** Estimates start pages for every `.toc-page[data-target]` in the page. */
export async function estimatePages(page: Page, geometry: PageGeometry): Promise<PageMap> {
  await page.emulateMediaType('print')
  await page.setViewport({ width: Math.floor(geometry.contentWidthPx), height: Math.floor(geometry.contentHeightPx) })
  return page.evaluate((pageHeight: number) => {
    // Blocks that begin a new page in print: the cover, the contents and each part of <main>.
    const blocks = Array.from(document.querySelectorAll<HTMLElement>('body > .cover, body > .toc, main > *'))
    const starts = new Map<Element, number>()
    const tops = new Map<Element, number>()
    let next = 1
    for (const block of blocks) {
      const rect = block.getBoundingClientRect()
      starts.set(block, next)
      tops.set(block, rect.top)
      next += Math.max(1, Math.ceil((rect.height - 0.5) / pageHeight))
    }
    const pages: Record<string, number> = {}
    for (const span of Array.from(document.querySelectorAll<HTMLElement>('.toc-page[data-target]'))) {
      const id = span.dataset.target ?? ''
      const target = document.getElementById(id)
      const block = target && blocks.find((candidate) => candidate === target || candidate.contains(target))
      if (!target || !block) continue
      const offset = target.getBoundingClientRect().top - (tops.get(block) ?? 0)
      pages[id] = (starts.get(block) ?? 1) + Math.max(0, Math.floor(offset / pageHeight))
    }
    return pages
  }, geometry.contentHeightPx)
}

/** Writes page numbers into the contents list (the template's `.toc-page[data-target]` spans). */
export async function setContentsPages(page: Page, pages: PageMap): Promise<void> {
  await page.evaluate((numbers: Record<string, number>) => {
    for (const span of Array.from(document.querySelectorAll<HTMLElement>('.toc-page[data-target]'))) {
      const number = numbers[span.dataset.target ?? '']
      span.textContent = number === undefined ? '' : String(number)
    }
  }, pages)
}
