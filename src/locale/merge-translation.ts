/**
 * How a translation is laid over its source, part by part, so that nothing of
 * the source is lost: every case, section and block the translation lacks is
 * taken from the source and marked untranslated (`data.untranslated`), and
 * each such gap is named with the place in the translation where it would
 * have been. Both the pack (apply-translation.ts) and the warnings
 * (check-translations.ts) come from this one matching.
 *
 * Matching:
 * - Cases by their `<!-- source: HASH -->` first: a translated case whose mark
 *   is the current hash of a source case translates that case, whatever the
 *   numbers (a case inserted before it, two cases swapped). The rest by
 *   number, a repeated number in turn; a mark no source case has now is a
 *   stale translation of the case with its number.
 * - Intro and conclusion with the translation's intro and conclusion.
 * - Sections of a matched case by number (`1.3` to `1.3`; in a case matched
 *   by its mark under another number, `2.1` of translated case 2 to `3.1` of
 *   source case 3), then by kind
 *   (background, analysis, insight, other), in order: first the source's
 *   unnumbered sections, then its numbered ones still unmatched, each with a
 *   translated section whose number the source case does not use (or none).
 * - Blocks of a matched section (or intro, conclusion) in order, a paragraph
 *   only with a paragraph, a key point with a key point, a list with a list
 *   (a table with a table, a figure with a figure, and so on for every kind;
 *   a figure keeps its source's picture),
 *   as many as can be. Where the translation has fewer of a kind, the numbers,
 *   Latin words, link targets and code the blocks share with the source decide
 *   which source blocks are missing; without such evidence the later ones are.
 *
 * What the translation has beyond the source: a case, intro, conclusion or
 * section is left out (and reported as `translation-extra`); extra blocks in
 * a matched section are kept, since a translator may split a paragraph.
 */
import type { Block, Case, CaseDocument, Conclusion, Intro, Section } from '../types.js'
import { plainText } from '../text/plain-text.js'
import { caseHash, relativeSectionNumber, sourceHash } from './case-hash.js'

type Top = Intro | Case | Conclusion
/** A part that holds blocks. */
type Container = Section | Intro | Conclusion

/** Something of the source the translation lacks, and where in the translation it would have been. */
export type TranslationGap =
  | {
      type: 'case' | 'intro' | 'conclusion'
      source: Top
      /** The translated top-level node it would have followed, or null when it would have come first. */
      after: Top | null
    }
  | {
      type: 'section'
      source: Section
      sourceCase: Case
      /** The translated case that lacks it. */
      within: Case
    }
  | {
      type: 'block'
      source: Block
      /** 1-based, counting blocks of the same type in the source part. */
      ordinal: number
      /** The source part (section, intro, conclusion) the block belongs to, and its case. */
      sourceParent: Container
      sourceCase: Case | null
      /** The translated part that lacks it, and the top-level node holding that part. */
      within: Container
      top: Top
    }

/** Something of the translation the source lacks; it is left out of the pack. */
export interface TranslationExtra {
  node: Top | Section
  /** The top-level node holding it (the node itself for a case, intro or conclusion). */
  top: Top
  /** For a section: the source case it was compared with. */
  sourceCase?: Case
}

/**
 * What earlier editions tell of marks no source case has now: the mark (`<!-- source: HASH -->`) a
 * case had, and which of today's cases (its 0-based place among the cases) it became, matched by
 * identity as the edition notes match it, or null when it was removed. A stale mark then stays with
 * its case, however the cases were inserted, deleted or moved since, instead of going by number.
 */
export type EarlierMarks = ReadonlyMap<string, number | null>

/** A source part and the translated part laid over it. */
export interface TranslationPair {
  source: Top
  translation: Top
  /** A case found by its `<!-- source: HASH -->`, not by its number. */
  byMark: boolean
}

/** The merged tree, what it lacks and what it leaves out, and which source part each translated case, intro and conclusion matched. */
export interface MergedTranslation {
  tree: CaseDocument
  gaps: TranslationGap[]
  extras: TranslationExtra[]
  pairs: TranslationPair[]
}

/**
 * Lays `translation` over `source` for locale `lang`. Neither tree is changed.
 * What the translation lacks is shown from `shown`, a tree of the same shape as
 * `source` (the source converted to the locale's script), else from the source.
 */
