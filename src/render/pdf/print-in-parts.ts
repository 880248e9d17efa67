/**
 * Prints a long report in parts, each a run of top-level blocks that starts
 * a page of its own, and joins them into one PDF. Every part is printed
 * from a loaded tab with the other parts taken out of the document,
 * numbered from the page where it starts in the whole report; links to
 * targets in other parts are joined up by name when the parts are merged.
 * With two tabs, two parts print at once.
 */
import type { Page } from 'puppeteer-core'
import { setContentsPages, type GuessedLayout, type PageMap } from './guess-toc-pages.js'
import { readDestinations } from './read-destinations.js'
import { readChromiumPdf } from '../shared/chromium-pdf.js'
import { mergePrintedParts } from './merge-printed-parts.js'
import { correctedNumbers, MAX_PRINTS, printPdf, type PrintedReport } from './print-pass.js'
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
    // A part ends where a page-starting block begins once it has its pages, unless what is left would be a short part;
    // and after the contents, which are printed again alone when their numbers were guessed wrong.
    const full = block.page - startPage >= partPages && layout.total - block.page + 1 >= partPages / 2
    if (!current || (block.startsPage && (full || (current.contents && !block.contents)))) {
      parts.push({ blocks: [index], contents: block.contents })
      startPage = block.page
    } else {
      current.blocks.push(index)
      current.contents ||= block.contents
    }
  })
  return parts
}

/** Which link targets a part holds, and which it links to in other parts. */
interface PartLinks {
  /** Ids of link targets inside the part: it must give each a destination. */
  own: string[]
  /** Ids its links point at in other parts: stand-ins keep those links (Chromium drops a link to a missing id, slowly). */
  elsewhere: string[]
}

/** What one part's last print was made with, so a part is printed again only when that changed. */
interface PrintedPart {
  bytes: Uint8Array
  pages: number
  start: number
  total: number
  /** The contents numbers it shows, when it shows any. */
  numbers: string
  /** The page of each of its own link targets, counted from its first page (1). */
  targets: PageMap
}

/** How to print the parts. */
export interface PartOptions {
  timeout: number
  onStep?: (step: string, ms: number) => void
  pageNumberCss: (pages: number) => string
}

/**
 * Prints `parts` on the prepared tabs and joins them. `tab` is ready; `secondTab` may still be
 * loading, and takes parts too once it is. A part's first page number and the page count start as guessed,
 * corrected by every part already printed; a part printed with a number, a count or contents
 * numbers that turn out wrong is printed again.
 */
