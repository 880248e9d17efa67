/**
 * The HTML of every part of a document's block content (intro, each section,
 * conclusion), made once per localized tree: the report, its PDF and the
 * deck's notes all show the same fragments, and at 10,000 cases making them
 * is the largest part of a render.
 */
import type { Case, CaseDocument, Conclusion, Intro } from '../types.js'
import { blocksToHtml } from './blocks-to-html.js'

/** HTML fragments of one document, by part. */
export interface DocumentHtml {
  intro: string
  /** Per case, per section. */
  sections: string[][]
  conclusion: string
}

// Keyed by the tree object: renderers of one locale share its localized tree; a new build's tree starts afresh.
const made = new WeakMap<CaseDocument, Map<string, DocumentHtml>>()

/** The fragments of `document`, with `pointSeparator` between a key point's label and text. */
export function documentHtml(document: CaseDocument, pointSeparator: string): DocumentHtml {
  let bySeparator = made.get(document)
  if (!bySeparator) made.set(document, (bySeparator = new Map()))
  let result = bySeparator.get(pointSeparator)
  if (!result) bySeparator.set(pointSeparator, (result = render(document, pointSeparator)))
  return result
}

function render(document: CaseDocument, pointSeparator: string): DocumentHtml {
  const intro = document.children.find((node): node is Intro => node.type === 'intro')
  const conclusion = document.children.find((node): node is Conclusion => node.type === 'conclusion')
  const cases = document.children.filter((node): node is Case => node.type === 'case')
  return {
    intro: blocksToHtml(intro?.children ?? [], pointSeparator),
    sections: cases.map((node) => node.children.map((section) => blocksToHtml(section.children, pointSeparator))),
    conclusion: blocksToHtml(conclusion?.children ?? [], pointSeparator),
  }
}
