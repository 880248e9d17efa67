/** The deck in Chromium: which slides spill over their 16:9 box. */
import type { Page } from 'puppeteer-core'

/** Shows every slide in turn at 1280×720 and reports any that spills over, with what spills. */
export async function overflowingSlides(page: Page): Promise<string[]> {
  await page.setViewport({ width: 1280, height: 720 })
  const count = await page.evaluate(() => document.querySelectorAll('.slide').length)
  const problems: string[] = []
  for (let number = 1; number <= count; number++) {
    await page.evaluate((n) => (location.hash = `#${n}`), number)
    await page.waitForFunction((n) => document.querySelector('.slide.active')?.getAttribute('data-slide') === String(n), {}, number)
    const problem = await page.evaluate(() => {
      const slide = document.querySelector('.slide.active') as HTMLElement
      if (slide.scrollHeight > slide.clientHeight || slide.scrollWidth > slide.clientWidth) {
        return `scroll ${slide.scrollWidth}×${slide.scrollHeight} in ${slide.clientWidth}×${slide.clientHeight}`
      }
      const box = slide.getBoundingClientRect()
      for (const element of Array.from(slide.querySelectorAll<HTMLElement>('.slide-body *, .slide-footer, .title-main *'))) {
        const rect = element.getBoundingClientRect()
        if (rect.height > 0 && (rect.bottom > box.bottom + 0.5 || rect.right > box.right + 0.5)) return `${element.className || element.tagName} ends at ${rect.bottom}`
        const size = parseFloat(getComputedStyle(element).fontSize)
        if (element.textContent && size < 15) return `${element.className || element.tagName} is ${size}px`
      }
      return null
    })
    if (problem) problems.push(`slide ${number}: ${problem}`)
  }
  return problems
}

/** What a deck shows and where it spills, read in one pass over every slide (the page loaded without its script, so all slides are laid out at once). */
export interface DeckReading {
  /** “slide N: …” for each element that leaves its slide, and each slide that scrolls. */
  overflows: string[]
  /** Slides whose visible text holds an ellipsis. */
  ellipses: string[]
  /** The text of every `.point-text`, in order, joined; of every `.point-label` (without its “continued”), each. */
  pointText: string
  labels: string[]
  /** Each slide title, and each agenda and overview title. */
  titles: string[]
  agenda: string[]
  overview: string[]
  /** From the speaker notes: each case's title and its key points (label, text). */
  notes: Array<{ title: string; points: Array<{ label: string | null; text: string }> }>
  /** How many slides there are. */
  slides: number
  /** Continued case slides holding a single piece that the slide before had room for. */
  lonely: string[]
}

/** Reads a deck opened with JavaScript disabled (every slide laid out, one after another). */
export function readDeck(page: Page): Promise<DeckReading> {
  return page.evaluate(() => {
    const bare = (text: string) => text.replace(/\s+/g, ' ').trim()
    const own = (element: Element) => bare(Array.from(element.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join(''))
    const slides = Array.from(document.querySelectorAll<HTMLElement>('.slide'))
    const overflows: string[] = []
    const ellipses: string[] = []
    slides.forEach((slide, index) => {
      const name = `slide ${index + 1}`
      if (slide.scrollHeight > slide.clientHeight + 0.5 || slide.scrollWidth > slide.clientWidth + 0.5) overflows.push(`${name} scrolls: ${slide.scrollWidth}×${slide.scrollHeight}`)
      const box = slide.getBoundingClientRect()
      for (const element of Array.from(slide.querySelectorAll<HTMLElement>('.slide-header *, .slide-body *, .slide-footer, .title-main *, .title-side *'))) {
        const rect = element.getBoundingClientRect()
        if (rect.height === 0 || rect.width === 0) continue
        if (rect.bottom > box.bottom + 0.5 || rect.right > box.right + 0.5 || rect.left < box.left - 0.5) {
          overflows.push(`${name}: ${element.className || element.tagName} “${bare(element.textContent ?? '').slice(0, 30)}” at ${Math.round(rect.right - box.left)}×${Math.round(rect.bottom - box.top)}`)
          break
        }
      }
      // What the slide shows, less what it abbreviates with the full text in a tooltip (the overview's key points).
      const parts = Array.from(slide.querySelectorAll<HTMLElement>('.slide-header, .slide-body, .title-main, .title-side')).map((element) => element.cloneNode(true) as HTMLElement)
      for (const part of parts) for (const abbreviated of Array.from(part.querySelectorAll('[title]'))) abbreviated.remove()
      const shown = parts.map((element) => element.textContent).join(' ')
      if (shown.includes('…')) ellipses.push(`${name}: ${shown.slice(Math.max(0, shown.indexOf('…') - 30), shown.indexOf('…') + 1)}`)
    })
    const notes = Array.from(document.querySelectorAll('.slide.kind-case .notes'))
      .filter((aside, index, all) => all.findIndex((other) => other.innerHTML === aside.innerHTML) === index)
      .map((aside) => ({
        title: bare(aside.querySelector('h3')?.textContent ?? ''),
        points: Array.from(aside.querySelectorAll('ul.points > li')).map((listed) => {
          // Footnote references are in the notes only.
          const item = listed.cloneNode(true) as HTMLElement
          for (const reference of Array.from(item.querySelectorAll('sup'))) reference.remove()
          const label = item.querySelector(':scope > strong')
          const text = bare(item.textContent ?? '')
          if (!label) return { label: null, text }
          const name = bare(label.textContent ?? '')
          return { label: name, text: bare(text.slice(text.indexOf(name) + name.length).replace(/^\s*[:：]\s*/, '')) }
        }),
      }))
    // A piece's height with its margins; the insight's automatic top margin counts as its least.
    const outer = (element: HTMLElement) => {
      const style = getComputedStyle(element)
      const top = element.classList.contains('insight') ? 14 : parseFloat(style.marginTop) || 0
      return element.getBoundingClientRect().height + top + (parseFloat(style.marginBottom) || 0)
    }
    const lonely: string[] = []
    slides.forEach((slide, index) => {
      const before = slides[index - 1]
      if (!slide.classList.contains('is-continued') || !slide.dataset.case || before?.dataset.case !== slide.dataset.case) return
      const pieces = Array.from(slide.querySelector('.slide-body')!.children as HTMLCollectionOf<HTMLElement>).filter((piece) => !piece.querySelector(':scope > .continued'))
      if (pieces.length !== 1) return
      const body = before.querySelector('.slide-body') as HTMLElement
      const used = Array.from(body.children as HTMLCollectionOf<HTMLElement>).reduce((sum, piece) => sum + outer(piece), 0)
      if (outer(pieces[0]) <= body.clientHeight - used) lonely.push(`slide ${index + 1}: “${bare(pieces[0].textContent ?? '').slice(0, 30)}” (${Math.round(outer(pieces[0]))}px) fits the ${Math.round(body.clientHeight - used)}px left on slide ${index}`)
    })
    return {
      lonely,
      overflows,
      ellipses,
      pointText: Array.from(document.querySelectorAll('.point-text')).map((element) => bare(element.textContent ?? '')).join(' '),
      labels: Array.from(document.querySelectorAll('.point-label')).map(own),
      titles: Array.from(document.querySelectorAll('.slide-title, .deck-title')).map((element) => bare(element.textContent ?? '')),
      agenda: Array.from(document.querySelectorAll('.agenda-title')).map((element) => bare(element.textContent ?? '')),
      overview: Array.from(document.querySelectorAll('.overview tbody th.col-case a')).map(own),
      notes,
      slides: slides.length,
    }
  })
}
