/** The `slides` format: out/<locale>/slides.html, a self-contained deck. Its PDF is the `handout` format. */
import type { Renderer } from '../renderer.js'
import { deckHtml, renderedSlides } from './deck-html.js'

/** Writes the deck; it needs no browser (printing it is the handout's job). */
export const slidesRenderer: Renderer = {
  format: 'slides',
  outputs: ['slides.html'],
  async render(document, context) {
    const { view, html } = await deckHtml(document, context)
    return [{ name: 'slides.html', bytes: Buffer.from(html), pages: renderedSlides(html), warnings: view.warnings }]
  },
}