export function mergeTranslation(source: CaseDocument, translation: CaseDocument, lang: string, shown: CaseDocument = source, earlier: EarlierMarks = new Map()): MergedTranslation {
  const gaps: TranslationGap[] = []
  const extras: TranslationExtra[] = []
  const pairs: TranslationPair[] = []
  const show = counterparts(source, shown)
  const matches = matchTops(source, translation, earlier)
  const used = new Set(matches.flatMap((match) => (match ? [match.node] : [])))

  // Where a missing node would have been: after the translated node before it.
  const after: Array<Top | null> = []
  for (let index = 0, last: Top | null = null; index < matches.length; last = matches[index]?.node ?? last, index++) after.push(last)

  const children = source.children.map((node, index): Top => {
    const match = matches[index]
    if (!match) {
      gaps.push({ type: node.type, source: node, after: after[index] })
      return marked(show(node))
    }
    pairs.push({ source: node, translation: match.node, byMark: match.byMark })
    if (node.type === 'case') {
      const translatedCase = match.node as Case
      const sections = mergeSections(node, translatedCase, gaps, extras, show)
      if (translatedCase.number === node.number) return { ...translatedCase, children: sections }
      // Found by its mark under another number: shown as the source numbers it. Its label
      // (`Case 2`) names the old number, and renderers label cases by number anyway.
      return { ...translatedCase, number: node.number, label: null, children: sections }
    }
    return { ...match.node, children: mergeBlocks(node, match.node as Container, null, match.node, gaps, show) } as Top
  })

  for (const node of translation.children) if (!used.has(node)) extras.push({ node, top: node })

  const data = { ...shown.data, lang, title: translation.data.title || shown.data.title }
  if (translation.data.subtitle) data.subtitle = translation.data.subtitle
  if (translation.data.author) data.author = translation.data.author
  if (translation.data.organisation) data.organisation = translation.data.organisation
  return { tree: { ...source, data, children }, gaps, extras, pairs }
}

/**
 * For each source top-level node, the translated node laid over it, or null: cases by mark, then
 * by a stale mark's case as `earlier` editions know it, then by number; the intro and conclusion
 * with the translation's own.
 */
function matchTops(source: CaseDocument, translation: CaseDocument, earlier: EarlierMarks): Array<{ node: Top; byMark: boolean } | null> {
  const matches: Array<{ node: Top; byMark: boolean } | null> = source.children.map(() => null)
  const used = new Set<Top>()
  const withMarks = translation.children.filter((node): node is Case => node.type === 'case' && Boolean(node.data?.translates))
  if (withMarks.length > 0) {
    // Source cases by each hash a mark may name: the current one and the one marks were written with before.
    const byHash = new Map<string, number[]>()
    source.children.forEach((node, index) => {
      if (node.type !== 'case') return
      for (const hash of new Set([sourceHash(node), caseHash(node)])) {
        const list = byHash.get(hash)
        if (list) list.push(index)
        else byHash.set(hash, [index])
      }
    })
    for (const node of withMarks) {
      const free = (byHash.get(node.data!.translates!) ?? []).filter((index) => matches[index] === null)
      if (free.length === 0) continue
      // Two source cases alike in all but their numbers: the one with the translation's number, else the first.
      const index = free.find((candidate) => (source.children[candidate] as Case).number === node.number) ?? free[0]
      matches[index] = { node, byMark: true }
      used.add(node)
    }
    // A mark no case has now, of a case an earlier edition had: that case, where it is now; none, if it was removed.
    const caseIndexes = source.children.flatMap((node, index) => (node.type === 'case' ? [index] : []))
    for (const node of withMarks) {
      if (used.has(node) || !earlier.has(node.data!.translates!)) continue
      const place = earlier.get(node.data!.translates!)
      const index = place === null || place === undefined ? undefined : caseIndexes[place]
      // Used either way: a removed case's translation is not laid over whatever case took its number.
      used.add(node)
      if (index !== undefined && matches[index] === null) matches[index] = { node, byMark: true }
    }
  }
  const translated = casesByNumber(translation)
  const intros = translation.children.filter(isIntro)
  const conclusions = translation.children.filter(isConclusion)
  source.children.forEach((node, index) => {
    if (matches[index]) return
    let match: Top | undefined
    if (node.type === 'case') {
      const list = translated.get(node.number) ?? []
      while (list.length > 0 && !match) {
        const next = list.shift()!
        if (!used.has(next)) match = next
      }
    } else match = (node.type === 'intro' ? intros : conclusions).shift()
    if (match) {
      used.add(match)
      matches[index] = { node: match, byMark: false }
    }
  })
  return matches
}

/** A translation's cases by number, in order, so a repeated number matches in turn. */
export function casesByNumber(document: CaseDocument): Map<number, Case[]> {
  const byNumber = new Map<number, Case[]>()
  for (const node of document.children) {
    if (node.type !== 'case') continue
    const list = byNumber.get(node.number)
    if (list) list.push(node)
    else byNumber.set(node.number, [node])
  }
  return byNumber
}

