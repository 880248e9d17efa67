/**
 * The deck made ready to print, in the page itself (so a user's template is printed as it
 * renders): links to slides pointed at the slides' ids (a PDF link needs an anchor, not the
 * runtime's `#N`), each run of slides sharing notes followed by a page of those notes when the
 * config asks for them, notes fitted to their page, and each printed page's bookmark title read
 * from what the page shows, with its spaces.
 */
import type { Page } from 'puppeteer-core'

/** What the page will print. */
export interface PrintPlan {
  /** One entry per slide that starts something (not a continuation): its page (0-based) and title. */
  bookmarks: Array<{ page: number; title: string }>
  /** How many pages the print should have: the slides and the notes pages. */
  pages: number
  /** Slides whose notes do not fit their page even at the smallest notes type. */
  crowded: number[]
}

/** Prepares `page` (the deck, loaded) for printing; with `notes`, a page of notes follows each run of slides that has them. */
export async function preparePrint(page: Page, notes: boolean, notesLabel: string): Promise<PrintPlan> {
  await page.emulateMediaType('print')
  return page.evaluate(
    (withNotes: boolean, label: string) => {
      const bare = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()
      const slides = Array.from(document.querySelectorAll<HTMLElement>('.slide'))
      // The runtime navigates by `#N`; in a PDF a link goes to an anchor.
      for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))) {
        const match = /^#(\d+)$/.exec(link.getAttribute('href') ?? '')
        if (match && document.getElementById(`slide-${match[1]}`)) link.setAttribute('href', `#slide-${match[1]}`)
      }
      const bookmarks: Array<{ page: number; title: string }> = []
      const crowded: number[] = []
      let pageIndex = 0
      slides.forEach((slide, index) => {
        const title = bare((slide.querySelector('.deck-title, .slide-title') as HTMLElement | null)?.innerText)
        const kicker = slide.dataset.case ? bare(Array.from(slide.querySelector('.kicker')?.childNodes ?? []).filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('')) : ''
        if (!slide.classList.contains('is-continued') && title) bookmarks.push({ page: pageIndex, title: kicker ? `${kicker} ${title}` : title })
        pageIndex++
        if (!withNotes) return
        const aside = slide.querySelector('.notes')
        const next = slides[index + 1]?.querySelector('.notes')
        // A case over three slides has one page of notes, after its last.
        if (!aside || (next && next.innerHTML === aside.innerHTML)) return
        const notesPage = document.createElement('section')
        notesPage.className = 'notes-page'
        const heading = document.createElement('p')
        heading.className = 'notes-page-title'
        heading.textContent = `${label} · ${kicker ? `${kicker} ` : ''}${title}`
        const body = document.createElement('div')
        body.className = 'notes-page-body'
        body.innerHTML = aside.innerHTML
        notesPage.append(heading, body)
        slide.after(notesPage)
        // The notes' type steps down until they fit their page.
        for (let size = 18; size >= 11; size--) {
          notesPage.style.setProperty('--notes-size', `${size}px`)
          if (body.scrollHeight <= body.clientHeight + 1 && body.scrollWidth <= body.clientWidth + 1) break
          if (size === 11) crowded.push(index + 1)
        }
        pageIndex++
      })
      return { bookmarks, pages: pageIndex, crowded }
    },
    notes,
    notesLabel,
  )
}
