/** The edition notes as slides: one line per added, changed or removed case, a page at a time. */
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
    ...view.added.map((node) => ({ change: locale.t('changesAdded'), label: node.label, title: node.title })),
    ...view.changed.map((node) => ({ change: locale.t('changesChanged'), label: node.label, title: node.title, detail: node.sections })),
    ...view.removed.map((node) => ({ change: locale.t('changesRemoved'), label: node.label, title: node.title })),
  ]
  if (view.introChanged) entries.push({ change: locale.t('changesIntro'), label: '', title: '' })
  if (view.conclusionChanged) entries.push({ change: locale.t('changesConclusion'), label: '', title: '' })
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