/** The sections of a matched case, in the source's order; extra sections of the translation are left out. */
function mergeSections(source: Case, translation: Case, gaps: TranslationGap[], extras: TranslationExtra[], show: Show): Section[] {
  const matched = matchSections(source.children, translation.children, { source: source.number, translation: translation.number })
  const used = new Set(matched)
  for (const section of translation.children) {
    if (!used.has(section)) extras.push({ node: section, top: translation, sourceCase: source })
  }
  const renumbered = source.number !== translation.number
  return source.children.map((section, index) => {
    const match = matched[index]
    if (!match) {
      gaps.push({ type: 'section', source: section, sourceCase: source, within: translation })
      return marked(show(section))
    }
    const children = mergeBlocks(section, match, source, translation, gaps, show)
    // `2.1` of a translated case 2 shown as case 3 is `3.1`.
    const number = renumbered ? renumberSection(match.number, translation.number, source.number) : match.number
    return { ...match, number, children }
  })
}

function renumberSection(number: string | null, from: number, to: number): string | null {
  const relative = relativeSectionNumber(number, from)
  return relative !== null && relative.startsWith('*.') ? `${to}.${relative.slice(2)}` : number
}

/**
 * For each source section, the translation's section that translates it, or
 * null. With the numbers of the two cases, section numbers are compared
 * relative to them (`3.1` of case 3 with `2.1` of case 2).
 */
export function matchSections(source: Section[], translation: Section[], cases?: { source: number; translation: number }): Array<Section | null> {
  const matched: Array<Section | null> = source.map(() => null)
  const used = new Set<Section>()
  const sourceNumber = (section: Section) => (cases ? relativeSectionNumber(section.number, cases.source) : section.number)
  const translationNumber = (section: Section) => (cases ? relativeSectionNumber(section.number, cases.translation) : section.number)
  // By number first.
  source.forEach((section, index) => {
    const number = sourceNumber(section)
    if (number === null) return
    const match = translation.find((other) => !used.has(other) && translationNumber(other) === number)
    if (match) {
      matched[index] = match
      used.add(match)
    }
  })
  // Then by kind: unnumbered source sections first, then the numbered ones left, each with the
  // first translated section of its kind whose number does not name another source section.
  const numbers = new Set(source.map(sourceNumber).filter((number) => number !== null))
  const byKind = (index: number) => {
    const section = source[index]
    const match = translation.find((other) => {
      if (used.has(other) || other.kind !== section.kind) return false
      const number = translationNumber(other)
      return number === null || !numbers.has(number)
    })
    if (match) {
      matched[index] = match
      used.add(match)
    }
  }
  source.forEach((section, index) => section.number === null && byKind(index))
  source.forEach((section, index) => section.number !== null && !matched[index] && byKind(index))
  return matched
}

/** The blocks of a matched part: the translation's, with the source's missing ones in their places, marked. */
function mergeBlocks(source: Container, translation: Container, sourceCase: Case | null, top: Top, gaps: TranslationGap[], show: Show): Block[] {
  const steps = alignBlocks(source.children, translation.children)
  if (steps === null) return translation.children.map((block, index) => withSourcePicture(block, source.children[index]))
  const counts = new Map<Block['type'], number>()
  const ordinals = source.children.map((block) => {
    const count = (counts.get(block.type) ?? 0) + 1
    counts.set(block.type, count)
    return count
  })
  const blocks: Block[] = []
  for (const step of steps) {
    if (step.translation !== null) blocks.push(withSourcePicture(translation.children[step.translation], step.source === null ? undefined : source.children[step.source]))
    else {
      const block = source.children[step.source!]
      gaps.push({ type: 'block', source: block, ordinal: ordinals[step.source!], sourceParent: source, sourceCase, within: translation, top })
      blocks.push(marked(show(block)))
    }
  }
  return blocks
}

/**
 * A translated figure shows its source's picture (read and checked with the
 * source, beside which the translation lies) with the translation's alt text
 * and caption; any other block is the translation's as it is.
 */
function withSourcePicture(block: Block, source: Block | undefined): Block {
  if (block.type !== 'figure' || source?.type !== 'figure') return block
  return { ...block, url: source.url, data: source.data === undefined ? block.data : { ...source.data, ...(block.data?.untranslated ? { untranslated: true } : {}) } }
}

/** One step of an alignment: a matched pair, a source block the translation lacks, or a block only the translation has. */
export interface AlignStep {
  source: number | null
  translation: number | null
}

/**
 * Aligns blocks by type, in order: the most matches, then the most shared
 * evidence, then the earliest matches. Null when the two have the same types
 * in the same order (each block translates the one in its place).
 */
