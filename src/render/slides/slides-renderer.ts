/** The `slides` format: out/<locale>/slides.html (a self-contained deck) and slides.pdf (its handout). */
import type { Renderer } from '../renderer.js'
import { buildDeckView } from './build-deck-view.js'
import { renderDeck } from './render-deck.js'
import { printOfflinePdf } from './print-offline-pdf.js'
import { stampPdf } from './stamp-pdf.js'

/** Writes the deck and prints it, one 16:9 page per slide, in the build's browser. */
export const slidesRenderer: Renderer = {
  format: 'slides',
  outputs: ['slides.html', 'slides.pdf'],
  async render(document, context) {
    const view = buildDeckView(document, context)
    const html = await renderDeck(view, context)
    // Big decks take longer to lay out and print; allow for them on top of the configured timeout.
    const timeout = context.config.browser.timeout + 40 * view.slideCount
    const printed = await printOfflinePdf(await context.browser(), html, { timeout })
    const pdf = await stampPdf(printed, { title: view.title, lang: view.lang, author: view.author, subject: view.subtitle, date: context.sourceDate, source: html })
    return [
      { name: 'slides.html', bytes: new TextEncoder().encode(html), pages: view.slideCount },
      { name: 'slides.pdf', bytes: pdf.bytes, pages: pdf.pages },
    ]
  },
}
