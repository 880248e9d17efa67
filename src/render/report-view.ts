/** The view a report template sees: the case tree with labels, ids and HTML fragments. */
import type { CaseDocument, Case, Intro, Conclusion, Section, SectionKind } from '../types.js'
import type { RenderContext } from './renderer.js'
import { documentHtml } from './document-html.js'
import { plainText } from '../text/plain-text.js'
import { isUnchanged } from '../build/diff-trees.js'

/** A section ready for a template. */
export interface SectionView {
  id: string
  number: string | null
  title: string
  kind: SectionKind
  html: string
}

/** A case ready for a template. */
export interface CaseView {
  id: string
  number: number
  label: string
  title: string
  heading: string
  sections: SectionView[]
  pointLabels: string[]
  untranslated: boolean
  /** New or changed since the previous edition (marked in the contents). */
  changed: boolean
  /** Filled in by the PDF renderer once it knows where the case starts. */
  page?: number
}

/** A framing part (intro or conclusion) ready for a template. */
export interface FrameView {
  id: string
  title: string
  html: string
}

/** Everything a report or deck template can show. */
export interface ReportView {
  lang: string
  title: string
  subtitle?: string
  author?: string
  organisation?: string
  date?: string
  dateText?: string
  intro: FrameView | null
  cases: CaseView[]
  conclusion: FrameView | null
  caseCount: number
  /** The edition notes page; null for a first edition or when nothing changed. */
  editionNotes: EditionNotesView | null
}

/** A case named in the edition notes. */
export interface NotedCase {
  label: string
  title: string
  sections?: string
}

/** What changed since the previous edition, with labels. */
export interface EditionNotesView {
  id: 'edition-notes'
  added: NotedCase[]
  removed: NotedCase[]
  changed: NotedCase[]
  introChanged: boolean
  conclusionChanged: boolean
}

/** Builds the report view for one locale's document. */
export async function buildReportView(document: CaseDocument, context: RenderContext): Promise<ReportView> {
  const { locale, config } = context
  const intro = document.children.find((node): node is Intro => node.type === 'intro') ?? null
  const conclusion = document.children.find((node): node is Conclusion => node.type === 'conclusion') ?? null
  const cases = document.children.filter((node): node is Case => node.type === 'case')
  const html = await documentHtml(document, locale.t('pointSeparator'))
  const changedNumbers = new Set([...(context.changes?.added ?? []), ...(context.changes?.changed ?? [])].map((node) => node.number))
  const caseViews = cases.map((node, index): CaseView => {
    const label = locale.caseLabel(node.number)
    return {
      id: caseId(node, index),
      number: node.number,
      label,
      title: node.title,
      heading: locale.t('caseHeading', { label, title: node.title }),
      sections: node.children.map((section, sectionIndex) => sectionView(section, `${caseId(node, index)}-${sectionIndex + 1}`, html.sections[index][sectionIndex], context)),
      pointLabels: pointLabels(node),
      untranslated: Boolean(node.data?.untranslated),
      changed: changedNumbers.has(node.number),
    }
  })
  const date = document.data.date ?? config.date
  return {
    lang: locale.code,
    title: document.data.title,
    subtitle: document.data.subtitle ?? config.subtitle,
    author: document.data.author ?? config.author,
    organisation: document.data.organisation ?? config.organisation,
    date,
    dateText: date ? locale.formatDate(date) : undefined,
    intro: intro && { id: 'intro', title: intro.title ?? locale.t('introduction'), html: html.intro },
    cases: caseViews,
    conclusion: conclusion && { id: 'conclusion', title: conclusion.title ?? locale.t('conclusion'), html: html.conclusion },
    caseCount: cases.length,
    editionNotes: editionNotesView(context),
  }
}

/** The edition notes, or null when there is nothing to say. */
export function editionNotesView(context: RenderContext): EditionNotesView | null {
  const changes = context.changes
  if (!changes || isUnchanged(changes)) return null
  const { locale } = context
  const noted = (node: { number: number; title: string; sections?: string[] }): NotedCase => ({
    label: locale.caseLabel(node.number),
    title: node.title,
    sections: node.sections?.length ? locale.t('changesSections', { sections: node.sections.join(locale.code.startsWith('zh') ? '、' : ', ') }) : undefined,
  })
  return {
    id: 'edition-notes',
    added: changes.added.map(noted),
    removed: changes.removed.map(noted),
    changed: changes.changed.map(noted),
    introChanged: changes.introChanged,
    conclusionChanged: changes.conclusionChanged,
  }
}

/** Ids stay unique even when case numbers repeat in a document with errors. */
function caseId(_node: Case, index: number): string {
  return `case-${index + 1}`
}

function sectionView(section: Section, id: string, html: string, context: RenderContext): SectionView {
  return {
    id,
    number: section.number,
    title: section.title || context.locale.t(`sectionKind.${section.kind}`),
    kind: section.kind,
    html,
  }
}

/** Labels of a case's key points, for the overview table; unlabelled points give their text's start. */
export function pointLabels(node: Case): string[] {
  return node.children.flatMap((section) =>
    section.children.flatMap((block) => (block.type === 'point' ? [block.label ?? plainText(block).slice(0, 12)] : [])),
  )
}
