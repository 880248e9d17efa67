/**
 * What every format shows of a document for one locale besides its blocks: the cover fields
 * (the document's own data, else the config's) and its parts. The report view, the .docx
 * outline and the deck view start from it and add only what their format needs.
 */
import type { Case, CaseDocument, Conclusion, Intro } from '../types.js'
import type { RenderContext } from './renderer.js'

/** A document's cover fields and parts, with the config's values where the document has none. */
export interface DocumentView {
  title: string
  subtitle?: string
  author?: string
  organisation?: string
  /** The document's date (YYYY-MM-DD), else the config's. */
  date?: string
  /** `date` as the locale writes it. */
  dateText?: string
  intro: Intro | null
  cases: Case[]
  conclusion: Conclusion | null
}

/** The document view of `document` in `context`'s locale. */
export function documentView(document: CaseDocument, context: RenderContext): DocumentView {
  const { locale, config } = context
  const { data } = document
  const date = data.date ?? config.date
  return {
    title: data.title,
    subtitle: data.subtitle ?? config.subtitle,
    author: data.author ?? config.author,
    organisation: data.organisation ?? config.organisation,
    date,
    dateText: date ? locale.formatDate(date) : undefined,
    intro: document.children.find((node): node is Intro => node.type === 'intro') ?? null,
    cases: document.children.filter((node): node is Case => node.type === 'case'),
    conclusion: document.children.find((node): node is Conclusion => node.type === 'conclusion') ?? null,
  }
}
