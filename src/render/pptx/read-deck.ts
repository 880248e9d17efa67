/**
 * The one place slides.pptx reads the deck view (render/deck-view.ts): the same slides as
 * slides.html, in the same order and pagination, turned into pages this renderer draws. When the
 * deck view changes shape, this file is where the PowerPoint deck follows it.
 */
import type { Case, CaseDocument } from '../../types.js'
import type { Locale } from '../../locale/load-locale.js'
import { pointLabels } from '../overview-points.js'
import type { CaseItem, DeckView, Slide, TitleSlide } from '../deck-view.js'
import { notesParagraphs } from './notes-text.js'

/** One slide to draw. */
export interface DeckPage {
  number: number
  /** The small line over the title; on the title slide, the organisation line. */
  kicker: string
  title: string
  /** A follow-up page (the catalog's “（续）” follows the kicker). */
  continued: boolean
  /** Shows source text a partial translation lacks. */
  untranslated: boolean
  /** The speaker notes: the full text the slide shortens, a paragraph each. */
  notes: string[]
  body: PageBody
}

/** One line of the agenda or the edition notes. */
export interface EntryLine {
  /** The edition notes' kind of change; '' on the agenda. */
  change: string
  label: string
  title: string
  detail?: string
  /** The slide the line links to. */
  slide?: number
}

/** A row of the overview. */
export interface OverviewLine {
  label: string
  title: string
  slide: number
  /** Whether the case has each theme (matrix), or null beside its key points. */
  cells: boolean[] | null
  points: string
  /** The case has no key points: one dash across its cells. */
  none: boolean
}

export type PageBody =
  | { kind: 'cover'; size: TitleSlide['size']; subtitle?: string; meta: string[]; count: number; countText: string }
  | { kind: 'entries'; rows: number; columns: number; entries: EntryLine[] }
  | { kind: 'paragraphs'; paragraphs: string[] }
  /** `compact`: set at the stylesheet's compact sizes, as the deck paginated the case. */
  | { kind: 'items'; items: CaseItem[]; compact: boolean }
  | { kind: 'overview'; themes: string[]; rows: OverviewLine[] }

/** The deck as pages, with what the title slide and the footer show. */
export interface DeckPages {
  title: string
  subtitle?: string
  author?: string
  pages: DeckPage[]
}

/** The pages of `view`; `document` (the localized tree the view was made from) gives the overview's notes their full text. */
export function readDeck(view: DeckView, document: CaseDocument, locale: Locale): DeckPages {
  const overviewNotes = fullOverview(document, locale)
  return { title: view.title, subtitle: view.subtitle, author: view.author, pages: view.slides.map((slide) => page(slide, view, overviewNotes)) }
}

function page(slide: Slide, view: DeckView, overviewNotes: string[]): DeckPage {
  const common = {
    number: slide.number,
    kicker: slide.kind === 'title' ? (slide.organisationText ?? '') : slide.kicker,
    title: slide.title,
    continued: slide.continued,
    untranslated: 'untranslated' in slide && slide.untranslated,
    notes: slide.notes ? notesParagraphs(slide.notes) : [],
  }
  switch (slide.kind) {
    case 'title':
      return {
        ...common,
        body: { kind: 'cover', size: slide.size, subtitle: slide.subtitle, meta: [slide.dateText, slide.author].filter((text): text is string => Boolean(text)), count: view.caseCount, countText: slide.caseCountText },
      }
    case 'agenda':
      return { ...common, body: { kind: 'entries', rows: slide.rows, columns: 2, entries: slide.entries.map((entry) => ({ change: '', label: entry.label, title: entry.title, slide: entry.slide })) } }
    case 'edition-notes':
      return { ...common, body: { kind: 'entries', rows: slide.entries.length, columns: 1, entries: slide.entries.map((entry) => ({ ...entry })) } }
    case 'frame':
      return { ...common, body: { kind: 'paragraphs', paragraphs: slide.paragraphs } }
    case 'case':
      return { ...common, body: { kind: 'items', items: slide.items, compact: slide.compact } }
    case 'overview':
      return {
        ...common,
        // Its cells are cut to one line; the notes give each case's title and key points whole.
        notes: overviewNotes,
        body: {
          kind: 'overview',
          themes: slide.themes,
          rows: slide.rows.map((row) => ({ label: row.label, title: row.title, slide: row.slide, cells: slide.themes.length ? row.cells : null, points: row.points, none: row.none > 0 })),
        },
      }
  }
}

/** Each case's label and title, and its key points under it, a paragraph each. */
function fullOverview(document: CaseDocument, locale: Locale): string[] {
  return document.children
    .filter((node): node is Case => node.type === 'case')
    .flatMap((node) => {
      const points = pointLabels(node)
      return [`${locale.caseLabel(node.number)} ${node.title}`, ...(points.length ? [points.join(' · ')] : [])]
    })
}
