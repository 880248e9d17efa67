/**
 * The deck view, shared by the two decks: slides.html (render/slides/) and slides.pptx
 * (render/pptx/). It is built in slides/, beside the pagination that fills it; the PowerPoint
 * renderer reads it through here, so no format folder reaches into another's.
 */
export { buildDeckView } from './slides/build-deck-view.js'
export { deckView } from './slides/deck-html.js'
export type { AgendaSlide, CaseItem, CaseSlide, DeckView, EditionNotesSlide, FrameSlide, OverviewSlide, Slide, SlideCell, SlideNotes, TitleSlide } from './slides/slide-types.js'
/**
 * The deck's layout, which pagination filled the slides by: slides.css's `--slide-…` sizes in px
 * (`SlideStyle`) and its text measured with the embedded fonts' advances (`TextMeasure`), made once
 * per locale. The .pptx draws each piece at the height it was given here.
 */
export { deckLayout } from './slides/deck-layout.js'
export type { SlideLayout } from './slides/slide-layout.js'
export type { SlideStyle } from './slides/slide-style.js'
export type { TextFont, TextMeasure } from './slides/text-lines.js'