export async function printInParts(tab: Page, secondTab: Promise<Page> | undefined, parts: PrintPart[], layout: GuessedLayout, { timeout, onStep, pageNumberCss }: PartOptions): Promise<PrintedReport> {
  const links = await markParts(tab, parts)
  // Each tab is marked once, before its first part.
  const marked = new Map<Page, Promise<unknown>>([[tab, Promise.resolve()]])
  // Where each part starts, and where the page after the last would be.
  const guessedStart = [...parts.map((part) => layout.blocks[part.blocks[0]].page), layout.total + 1]
  const guessedPages = parts.map((_, index) => guessedStart[index + 1] - guessedStart[index])
  const printed: Array<PrintedPart | undefined> = []
  let numbers: PageMap = layout.pages
  let prints = 0
  // Every part printed so far moves the guesses after it by what it was off by.
  const startOf = (index: number) => guessedStart[index] + printed.slice(0, index).reduce((sum, part, at) => sum + (part ? part.pages - guessedPages[at] : 0), 0)
  const totalNow = () => startOf(parts.length) - 1
  const stale = (index: number) => {
    const part = printed[index]
    return !part || part.start !== startOf(index) || part.total !== totalNow() || part.numbers !== (parts[index].contents ? JSON.stringify(numbers) : '')
  }

  for (let round = 1; ; round++) {
    const queue = parts.map((_, index) => index).filter(stale)
    if (queue.length) {
      await timed({ onStep }, round === 1 ? `print (${parts.length} parts)` : `print ${round} (page numbers corrected)`, async () => {
        const inFlight = new Set<Promise<void>>()
        const work = async (tab: Page) => {
          if (!marked.has(tab)) marked.set(tab, markParts(tab, parts))
          await marked.get(tab)
          // Each job is one part on this tab; the shared queue hands the next part to whichever tab is free.
          for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
            const start = startOf(index)
            const total = totalNow()
            const contents = parts[index].contents ? numbers : undefined
            const job = (async () => {
              const partStart = performance.now()
              await showPart(tab, index, start, pageNumberCss(total), links[index])
              if (contents) await setContentsPages(tab, contents)
              const bytes = await printPdf(tab, timeout)
              prints++
              const pdf = readChromiumPdf(bytes)
              const own = new Set(links[index].own)
              const targets = Object.fromEntries(Object.entries(readDestinations(pdf)).filter(([id]) => own.has(id)))
              printed[index] = { bytes, pages: pdf.pages().length, start, total, numbers: contents ? JSON.stringify(contents) : '', targets }
              onStep?.(`print part ${index + 1} of ${parts.length} (pages ${start}–${start + printed[index]!.pages - 1})`, performance.now() - partStart)
            })()
            inFlight.add(job)
            await job
            inFlight.delete(job)
          }
        }
        // A second tab still loading when the first has taken every part is not waited for (its failure surfaces when it is closed).
        secondTab?.then((second) => (queue.length ? work(second) : undefined)).catch(() => undefined)
        await work(tab)
        await Promise.all([...inFlight])
      })
    }
    if (round < MAX_PRINTS) {
      // The parts as printed say where every contents target is, once each part's first page is known: no join needed to see it.
      const placed: PageMap = {}
      printed.forEach((part, index) => {
        for (const [id, page] of Object.entries(part!.targets)) placed[id] = startOf(index) + page - 1
      })
      numbers = correctedNumbers(numbers, placed) ?? numbers
      if (parts.some((_, index) => stale(index))) continue
    }
    const bytes = await timed({ onStep }, 'join parts', async () => mergePrintedParts(printed.map((part, index) => ({ bytes: part!.bytes, destinations: new Set(links[index].own) }))))
    const pdf = readChromiumPdf(bytes)
    const corrected = correctedNumbers(numbers, readDestinations(pdf))
    if (!corrected || round >= MAX_PRINTS) return { bytes, pdf, pages: numbers, prints }
    numbers = corrected
  }
}

/** Marks each block of `tab` with its part, and adds the hidden holders; returns each part's links. */
function markParts(tab: Page, parts: PrintPart[]): Promise<PartLinks[]> {
  return tab.evaluate((assignment: number[][]) => {
    assignment.forEach((blocks, part) => {
      for (const index of blocks) document.querySelector(`[data-casebook-block="${index}"]`)?.setAttribute('data-casebook-part', String(part))
    })
    const partOf = (element: Element | null | undefined) => element?.closest('[data-casebook-part]')?.getAttribute('data-casebook-part') ?? null
    const result = assignment.map(() => ({ own: new Set<string>(), elsewhere: new Set<string>() }))
    for (const link of Array.from(document.querySelectorAll('a[href^="#"]'))) {
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
}

/** Puts every part back into `tab`'s document, unnumbered, as it was before the parts were printed. */
export async function putPartsBack(tab: Page): Promise<void> {
  await showPart(tab, -1, 1, '', { own: [], elsewhere: [] })
}

/**
 * Leaves only part `index` in `tab`'s document (the others are taken out, not hidden: Chromium's
 * print still pays for hidden content), numbers its pages from `start`, and adds its links' extras.
 */
async function showPart(tab: Page, index: number, start: number, numberCss: string, links: PartLinks): Promise<void> {
  await tab.evaluate(
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
      // A wrapper left empty (a `<main>` whose blocks are all elsewhere) goes too: kept, it could start a page of its own.
      for (const parent of new Set(state.casebookTakenOut.map(([, parent]) => parent))) {
        if (parent instanceof Element && parent !== document.body && parent.children.length === 0) {
          state.casebookTakenOut.push([parent, parent.parentNode!, parent.nextSibling])
          parent.remove()
        }
      }
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
