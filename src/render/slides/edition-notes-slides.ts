/** The edition notes as slides: one line per document detail, case or framing part that changed, a page at a time. */
import type { RenderContext } from '../renderer.js'
import { editionNotesView } from '../report-view.js'
import type { EditionNotesSlide, NotesEntry } from './slide-types.js'

/** Lines per notes slide: one line each at the agenda's size, with room for a detail line. */
const LINES_PER_SLIDE = 7

/** Edition-notes slides, or none for a first edition or an unchanged one. */
export function editionNotesSlides(context: RenderContext, deckTitle: string): EditionNotesSlide[] {
  const view = editionNotesView(context)
  if (!view) return []
  const { locale } = context
  const entries: NotesEntry[] = [
    ...(view.since ? [{ change: view.since, label: '', title: '' }] : []),
    ...view.metadata.map((line) => ({ change: locale.t('changesMetadata'), label: '', title: line })),
    ...view.groups.flatMap((group) => group.cases.map((node) => ({ change: group.heading, label: node.label, title: node.title, detail: node.sections }))),
    ...view.frames.map((line) => ({ change: line, label: '', title: '' })),
  ]
  const pages = Math.ceil(entries.length / LINES_PER_SLIDE)
  return Array.from({ length: pages }, (_, page) => ({
    kind: 'edition-notes',
    number: 0,
    kicker: deckTitle,
    title: locale.t('editionNotes'),
    continued: page > 0,
    notes: null,
    entries: entries.slice(page * LINES_PER_SLIDE, (page + 1) * LINES_PER_SLIDE),
  }))
}
