/** The translated tree: the translation's text where it has some, the source's (marked untranslated) where not. */
import type { Case, CaseDocument, Conclusion, Intro } from '../types.js'

/** Merges `translation` over `source`: cases match by number; document title and subtitle come from the translation. */
export function applyTranslation(source: CaseDocument, translation: CaseDocument, lang: string): CaseDocument {
  const translated = casesByNumber(translation)
  const pick = <T extends Intro | Conclusion>(own: T | undefined, other: T | undefined): T | undefined =>
    other ?? (own && { ...own, data: { ...own.data, untranslated: true } })
  const intro = pick(source.children.find(isIntro), translation.children.find(isIntro))
  const conclusion = pick(source.children.find(isConclusion), translation.children.find(isConclusion))
  const cases = source.children.filter(isCase).map((node): Case => {
    const match = translated.get(node.number)?.shift()
    return match ?? { ...node, data: { ...node.data, untranslated: true } }
  })
  const data = { ...source.data, lang, title: translation.data.title || source.data.title }
  if (translation.data.subtitle) data.subtitle = translation.data.subtitle
  if (translation.data.author) data.author = translation.data.author
  if (translation.data.organisation) data.organisation = translation.data.organisation
  return { ...source, data, children: [...(intro ? [intro] : []), ...cases, ...(conclusion ? [conclusion] : [])] }
}

/** A translation's cases by number, in order, so a repeated number matches in turn. */
export function casesByNumber(document: CaseDocument): Map<number, Case[]> {
  const byNumber = new Map<number, Case[]>()
  for (const node of document.children.filter(isCase)) byNumber.set(node.number, [...(byNumber.get(node.number) ?? []), node])
  return byNumber
}

function isIntro(node: Intro | Case | Conclusion): node is Intro {
  return node.type === 'intro'
}
function isConclusion(node: Intro | Case | Conclusion): node is Conclusion {
  return node.type === 'conclusion'
}
function isCase(node: Intro | Case | Conclusion): node is Case {
  return node.type === 'case'
}
