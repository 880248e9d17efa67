/**
 * The deck view, shared by the two decks: slides.html (render/slides/) and slides.pptx
 * (render/pptx/). It is built in slides/, beside the pagination that fills it; the PowerPoint
 * renderer reads it through here, so no format folder reaches into another's.
 */
export { buildDeckView } from './slides/build-deck-view.js'
export type { AgendaSlide, CaseItem, CaseSlide, DeckView, EditionNotesSlide, FrameSlide, OverviewSlide, Slide, SlideCell, SlideNotes, TitleSlide } from './slides/slide-types.js'
/** The deck's layout in px on its 1280×720 canvas: the sizes pagination filled the slides by. */
export { AGENDA, CANVAS, CONTENT_WIDTH, FIGURE, FRAME, ITEM, OVERVIEW, TABLE, TITLE, bodyHeight, itemHeight } from './slides/slide-metrics.js'
