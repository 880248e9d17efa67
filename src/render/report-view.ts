/** The view a report template sees: the case tree with labels, ids and HTML fragments. */
import type { Block, CaseDocument, Case, Section, SectionKind } from '../types.js'
import type { RenderContext } from './renderer.js'
import { documentHtml, documentRichContent, partHastOptions } from './document-html.js'
import { blocksToHtml } from './blocks-to-html.js'
import { pointLabels } from './overview-points.js'
import { markedCaseNumbers } from '../edition/diff-trees.js'
import { editionNotes, type NotedCase, type NotesGroup } from '../edition/edition-notes.js'
import { sharedKey } from './shared-work.js'
import { documentView, type DocumentView } from './document-view.js'

/** A section ready for a template. */
export interface SectionView {
  id: string
  number: string | null
  title: string
  kind: SectionKind
  html: string
  /** The whole section is shown from the source: the translation lacks it. */
  untranslated: boolean
  /**
   * Set when some of the section's blocks are shown from the source: its HTML
   * in runs, the untranslated runs marked. Null otherwise (then `html` is all).
   */
  parts: HtmlPart[] | null
}

/** A run of a part's blocks as HTML; `untranslated` when they are shown from the source. */
export interface HtmlPart {
  html: string
  untranslated: boolean
}

/** A case ready for a template. */
export interface CaseView {
  id: string
  number: number
  label: string
  title: string
  heading: string
  sections: SectionView[]
  /** The case's footnotes as HTML (a numbered list after its last section), or ''. */
  notes: string
  pointLabels: string[]
  untranslated: boolean
  /** Added, changed or renamed since the previous edition (marked ● in the contents); not when only moved or renumbered. */
  changed: boolean
  /** Filled in by the PDF renderer once it knows where the case starts. */
  page?: number
}

/** A framing part (intro or conclusion) ready for a template. */
export interface FrameView {
  id: string
  title: string
  html: string
  /** Shown from the source: the translation lacks it. */
  untranslated: boolean
  /** As for a section: runs of HTML when some blocks are shown from the source, else null. */
  parts: HtmlPart[] | null
}

/** Everything a report or deck template can show. */
export interface ReportView extends Omit<DocumentView, 'intro' | 'cases' | 'conclusion'> {
  lang: string
  intro: FrameView | null
  cases: CaseView[]
  conclusion: FrameView | null
  caseCount: number
  /** The edition notes page; null for a first edition or when nothing changed. */
  editionNotes: EditionNotesView | null
  /** Some case is marked ●: the contents then say what ● means. */
  marked: boolean
  /** The lists of figures and of tables after the contents (config `lists`), those with entries; null for none. */
  floatLists: FloatListView[] | null
}

/** A list of figures or of tables: each entry's label, caption and the id it links to. */
export interface FloatListView {
  id: 'list-of-figures' | 'list-of-tables'
  title: string
  entries: Array<{ id: string; label: string; caption: string }>
}

export type { NotedCase, NotesGroup }

/** What changed since the previous edition, with labels (see edition/edition-notes.ts). */
export interface EditionNotesView {
  id: 'edition-notes'
  /** What the notes compare with, in a sentence. */
  since: string | null
  metadata: string[]
  groups: NotesGroup[]
  frames: string[]
}

/** The report view, built once per locale for the HTML and PDF renderers. */
export const REPORT_VIEW = sharedKey<ReportView>('report view')

/** Builds the report view for one locale's document. */
export async function buildReportView(document: CaseDocument, context: RenderContext): Promise<ReportView> {
  const { locale } = context
  const view = documentView(document, context)
  const { intro, cases, conclusion } = view
  const html = documentHtml(document, context)
  const changedNumbers = markedCaseNumbers(context.changes)
  const parts = untranslatedParts(document, context)
  const caseViews = cases.map((node, index): CaseView => {
    const label = locale.caseLabel(node.number)
    return {
      id: caseId(node, index),
      number: node.number,
      label,
      title: node.title,
      heading: locale.t('caseHeading', { label, title: node.title }),
      sections: node.children.map((section, sectionIndex) => sectionView(section, `${caseId(node, index)}-${sectionIndex + 1}`, html.sections[index][sectionIndex], context, parts)),
      notes: html.caseNotes[index],
      pointLabels: pointLabels(node),
      untranslated: Boolean(node.data?.untranslated),
      changed: changedNumbers.has(node.number),
    }
  })
  return {
    lang: locale.code,
    title: view.title,
    subtitle: view.subtitle,
    author: view.author,
    organisation: view.organisation,
    date: view.date,
    dateText: view.dateText,
    intro: intro && { id: 'intro', title: intro.title ?? locale.t('introduction'), html: html.intro, untranslated: Boolean(intro.data?.untranslated), parts: withNotes(parts.get(intro.children), html.introNotes) },
    cases: caseViews,
    conclusion: conclusion && { id: 'conclusion', title: conclusion.title ?? locale.t('conclusion'), html: html.conclusion, untranslated: Boolean(conclusion.data?.untranslated), parts: withNotes(parts.get(conclusion.children), html.conclusionNotes) },
    caseCount: cases.length,
    editionNotes: editionNotesView(context),
    marked: caseViews.some((node) => node.changed),
    floatLists: floatListViews(document, context),
  }
}

