/**
 * What the Word document shows besides block content: titles, labels, ids and
 * cover facts, taken from the tree directly. The report view would do, but it
 * converts every section to HTML first, which the .docx never uses (about a
 * second at 1,000 cases).
 */
import type { Case, CaseDocument, Conclusion, Intro } from '../../types.js'
import type { RenderContext } from '../renderer.js'
import { pointLabels } from '../overview-points.js'
import { documentView } from '../document-view.js'
import { documentRichContent } from '../document-html.js'
import type { RichContent } from '../rich-content.js'

/** A case's labels; `id` matches the report view's, so bookmarks stay the same. */
export interface OutlineCase {
  node: Case
  id: string
  number: number
  title: string
  heading: string
  sectionTitles: string[]
  pointLabels: string[]
}

/** Intro or conclusion with its printed title. */
export interface OutlineFrame {
  node: Intro | Conclusion
  id: 'intro' | 'conclusion'
  title: string
}

/** The document's outline for one locale. */
export interface DocxOutline {
  title: string
  subtitle?: string
  author?: string
  organisation?: string
  dateText?: string
  intro: OutlineFrame | null
  cases: OutlineCase[]
  conclusion: OutlineFrame | null
  /** Figure and table numbers, footnotes and pictures. */
  rich: RichContent
}

/** Builds the outline from the document view (config for missing document data), as the report view does. */
export function docxOutline(document: CaseDocument, context: RenderContext): DocxOutline {
  const { locale } = context
  const view = documentView(document, context)
  const { intro, cases, conclusion } = view
  return {
    title: view.title,
    subtitle: view.subtitle,
    author: view.author,
    organisation: view.organisation,
    dateText: view.dateText,
    intro: intro ? { node: intro, id: 'intro', title: intro.title ?? locale.t('introduction') } : null,
    cases: cases.map((node, index) => {
      const label = locale.caseLabel(node.number)
      return {
        node,
        id: `case-${index + 1}`,
        number: node.number,
        title: node.title,
        heading: locale.t('caseHeading', { label, title: node.title }),
        sectionTitles: node.children.map((section) => {
          const title = section.title || locale.t(`sectionKind.${section.kind}`)
          return section.number ? `${section.number} ${title}` : title
        }),
        pointLabels: pointLabels(node),
      }
    }),
    conclusion: conclusion ? { node: conclusion, id: 'conclusion', title: conclusion.title ?? locale.t('conclusion') } : null,
    rich: documentRichContent(document, context),
  }
}
