/**
 * The HTML of every part of a document's block content (intro, each section,
 * conclusion), made once per localized tree: the report, its PDF and the
 * deck's notes all show the same fragments, and at 10,000 cases making them
 * is the largest part of a render. Footnotes are numbered per part (a case,
 * the intro, the conclusion) and listed at its end.
 */
import type { Case, CaseDocument, Conclusion, Intro } from '../types.js'
import { blocksToHtml, footnotesToHtml } from './blocks-to-html.js'
import { FootnoteScope } from './hast/footnote-scope.js'
import type { HastOptions } from './hast/to-hast.js'
import type { RenderContext } from './renderer.js'
import { richContent, type NotedPart, type RichContent } from './rich-content.js'

/** HTML fragments of one document, by part. */
export interface DocumentHtml {
  /** The intro's blocks, then its notes. */
  intro: string
  /** The intro's and the conclusion's notes alone (also at the end of `intro` and `conclusion`), for a part shown in runs. */
  introNotes: string
  conclusionNotes: string
  /** Per case, per section. */
  sections: string[][]
  /** Per case: the notes its sections called, or ''. */
  caseNotes: string[]
  conclusion: string
}

// Keyed by the tree object: renderers of one locale share its localized tree; a new build's tree starts afresh.
const made = new WeakMap<CaseDocument, Map<string, DocumentHtml>>()
const scopes = new WeakMap<NotedPart, FootnoteScope>()

/** What block HTML needs of a render context: the point separator, the catalog's float labels and the pictures. */
export type HtmlContext = Pick<RenderContext, 'locale' | 'images'>

/** The fragments of `document` in `context`'s locale. */
export function documentHtml(document: CaseDocument, context: HtmlContext): DocumentHtml {
  const pointSeparator = context.locale.t('pointSeparator')
  let bySeparator = made.get(document)
  if (!bySeparator) made.set(document, (bySeparator = new Map()))
  let result = bySeparator.get(pointSeparator)
  if (!result) bySeparator.set(pointSeparator, (result = render(document, context)))
  return result
}

/** The document's figure and table numbers, footnotes and pictures, in `context`'s locale. */
export function documentRichContent(document: CaseDocument, context: HtmlContext): RichContent {
  const { t } = context.locale
  return richContent(document, { figure: (number) => t('figureLabel', { number }), table: (number) => t('tableLabel', { number }) }, context.images)
}

/** How the blocks of `part` are written: with the document's rich content and the part's own footnotes. */
export function partHastOptions(document: CaseDocument, part: NotedPart, context: HtmlContext): HastOptions {
  let notes = scopes.get(part)
  const rich = documentRichContent(document, context)
  if (!notes) scopes.set(part, (notes = new FootnoteScope(partPrefix(document, part), rich.definitions)))
  return { pointSeparator: context.locale.t('pointSeparator'), rich, notes }
}

/** Each case's number (1-based), by document: found once, not by a search per case (10,000 cases made that 100 million steps). */
const caseNumbers = new WeakMap<CaseDocument, Map<NotedPart, number>>()

function partPrefix(document: CaseDocument, part: NotedPart): string {
  if (part.type !== 'case') return part.type
  let numbers = caseNumbers.get(document)
  if (!numbers) caseNumbers.set(document, (numbers = new Map(document.children.filter((node) => node.type === 'case').map((node, index) => [node, index + 1]))))
  return `case-${numbers.get(part) ?? 0}`
}

function render(document: CaseDocument, context: HtmlContext): DocumentHtml {
  const intro = document.children.find((node): node is Intro => node.type === 'intro')
  const conclusion = document.children.find((node): node is Conclusion => node.type === 'conclusion')
  const cases = document.children.filter((node): node is Case => node.type === 'case')
  const title = context.locale.t('footnotes')
  const frame = (part: Intro | Conclusion | undefined): [string, string] => {
    if (!part) return ['', '']
    const options = partHastOptions(document, part, context)
    const html = blocksToHtml(part.children, options)
    return [html, footnotesToHtml(options.notes!, title, options)]
  }
  const sections: string[][] = []
  const caseNotes: string[] = []
  for (const node of cases) {
    const options = partHastOptions(document, node, context)
    sections.push(node.children.map((section) => blocksToHtml(section.children, options)))
    caseNotes.push(footnotesToHtml(options.notes!, title, options))
  }
  const [introBlocks, introNotes] = frame(intro)
  const [conclusionBlocks, conclusionNotes] = frame(conclusion)
  return { intro: introBlocks + introNotes, introNotes, sections, caseNotes, conclusion: conclusionBlocks + conclusionNotes, conclusionNotes }
}
