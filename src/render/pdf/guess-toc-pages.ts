/**
 * A first guess at the page where each contents entry starts, measured in
 * the print layout laid out as one long page. The printed PDF confirms or
 * corrects it, so a wrong guess costs a second print, never a wrong number.
 */
import type { Page } from 'puppeteer-core'
import type { PageGeometry } from './page-geometry.js'

/** Page numbers by element id. */
export type PageMap = Record<string, number>

/** One top-level part of the printed flow (a child of `<body>` or `<main>`), as guessed. */
export interface GuessedBlock {
  /** The page it starts on. */
  page: number
  /** Whether it starts a page whatever comes before it: a forced break or a new named page. */
  startsPage: boolean
  /** Whether it holds contents numbers. */
  contents: boolean
}

/** The guessed pages of the contents targets, of each top-level block, and in all. */
export interface GuessedLayout {
  pages: PageMap
  blocks: GuessedBlock[]
  total: number
}

/**
 * Estimates start pages for every `.toc-page[data-target]` in the page, and for each top-level
 * block, which it marks `data-casebook-block="<index>"` so that a print in parts can pick it out.
 */
export async function guessTocPages(page: Page, geometry: PageGeometry): Promise<GuessedLayout> {
  await page.emulateMediaType('print')
  await page.setViewport({ width: Math.floor(geometry.contentWidthPx), height: Math.floor(geometry.contentHeightPx) })
  // Print styles may need faces the screen layout did not; measure only once they are in.
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return page.evaluate((pageHeight: number) => {
    // Top-level parts in print order: whatever the template puts in <body> and <main>.
    const blocks = Array.from(document.querySelectorAll<HTMLElement>('body > *, main > *')).filter(
      (element) => element.tagName !== 'MAIN' && element.tagName !== 'SCRIPT' && element.tagName !== 'STYLE',
    )
    const wanted = new Set(Array.from(document.querySelectorAll<HTMLElement>('.toc-page[data-target]'), (span) => span.dataset.target ?? ''))
    const pages: Record<string, number> = {}
    const blockPages: Array<{ page: number; startsPage: boolean; contents: boolean }> = []
    const isBlock = (element: Element) => !/^(inline|contents|none)/.test(getComputedStyle(element).display)
    const isHeading = (element: Element) => /^H[1-6]$/.test(element.tagName)
    const keepsWhole = (element: Element) => getComputedStyle(element).breakInside === 'avoid' || isHeading(element)
    // Offsets run over the whole printed flow, in pixels: page n covers [(n-1)·H, n·H).
    let flow = 0
    let pageName = ''
    // The page each table's last placed row landed on.
    const tablePages = new Map<HTMLTableElement, number>()
    for (const [index, block] of blocks.entries()) {
      const style = getComputedStyle(block)
      // A forced break or a change of named page starts a new page.
      const forced = /^(page|left|right|recto|verso)$/.test(style.breakBefore) || style.page !== pageName
      if (flow > 0 && forced) flow = Math.ceil((flow - 0.5) / pageHeight) * pageHeight
      // Only a plain break leaves the page's side alone: a print of this block on its own starts where the whole one would.
      blockPages.push({ page: Math.floor((flow + 0.5) / pageHeight) + 1, startsPage: index === 0 || (forced && /^(page|auto)$/.test(style.breakBefore)), contents: block.querySelector('.toc-page[data-target]') !== null })
      block.dataset.casebookBlock = String(index)
      pageName = style.page
      const blockTop = block.getBoundingClientRect().top
      // Space pushed down by content that may not split: rows, points, contents entries, a heading and what follows it.
      let shift = 0
      const offset = (element: Element) => flow + element.getBoundingClientRect().top - blockTop + shift
      // Half a pixel of slack: page starts are whole multiples that floating point may miss.
      const pageAt = (element: Element) => Math.floor((offset(element) + 0.5) / pageHeight) + 1
      const place = (element: Element) => {
        const top = offset(element)
        let bottom = top + element.getBoundingClientRect().height
        // A heading stays with the first piece of what follows it that may not split.
        const next = isHeading(element) ? element.nextElementSibling : null
        if (next) bottom = Math.max(bottom, offset(next) + firstPiece(next))
        const page = Math.floor(top / pageHeight)
        const end = (page + 1) * pageHeight
        if (bottom - top >= pageHeight || Math.floor((bottom - 1) / pageHeight) === page) return void repeatHeader(element)
        // Lines may split between pages where orphans and widows allow (a paragraph, not a kept-whole box).
        const lines = keepsWhole(element) ? [] : lineBottoms(element)
        const [orphans, widows] = lineLimits(element)
        let before = lines.filter((line) => top + line <= end + 0.5).length
        before = Math.min(before, lines.length - widows)
        // The lines after the break move to the next page's top; with too few before it, the whole element does.
        if (before >= orphans) shift += end - (top + lines[before - 1])
        else shift += end - top
        repeatHeader(element)
      }
      // How many lines a page must end with and start with, where a paragraph splits.
      const lineLimits = (element: Element): [number, number] => {
        const style = getComputedStyle(element)
        return [Number(style.orphans) || 2, Number(style.widows) || 2]
      }
      // How far down from its top `element` cannot be split: its first block's first piece, a box kept whole,
      // or the lines a page must end with (all of them when there are too few to split).
      const firstPiece = (element: Element): number => {
        const height = element.getBoundingClientRect().height
        if (keepsWhole(element)) return height
        const child = Array.from(element.children).find(isBlock)
        if (child) return child.getBoundingClientRect().top - element.getBoundingClientRect().top + firstPiece(child)
        const lines = lineBottoms(element)
        const [orphans, widows] = lineLimits(element)
        if (lines.length === 0) return Math.min(height, 24)
        return lines.length < orphans + widows ? lines[lines.length - 1] : lines[orphans - 1]
      }
      // The bottom of each line of `element`'s text, from its top, in order (one per line, however many inline boxes).
      const lineBottoms = (element: Element): number[] => {
        const range = document.createRange()
        range.selectNodeContents(element)
        const elementTop = element.getBoundingClientRect().top
        const bottoms: number[] = []
        for (const rect of Array.from(range.getClientRects())) {
          if (rect.height === 0) continue
          const bottom = rect.bottom - elementTop
          // Boxes of one line overlap it; a box starting below the last line's bottom starts a new line.
          if (bottoms.length && rect.top - elementTop < bottoms[bottoms.length - 1] - 1) bottoms[bottoms.length - 1] = Math.max(bottoms[bottoms.length - 1], bottom)
          else bottoms.push(bottom)
        }
        return bottoms
      }
      // A table's header row repeats at the top of every page the table continues on.
      const repeatHeader = (row: Element) => {
        const table = row.parentElement?.tagName === 'TBODY' ? row.closest('table') : null
        const head = table?.tHead
        if (!table || !head || getComputedStyle(head).display !== 'table-header-group') return
        const page = Math.floor((offset(row) + 0.5) / pageHeight)
        const previous = tablePages.get(table) ?? page
        if (page > previous) shift += head.getBoundingClientRect().height
        tablePages.set(table, page)
      }
      // Returns the page the element's first line landed on, after that line's own push (not later ones).
      const visit = (element: Element): number => {
        const children = Array.from(element.children).filter(isBlock)
        let first: number
        if (element !== block && (keepsWhole(element) || children.length === 0)) {
          place(element)
          first = pageAt(element)
        } else {
          first = children.length === 0 ? pageAt(element) : children.map(visit)[0]
        }
        if (element.id && wanted.has(element.id)) pages[element.id] = first
        return first
      }
      visit(block)
      flow += block.getBoundingClientRect().height + shift
    }
    return { pages, blocks: blockPages, total: Math.max(1, Math.ceil((flow - 0.5) / pageHeight)) }
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
