/** The edition notes as slides: one line per document detail, case or framing part that changed, as many as fit a slide. */
import type { RenderContext } from '../renderer.js'
import { editionNotesView } from '../report-view.js'
import type { SlideLayout } from './slide-layout.js'
import type { EditionNotesSlide, NotesEntry } from './slide-types.js'

/** Edition-notes slides, or none for a first edition or an unchanged one; each holds the lines that fit, wrapped whole. */
export function editionNotesSlides(context: RenderContext, deckTitle: string, layout: SlideLayout): EditionNotesSlide[] {
  const view = editionNotesView(context)
  if (!view) return []
  const { locale } = context
  const entries: NotesEntry[] = [
    ...(view.since ? [{ change: view.since, label: '', title: '' }] : []),
    ...view.metadata.map((line) => ({ change: locale.t('changesMetadata'), label: '', title: line })),
    ...view.groups.flatMap((group) => group.cases.map((node) => ({ change: group.heading, label: node.label, title: node.title, detail: node.sections }))),
    ...view.frames.map((line) => ({ change: line, label: '', title: '' })),
  ]
  const { style, measure, contentWidth } = layout
  const title = locale.t('editionNotes')
  const budget = layout.bodyHeight(`${deckTitle} ${locale.t('continued')}`, title)
  // slides.css's edition notes: a line is its change (18px, at least 6em), its label, its title (24px on 34px lines) and detail (18px on 26px), 16px apart, 8px above and below.
  const height = (entry: NotesEntry) => {
    const change = Math.max(6 * 18, measure.width(entry.change, { size: 18 }))
    const changeLines = entry.title || entry.label ? 1 : measure.count(entry.change, contentWidth, { size: 18 })
    const width = contentWidth - change - 16 - (entry.label ? style.agendaLabelWidth + 16 : 0)
    const lines = entry.title ? 34 * measure.count(entry.title, width, { size: 24 }) : 34 * changeLines
    return 16 + 1 + lines + (entry.detail ? 26 * measure.count(entry.detail, width, { size: 18 }) : 0)
  }
  const pages: NotesEntry[][] = []
  let page: NotesEntry[] = []
  let used = 0
  for (const entry of entries) {
    if (page.length > 0 && used + height(entry) > budget) {
      pages.push(page)
      page = []
      used = 0
    }
    page.push(entry)
    used += height(entry)
  }
  if (page.length > 0) pages.push(page)
  return pages.map((pageEntries, index) => ({
    kind: 'edition-notes',
    number: 0,
    kicker: deckTitle,
    title,
    continued: index > 0,
    notes: null,
    entries: pageEntries,
  }))
}
