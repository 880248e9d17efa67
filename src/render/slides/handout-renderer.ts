/**
 * The `handout` format: out/<locale>/slides.pdf, the deck printed one 16:9 page per slide. A format
 * of its own so that a deck (`slides`) needs no browser: printing a 10,000-case deck takes minutes.
 */
import type { Renderer } from '../renderer.js'
import { timed } from '../../timed.js'
import { withPage } from '../../browser/with-page.js'
import { loadOffline } from '../../browser/load-offline.js'
import { scaledTimeout } from '../shared/scaled-timeout.js'
import { deckHtml } from './deck-html.js'
import { stampPdf } from './stamp-pdf.js'

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
    const printed = await withPage(browser, { timeout, label, onStep: context.onStep, setting: { timeout: context.config.browser.timeout, file: context.config.file } }, async (page) => {
      await timed(context, 'page load', () => loadOffline(page, html, timeout))
      return timed(context, 'print', () => page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout }))
    })
    const pdf = await timed(context, 'finish PDF', () => stampPdf(printed, { title: view.title, lang: view.lang, author: view.author, subject: view.subtitle, date: context.sourceDate, source: html }))
    return [{ name: 'slides.pdf', bytes: pdf.bytes, pages: pdf.pages }]
  },
}