/** The lists the config asks for, in its order, each with the document's figures or tables. */
function floatListViews(document: CaseDocument, context: RenderContext): FloatListView[] | null {
  const rich = documentRichContent(document, context)
  const lists = context.config.lists
    .map((name): FloatListView => {
      const figures = name === 'figures'
      return {
        id: figures ? 'list-of-figures' : 'list-of-tables',
        title: context.locale.t(figures ? 'listOfFigures' : 'listOfTables'),
        entries: (figures ? rich.figures : rich.tables).map((entry) => ({ id: entry.id, label: entry.label, caption: entry.caption })),
      }
    })
    .filter((list) => list.entries.length > 0)
  return lists.length ? lists : null
}

/** A frame's runs with its notes after them (the notes are in `html` too, which runs replace), or null for no runs. */
function withNotes(parts: HtmlPart[] | undefined, notes: string): HtmlPart[] | null {
  if (!parts) return null
  return notes ? [...parts, { html: notes, untranslated: false }] : parts
}

/** The edition notes, or null when there is nothing to say. */
export function editionNotesView(context: RenderContext): EditionNotesView | null {
  const notes = editionNotes(context.changes, context.locale)
  return notes && { id: 'edition-notes', ...notes }
}

/** Ids stay unique even when case numbers repeat in a document with errors. */
function caseId(_node: Case, index: number): string {
  return `case-${index + 1}`
}

function sectionView(section: Section, id: string, html: string, context: RenderContext, parts: Map<Block[], HtmlPart[]>): SectionView {
  return {
    id,
    number: section.number,
    title: section.title || context.locale.t(`sectionKind.${section.kind}`),
    kind: section.kind,
    html,
    untranslated: Boolean(section.data?.untranslated),
    parts: parts.get(section.children) ?? null,
  }
}

/**
 * The blocks of each part (intro, section, conclusion) where the translation
 * lacks some of them (see locale/merge-translation.ts), in runs of translated
 * and untranslated ones, as HTML; keyed by the part's `children`. Empty for a
 * complete translation or a source shown as written.
 */
function untranslatedParts(document: CaseDocument, context: RenderContext): Map<Block[], HtmlPart[]> {
  const groups: Block[][] = []
  const owners: Array<CaseDocument['children'][number]> = []
  for (const node of document.children) {
    if (node.type === 'case') for (const section of node.children) collect(section.children, node)
    else collect(node.children, node)
  }
  function collect(blocks: Block[], owner: CaseDocument['children'][number]): void {
    if (blocks.some((block) => block.data?.untranslated)) {
      groups.push(blocks)
      owners.push(owner)
    }
  }
  const parts = new Map<Block[], HtmlPart[]>()
  if (groups.length === 0) return parts
  const runs = groups.map((blocks) => {
    const found: Array<{ blocks: Block[]; untranslated: boolean }> = []
    for (const block of blocks) {
      const untranslated = Boolean(block.data?.untranslated)
      const last = found.at(-1)
      if (last && last.untranslated === untranslated) last.blocks.push(block)
      else found.push({ blocks: [block], untranslated })
    }
    return found
  })
  // Written with the part's own footnote numbering, so a run numbers its notes as the whole part does.
  groups.forEach((blocks, index) => parts.set(blocks, runs[index].map((run) => ({ html: blocksToHtml(run.blocks, partHastOptions(document, owners[index], context)), untranslated: run.untranslated }))))
  return parts
}
