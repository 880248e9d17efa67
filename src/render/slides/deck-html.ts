/** The deck's view and HTML, made once per locale for slides.html, the handout that prints it and slides.pptx. */
import type { CaseDocument } from '../../types.js'
import { shared, type RenderContext } from '../renderer.js'
import { sharedKey } from '../shared-work.js'
import { timed } from '../../timed.js'
import { buildDeckView } from './build-deck-view.js'
import { renderDeck } from './render-deck.js'
import type { DeckView } from './slide-types.js'

/** The deck of one locale: its view (for the handout's metadata) and its self-contained HTML. */
export interface DeckHtml {
  view: DeckView
  html: string
}

const DECK_VIEW = sharedKey<DeckView>('deck view')
const DECK_HTML = sharedKey<DeckHtml>('deck HTML')

/** The deck's view for `context`'s locale (the slides, the handout and the .pptx draw the same slides), built once. */
export function deckView(document: CaseDocument, context: RenderContext): Promise<DeckView> {
  return shared(context, DECK_VIEW, () => timed(context, 'deck view', () => buildDeckView(document, context)))
}

/** The deck's view and HTML for `context`'s locale, built on the first call and shared after. */
export function deckHtml(document: CaseDocument, context: RenderContext): Promise<DeckHtml> {
  return shared(context, DECK_HTML, () =>
    timed(context, 'deck HTML', async () => {
      const view = await deckView(document, context)
      return { view, html: await renderDeck(view, context) }
    }),
  )
}

/**
 * How many slides `html` holds: its elements of class `slide`, the deck's contract. A template may
 * leave slides out (or add some), so the count is the page's, not the view's.
 */
export function renderedSlides(html: string): number {
  return html.match(/<[a-z][a-z0-9]*\s[^>]*?\bclass\s*=\s*["'](?:[^"']*\s)?slide(?:\s[^"']*)?["']/gi)?.length ?? 0
}
