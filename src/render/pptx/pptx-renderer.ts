/**
 * The `pptx` format: out/<locale>/slides.pptx, the deck as an editable PowerPoint file. Its
 * slides are slides.html's (the same deck view: order, pagination, continuations, notes), drawn
 * as text runs, native tables and pictures on masters styled by the brand. No browser.
 */
import { timed } from '../../timed.js'
import type { Renderer } from '../renderer.js'
import { deckLayout, deckView } from '../deck-view.js'
import { documentView } from '../document-view.js'
import { buildPptx } from './build-pptx.js'
import { packagePptx } from './pptx-package.js'
import { palette, runStyle } from './pptx-style.js'
import { readDeck } from './read-deck.js'
import { readTemplate } from './pptx-template.js'

/** Writes slides.pptx, one slide per slide of the deck view. */
export const pptxRenderer: Renderer = {
  format: 'pptx',
  outputs: ['slides.pptx'],
  async render(document, context) {
    const { brand } = context.config
    // A template that cannot be used fails before any drawing.
    const template = context.config.pptx.template ? await readTemplate(context.config.pptx.template, context.config.file) : null
    const view = await deckView(document, context)
    const deck = readDeck(view, document, context.locale)
    const documentFields = documentView(document, context)
    // The layout the deck view was paginated with (made once per locale, so this one is the view's).
    const layout = await deckLayout(document, documentFields, context)
    // The file's author and company: the document's, else the brand's organisation.
    const organisation = documentFields.organisation ?? brand.organisation
    const style = runStyle(brand, context.locale)
    const colors = palette(brand)
    const drawn = await timed(context, 'pptx slides', () => buildPptx(deck, layout, { brand, colors, style, locale: context.locale, organisation }))
    const bytes = await timed(context, 'pptx package', async () => packagePptx(drawn.bytes, { placeholders: drawn.placeholders, style, sourceDate: context.sourceDate, linkColor: colors.accent, template }))
    return [{ name: 'slides.pptx', bytes, pages: deck.pages.length }]
  },
}