export function alignBlocks(source: Block[], translation: Block[]): AlignStep[] | null {
  if (source.length === translation.length && source.every((block, index) => block.type === translation[index].type)) return null
  const n = source.length
  const m = translation.length
  // A section of thousands of blocks is matched greedily: the table would be too large.
  if (n * m > MAX_TABLE) return greedy(source, translation)
  const sourceAnchors = source.map(anchors)
  const translationAnchors = translation.map(anchors)
  // best[i][j]: the score of aligning source[i..] with translation[j..]; a match counts
  // WEIGHT, so one more match outweighs any evidence, plus up to EVIDENCE for what the pair shares.
  const weight = EVIDENCE * (Math.min(n, m) + 1)
  const width = m + 1
  const best = new Float64Array((n + 1) * width)
  const pair = (i: number, j: number) => (source[i].type === translation[j].type ? weight + evidence(sourceAnchors[i], translationAnchors[j]) : -1)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const score = pair(i, j)
      best[i * width + j] = Math.max(score < 0 ? 0 : score + best[(i + 1) * width + j + 1], best[(i + 1) * width + j], best[i * width + j + 1])
    }
  }
  const steps: AlignStep[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    const here = best[i * width + j]
    if (i < n && j < m) {
      const score = pair(i, j)
      if (score >= 0 && score + best[(i + 1) * width + j + 1] === here) {
        steps.push({ source: i++, translation: j++ })
        continue
      }
    }
    // A source block the translation lacks comes before a block only the translation has.
    if (i < n && (j === m || best[(i + 1) * width + j] === here)) steps.push({ source: i++, translation: null })
    else steps.push({ source: null, translation: j++ })
  }
  return steps
}

const MAX_TABLE = 1 << 20
/** The most one pair's evidence can add. */
const EVIDENCE = 1000

/** Each translation block takes the first source block of its type after the previous match. */
function greedy(source: Block[], translation: Block[]): AlignStep[] {
  const steps: AlignStep[] = []
  let i = 0
  for (let j = 0; j < translation.length; j++) {
    let k = i
    while (k < source.length && source[k].type !== translation[j].type) k++
    if (k === source.length) {
      steps.push({ source: null, translation: j })
      continue
    }
    while (i < k) steps.push({ source: i++, translation: null })
    steps.push({ source: i++, translation: j })
  }
  while (i < source.length) steps.push({ source: i++, translation: null })
  return steps
}

/** What survives translation: numbers, Latin words, link targets and code. */
function anchors(block: Block): Set<string> {
  const found = new Set<string>()
  const text = plainText(block).normalize('NFKC')
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*/g)) found.add(match[0])
  for (const match of text.matchAll(/[A-Za-z][A-Za-z0-9]+/g)) found.add(match[0].toLowerCase())
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    if ('url' in node && typeof node.url === 'string') found.add(node.url)
    if ('type' in node && node.type === 'inlineCode' && 'value' in node && typeof node.value === 'string') found.add(node.value)
    if ('children' in node && Array.isArray(node.children)) node.children.forEach(visit)
  }
  visit(block)
  if (block.type === 'point' && block.label) for (const match of block.label.normalize('NFKC').matchAll(/\d+(?:[.,]\d+)*/g)) found.add(match[0])
  return found
}

/** How much two blocks share, from 0 to EVIDENCE (Jaccard similarity of their anchors). */
function evidence(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const anchor of a) if (b.has(anchor)) shared++
  return Math.round((EVIDENCE * shared) / (a.size + b.size - shared))
}

/** The node to show for a source node: itself, or its counterpart in the converted tree. */
type Show = <T extends object>(node: T) => T

/** Maps each part of `source` to the part in the same place of `shown`, a tree of the same shape. */
function counterparts(source: CaseDocument, shown: CaseDocument): Show {
  if (shown === source) return (node) => node
  const map = new Map<object, object>()
  const blocks = (from: Block[], to: Block[]) => from.forEach((block, index) => to[index] && map.set(block, to[index]))
  source.children.forEach((node, index) => {
    const other = shown.children[index]
    if (!other || other.type !== node.type) return
    map.set(node, other)
    if (node.type === 'case') {
      node.children.forEach((section, position) => {
        const counterpart = (other as Case).children[position]
        if (!counterpart) return
        map.set(section, counterpart)
        blocks(section.children, counterpart.children)
      })
    } else blocks(node.children, (other as Intro | Conclusion).children)
  })
  return <T extends object>(node: T) => (map.get(node) ?? node) as T
}

/** A copy of `node` marked as shown from the source. */
function marked<T extends { data?: { untranslated?: boolean } }>(node: T): T {
  return { ...node, data: { ...node.data, untranslated: true } }
}

function isIntro(node: Top): node is Intro {
  return node.type === 'intro'
}
function isConclusion(node: Top): node is Conclusion {
  return node.type === 'conclusion'
}
