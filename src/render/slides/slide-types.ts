/** The deck view a slides template sees: one entry per slide, each of one kind. */

/** What every slide carries. */
export interface SlideCommon {
  /** 1-based; the URL hash `#N` opens it. */
  number: number
  /** Small line above the title: the case label, the deck title… */
  kicker: string
  title: string
  /** Set on a follow-up slide of the same case, agenda, overview or frame. */
  continued: boolean
  /** Full text for the speaker-notes view, or null. */
  notes: SlideNotes | null
}

/** Speaker notes: the full text behind a slide, as sanitized HTML per section. */
export interface SlideNotes {
  title: string
  sections: Array<{ title: string; html: string }>
}

/** The opening slide. */
export interface TitleSlide extends SlideCommon {
  kind: 'title'
  subtitle?: string
  caseCountText: string
  organisationText?: string
  author?: string
  date?: string
  dateText?: string
  /** The title's size: `long` and then `floor` step down so a long title fits the slide. */
  size: 'normal' | 'long' | 'floor'
}

/** One agenda line: a case and the slide it starts on. */
export interface AgendaEntry {
  label: string
  title: string
  slide: number
}

/** A page of the agenda. */
export interface AgendaSlide extends SlideCommon {
  kind: 'agenda'
  entries: AgendaEntry[]
  /** Rows per column, so entries fill the first column first. */
  rows: number
}

/** Text of the introduction or conclusion, a page at a time. */
export interface FrameSlide extends SlideCommon {
  kind: 'frame'
  frame: 'intro' | 'conclusion'
  paragraphs: string[]
  /** The intro or conclusion, or some of its text, is shown from the source: the translation lacks it. */
  untranslated: boolean
}

/** One piece of a case slide's body. */
export type CaseItem = (
  | { type: 'lead'; heading: string; text: string }
  | { type: 'heading'; text: string; continued: boolean }
  /** A key point; `continued` on the part of a point too long for one slide that runs onto the next. */
  | { type: 'point'; label: string | null; text: string; continued?: boolean }
  | { type: 'text'; text: string; bullet: boolean }
  | { type: 'insight'; heading: string; text: string }
  /** A picture scaled to fit (`width`×`height` px), its number and caption under it; `src` is a data URI, or null when it could not be read (then `alt` shows). */
  | { type: 'figure'; src: string | null; alt: string; caption: string; width: number; height: number }
  /** Some rows of a table under its header row; `continued` on the pages after its first; `floor` when a row fits only at the floor type size. */
  | { type: 'table'; label: string; header: SlideCell[]; rows: SlideCell[][]; continued: boolean; floor?: boolean }
) & {
  /** Set when the piece shows source text a partial translation lacks (marked untranslated). */
  untranslated?: true
}

/** A table cell on a slide: its whole text (it wraps), and its column's alignment. */
export interface SlideCell {
  text: string
  align: 'left' | 'right' | 'center' | null
}

/** A case, or a follow-up page of one. */
export interface CaseSlide extends SlideCommon {
  kind: 'case'
  caseNumber: number
  items: CaseItem[]
  /** The whole case is shown from the source: the translation lacks it. */
  untranslated: boolean
  /** Set in the smaller compact type (`.slide.compact`), which keeps the case on fewer slides. */
  compact: boolean
}

/** One row of the overview: a case and its cells. */
export interface OverviewRow {
  label: string
  title: string
  slide: number
  /** Matrix mode: whether the case has each theme. */
  cells: boolean[]
  /** Fallback mode: the case's key-point labels (a point without a label by its opening words), wrapping. */
  points: string
  /** The case's key points in full, for the tooltip where `points` abbreviates them (the overview's notes hold them too). */
  full: string
  /** How many columns the dash spans when the case has no key points; 0 when it has some. */
  none: number
}

/** A page of the comparison of cases. */
export interface OverviewSlide extends SlideCommon {
  kind: 'overview'
  /** Recurring key-point themes (matrix mode); empty means the key-point list mode. */
  themes: string[]
  rows: OverviewRow[]
}

/** Any slide. */
/** One line of the edition notes: what happened to which case. */
export interface NotesEntry {
  change: string
  label: string
  title: string
  detail?: string
}

/** What changed since the previous edition, a page at a time. */
export interface EditionNotesSlide extends SlideCommon {
  kind: 'edition-notes'
  entries: NotesEntry[]
}

export type Slide = TitleSlide | AgendaSlide | EditionNotesSlide | FrameSlide | CaseSlide | OverviewSlide

/** Everything `slides.hbs` can show. */
export interface DeckView {
  lang: string
  title: string
  subtitle?: string
  author?: string
  caseCount: number
  slides: Slide[]
  slideCount: number
  /**
   * Build warnings: a piece that does not fit its slide even at the floor size, naming the slide
   * (`slide-overflow`). A `--slide-…` size casebook cannot read is the template checks' (`template-css`).
   */
  warnings: Array<{ ruleId: 'slide-overflow'; message: string }>
}
