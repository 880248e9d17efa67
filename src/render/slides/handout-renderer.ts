/**
 * The `handout` format: out/<locale>/slides.pdf, the deck printed one 16:9 page per slide (with
 * `handout.notes`, a page of speaker notes after each slide or run of slides that has them), its
 * links kept and one bookmark per slide. A format of its own so that a deck (`slides`) needs no
 * browser: printing a 10,000-case deck takes minutes.
 */
import type { Renderer } from '../renderer.js'
import { timed } from '../../timed.js'
import { withPage } from '../../browser/with-page.js'
import { loadOffline } from '../../browser/load-offline.js'
import { scaledTimeout } from '../shared/scaled-timeout.js'
import { deckHtml } from './deck-html.js'
import { stampPdf } from './stamp-pdf.js'
import { preparePrint } from './handout-print.js'
import { withOutline } from './pdf-outline.js'
import { overflowingSlides } from './overflowing-slides.js'

/** Prints the deck (the same HTML as slides.html) in the build's browser. */
export const handoutRenderer: Renderer = {
  format: 'handout',
  outputs: ['slides.pdf'],
  usesBrowser: true,
  async render(document, context) {
    // The browser starts while the deck is rendered; a failure to start is reported where it is awaited.
    const launching = context.browser()
    launching.catch(() => undefined)
    const { view, html } = await deckHtml(document, context)
    // Big decks take longer to lay out and print; allow for them on top of the configured timeout.
    const timeout = scaledTimeout(context.config.browser.timeout + 40 * view.slideCount, html)
    const label = `slides.pdf (${context.locale.code})`
    const browser = await timed(context, 'waiting for the browser', () => launching)
    // The same offline tab as the report PDF: only the deck itself and data: URLs load.
    const notes = context.config.handout.notes
    const { printed, plan, spilled } = await withPage(browser, { timeout, label, onStep: context.onStep, setting: { timeout: context.config.browser.timeout, file: context.config.file } }, async (page) => {
      await timed(context, 'page load', () => loadOffline(page, html, timeout))
      const spilled = await overflowingSlides(page)
      const plan = await preparePrint(page, notes, context.locale.t('notes'))
      // The bookmarks are written below, from the titles the page shows.
      const printed = await timed(context, 'print', () => page.pdf({ preferCSSPageSize: true, printBackground: true, outline: false, tagged: true, timeout }))
      return { printed, plan, spilled }
    })
    const warnings = [...view.warnings]
    const overflow = (message: string) => warnings.push({ ruleId: 'slide-overflow', message })
    for (const slide of spilled) if (!view.warnings.some((warning) => warning.message.startsWith(`slide ${slide.number} `))) overflow(`slide ${slide.number} (${slide.title}): its content spills ${slide.by} px over the slide's foot or edge in the browser; the stylesheet sets sizes that casebook does not read (only the --slide-… properties of slides.css fill the slides)`)
    for (const slide of plan.crowded) overflow(`the notes of slide ${slide} do not fit their page even at 11 px; the page shows what fits, and slides.html the rest`)
    const outlined = await timed(context, 'bookmarks', () => withOutline(printed, plan.bookmarks))
    const pdf = await timed(context, 'finish PDF', () => stampPdf(outlined, { title: view.title, lang: view.lang, author: view.author, subject: view.subtitle, date: context.sourceDate, source: html }))
    // The page count is the PDF's: a template may leave slides out, and notes add pages.
    if (pdf.pages !== plan.pages) overflow(`slides.pdf has ${pdf.pages} pages where the deck and its notes make ${plan.pages}; its bookmarks may point at the wrong pages`)
    return [{ name: 'slides.pdf', bytes: pdf.bytes, pages: pdf.pages, warnings }]
  },
}
