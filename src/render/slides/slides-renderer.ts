/** The `slides` format: out/<locale>/slides.html (a self-contained deck) and slides.pdf (its handout). */
import type { Renderer } from '../renderer.js'
import { timed } from '../../timed.js'
import { buildDeckView } from './build-deck-view.js'
import { renderDeck } from './render-deck.js'
import { withPage } from '../../browser/with-page.js'
import { loadOffline } from '../../browser/load-offline.js'
import { scaledTimeout } from '../shared/scaled-timeout.js'
import { stampPdf } from './stamp-pdf.js'

/** Writes the deck and prints it, one 16:9 page per slide, in the build's browser. */
export const slidesRenderer: Renderer = {
  format: 'slides',
  outputs: ['slides.html', 'slides.pdf'],
  usesBrowser: true,
  async render(document, context) {
    const { view, html } = await timed(context, 'deck HTML', async () => {
      const view = await buildDeckView(document, context)
      return { view, html: await renderDeck(view, context) }
    })
    // Big decks take longer to lay out and print; allow for them on top of the configured timeout.
    const timeout = scaledTimeout(context.config.browser.timeout + 40 * view.slideCount, html)
    const label = `slides.pdf (${context.locale.code})`
    // The same offline tab as the report PDF: only the deck itself and data: URLs load.
    const browser = await timed(context, 'waiting for the browser', () => context.browser())
    const printed = await withPage(browser, { timeout, label, onStep: context.onStep, setting: { timeout: context.config.browser.timeout, file: context.config.file } }, async (page) => {
      await timed(context, 'page load', () => loadOffline(page, html, timeout))
      return timed(context, 'print', () => page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout }))
    })
    const pdf = await timed(context, 'finish PDF', () => stampPdf(printed, { title: view.title, lang: view.lang, author: view.author, subject: view.subtitle, date: context.sourceDate, source: html }))
    return [
      { name: 'slides.html', bytes: Buffer.from(html), pages: view.slideCount },
      { name: 'slides.pdf', bytes: pdf.bytes, pages: pdf.pages },
    ]
  },
}
