/**
 * Prints a long report in parts, each a run of top-level blocks that starts
 * a page of its own, and joins them into one PDF. Every part is printed
 * from the same loaded page with the other parts hidden, numbered from the
 * page where it starts in the whole report; links to targets in other
 * parts are joined up by name when the parts are merged.
 */
import type { Page } from 'puppeteer-core'
import { setContentsPages, type GuessedLayout, type PageMap } from './guess-toc-pages.js'
import { readDestinations } from './read-destinations.js'
import { readChromiumPdf } from '../shared/chromium-pdf.js'
import { mergePrintedParts } from './merge-printed-parts.js'
import { correct, MAX_PRINTS, printPdf, type PrintedReport } from './print-report.js'
import { timed } from '../../timed.js'

/** About how many pages a part has: past a few hundred, each page prints dearer; below ~50, each part's own cost shows. */
export const PART_PAGES = 120

/** One part: the indexes of its blocks, and whether it holds contents numbers. */
export interface PrintPart {
  blocks: number[]
  contents: boolean
}

/**
 * Splits the guessed layout into parts of about `partPages` pages, each starting at a block that starts
 * a page of its own. One part when the report is short, or when its pages depend on their side or on
 * being first (`@page :left`, `:right`, `:first`, `:blank`), which a part printed alone would get wrong.
 */
export function splitIntoParts(layout: GuessedLayout, html: string, partPages = PART_PAGES): PrintPart[] {
  const whole = [{ blocks: layout.blocks.map((_, index) => index), contents: layout.blocks.some((block) => block.contents) }]
  if (layout.total < 2 * partPages || /@page[^{]*:(left|right|first|blank|recto|verso)\b/.test(html)) return whole
  const parts: PrintPart[] = []
  let startPage = 1
  layout.blocks.forEach((block, index) => {
    const current = parts[parts.length - 1]
    // A part ends where a page-starting block begins once it has its pages, unless what is left would be a short part.
    if (!current || (block.startsPage && block.page - startPage >= partPages && layout.total - block.page + 1 >= partPages / 2)) {
      parts.push({ blocks: [index], contents: block.contents })
      startPage = block.page
    } else {
      current.blocks.push(index)
      current.contents ||= block.contents
    }
  })
  return parts
}

/** What one part's last print was made with, so a part is printed again only when that changed. */
interface PrintedPart {
  bytes: Uint8Array
  pages: number
  start: number
  total: number
  /** The contents numbers it shows, when it shows any. */
  numbers: string
}

/** How to print the parts. */
export interface PartOptions {
  timeout: number
  onStep?: (step: string, ms: number) => void
  pageNumberCss: (pages: number) => string
}

/** Which link targets each part holds, and which it links to in other parts, by part. */
interface PartLinks {
  /** Ids of link targets inside the part: it must give each a destination. */
  own: string[]
  /** Ids its links point at in other parts: stand-ins keep those links (Chromium drops a link to a missing id, slowly). */
  elsewhere: string[]
}

/**
 * Prints `parts` of the loaded `page` and joins them. The page numbers each part starts at come
 * from the parts before it as printed; the total and the contents numbers start as guessed, and
 * only the parts they were wrong for are printed again.
 */
export async function printInParts(page: Page, parts: PrintPart[], layout: GuessedLayout, { timeout, onStep, pageNumberCss }: PartOptions): Promise<PrintedReport> {
  let numbers: PageMap = layout.pages
  await setContentsPages(page, numbers)
  const links = await page.evaluate((assignment: number[][]) => {
    assignment.forEach((blocks, part) => {
      for (const index of blocks) document.querySelector<HTMLElement>(`[data-casebook-block="${index}"]`)?.setAttribute('data-casebook-part', String(part))
    })
    const partOf = (element: Element | null | undefined) => element?.closest('[data-casebook-part]')?.getAttribute('data-casebook-part') ?? null
    const result = assignment.map(() => ({ own: new Set<string>(), elsewhere: new Set<string>() }))
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))) {
      const id = decodeURIComponent(link.getAttribute('href')!.slice(1))
      const from = partOf(link)
      const to = partOf(document.getElementById(id))
      if (to !== null) result[Number(to)].own.add(id)
      if (from !== null && to !== null && from !== to) result[Number(from)].elsewhere.add(id)
    }
    // Out of the flow and unseen: links to the part's own targets, and stand-ins for the targets of others.
    const extras = document.createElement('div')
    extras.id = 'casebook-part-extras'
    extras.setAttribute('aria-hidden', 'true')
    extras.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;overflow:hidden'
    document.body.append(extras)
    const style = document.createElement('style')
    style.id = 'casebook-part-style'
    document.head.append(style)
    return result.map(({ own, elsewhere }) => ({ own: [...own], elsewhere: [...elsewhere] }))
  }, parts.map((part) => part.blocks))

  let total = layout.total
  const printed: PrintedPart[] = []
  let prints = 0
  for (let round = 1; ; round++) {
    await timed({ onStep }, round === 1 ? `print (${parts.length} parts)` : `print ${round} (page numbers corrected)`, async () => {
      let start = 1
      for (const [index, part] of parts.entries()) {
        const shown = part.contents ? JSON.stringify(numbers) : ''
        const last = printed[index]
        if (!last || last.start !== start || last.total !== total || last.numbers !== shown) {
          await showPart(page, index, start, pageNumberCss(total), links[index])
          const bytes = await printPdf(page, timeout)
          prints++
          printed[index] = { bytes, pages: readChromiumPdf(bytes).pages().length, start, total, numbers: shown }
        }
        start += printed[index].pages
      }
    })
    const pages = printed.reduce((sum, part) => sum + part.pages, 0)
    if (pages !== total && round < MAX_PRINTS) {
      total = pages
      continue
    }
    const bytes = await timed({ onStep }, 'join parts', async () => mergePrintedParts(printed.map((part, index) => ({ bytes: part.bytes, destinations: new Set(links[index].own) }))))
    const pdf = readChromiumPdf(bytes)
    const corrected = correct(numbers, readDestinations(pdf))
    if (!corrected || round >= MAX_PRINTS) return { bytes, pdf, pages: numbers, prints }
    numbers = corrected
    await showPart(page, -1, 1, '', { own: [], elsewhere: [] })
    await setContentsPages(page, numbers)
  }
}

/**
 * Leaves only part `index` in the document (the others are taken out, not hidden: Chromium's print
 * still pays for hidden content), numbers its pages from `start`, and adds its links' extras.
 * Part -1 puts everything back.
 */
async function showPart(page: Page, index: number, start: number, numberCss: string, links: PartLinks): Promise<void> {
  await page.evaluate(
    (part, css, { own, elsewhere }) => {
      document.getElementById('casebook-part-style')!.textContent = css
      const extras = document.getElementById('casebook-part-extras')!
      extras.replaceChildren()
      const state = window as unknown as { casebookTakenOut?: Array<[Element, Node, Node | null]> }
      // Put back what the last part took out, each where it was.
      for (const [element, parent, before] of (state.casebookTakenOut ?? []).reverse()) parent.insertBefore(element, before)
      state.casebookTakenOut = []
      if (part < 0) return
      for (const element of Array.from(document.querySelectorAll('[data-casebook-part]'))) {
        if (element.getAttribute('data-casebook-part') !== String(part)) state.casebookTakenOut.push([element, element.parentNode!, element.nextSibling])
      }
      for (const [element] of state.casebookTakenOut) element.remove()
      // A target is a named destination only when a link in the same print points at it.
      for (const id of own) {
        const link = document.createElement('a')
        link.href = `#${encodeURIComponent(id)}`
        link.tabIndex = -1
        extras.append(link)
      }
      for (const id of elsewhere) {
        const standIn = document.createElement('span')
        standIn.id = id
        extras.append(standIn)
      }
    },
    index,
    // The first page of a part shows its page in the whole report (the counter starts at 0; the first page adds `start`).
    numberCss + (start > 1 ? `\n@page:first{counter-increment:page ${start}}` : ''),
    links,
  )
}
