/**
 * Which headings of a document are its cases. `案例一:标题` always is one; a document
 * without such headings numbers its cases some other way (`一、`, `（一）`, `第一章`,
 * `1.`), and the style is the one with numbered sections under it, as `1.1 案例背景`
 * under `一、上海`: the level above the sections is the cases, whatever its numbering.
 * `outline.caseHeading` in the config names the style outright.
 */
import { type CaseHeadingPattern, matchCaseHeading } from '../config/case-heading-pattern.js'
import { type Heading, matchCase, matchFrame, matchSection } from './headings.js'
import { ARABIC, ARABIC_COMMA, CHAPTER, COMMA, PAREN, type HeadingStyle, isHeadingLike, type NumberedHeading } from './heading-styles.js'

type CaseHeading = Extract<Heading, { type: 'case' }>
type SectionHeading = Extract<Heading, { type: 'section' }>

/** How one document's case headings, and the section headings under them, are recognised. */
export interface CaseHeadingRules {
  /** A case heading (each one returned is taken as a case: styles numbered in order count it). */
  matchCase(text: string): CaseHeading | null
  /** A section heading numbered in the document's own second-level style (`（一）`, `1.`); `1.1` is matchSection's. */
  matchSubsection(text: string): SectionHeading | null
  /** The number of a Markdown `#` heading kept as a case though no case heading; `previous` is the last case's. */
  numberUnmatched(previous: number | undefined): number
  /** The style, as messages name it: `such as “第一章 标题”`. */
  expected: string
}

/** How a source's case headings are read: the config's pattern, and where numbering in order starts. */
export interface CaseHeadingOptions {
  /** `outline.caseHeading`, compiled. */
  caseHeading?: CaseHeadingPattern
  /** The number of the file's first case numbered in order: a folder's later files go on counting. */
  firstCaseNumber?: number
}

/** A line of an outline (either level), or a Markdown heading (`#` is depth 1, `##` depth 2). */
export interface HeadingEntry {
  text: string
  depth?: 1 | 2
}

/** The styles whose level holds the cases, each with the second levels that show it, most likely first. */
const CASE_LEVELS: Array<[HeadingStyle, Array<HeadingStyle | 'sections'>]> = [
  [COMMA, ['sections', PAREN]],
  [CHAPTER, ['sections', ARABIC, COMMA]],
  [PAREN, ['sections']],
  [ARABIC, ['sections']],
  [ARABIC_COMMA, ['sections']],
]

/** What the no-cases message says was looked for: `“一、标题” over “1.1 标题” or “（一）标题”; …`. */
export function describeNumberedStyles(): string {
  const quote = (sub: HeadingStyle | 'sections') => `“${sub === 'sections' ? '1.1 标题' : sub.example}”`
  return CASE_LEVELS.map(([style, subs]) => `“${style.example}” over ${orList(subs.map(quote))}`).join('; ')
}

function orList(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : items[0]
}

/** Today's rules: `案例N` headings, numbered as written. */
const CASE_WORD: CaseHeadingRules = {
  matchCase: (text) => matchCase(text),
  matchSubsection: () => null,
  numberUnmatched: (previous) => (previous ?? 0) + 1,
  expected: 'such as “案例一:标题”',
}

/** The rules for a document whose headings are `entries` (read once, before parsing). */
export function caseHeadingRules(entries: Iterable<HeadingEntry>, options: CaseHeadingOptions = {}): CaseHeadingRules {
  const pattern = options.caseHeading
  const list: HeadingEntry[] = []
  for (const entry of entries) {
    // The usual document: its first 案例 heading settles it, and the rest need not be read.
    if (!pattern && entry.depth !== 2 && matchCase(entry.text)) return CASE_WORD
    list.push(entry)
  }
  const levels = pattern ? [[patternStyle(pattern), ['sections', PAREN, ARABIC, COMMA]] as (typeof CASE_LEVELS)[number]] : CASE_LEVELS
  const lines = classify(list)
  const chosen = chooseLevels(lines, levels) ?? (pattern ? [levels[0][0], 'sections' as const] as const : null)
  if (!chosen) return CASE_WORD
  const [style, sub] = chosen
  return numberedRules(style, sub, style.sequential ? headingsWithSections(list, lines, style, sub) : null, options.firstCaseNumber ?? 1)
}

/** A config pattern as a style; its cases are numbered in order too. */
function patternStyle(pattern: CaseHeadingPattern): HeadingStyle {
  return {
    example: pattern.source,
    named: `matching outline.caseHeading “${pattern.source}”`,
    match(text) {
      const match = matchCaseHeading(pattern, text)
      return match && { ...match, ordinal: null }
    },
  }
}

/**
 * What each entry is, each test made once however many styles ask: the heading it
 * is in a style (a `##` or an intro or conclusion heading is in none), and whether
 * it is a second-level heading in a style (every `##` is one).
 */
function classify(entries: HeadingEntry[]) {
  const frames = entries.map((entry) => entry.depth !== 2 && matchFrame(entry.text) !== null)
  const tops = new Map<HeadingStyle, Array<NumberedHeading | null>>()
  const subs = new Map<HeadingStyle | 'sections', boolean[]>()
  const top = (style: HeadingStyle) => {
    let found = tops.get(style)
    if (!found) tops.set(style, (found = entries.map((entry, index) => (entry.depth === 2 || frames[index] ? null : style.match(entry.text)))))
    return found
  }
  const sub = (level: HeadingStyle | 'sections') => {
    let found = subs.get(level)
    if (!found) subs.set(level, (found = entries.map((entry) => entry.depth === 2 || (entry.depth !== 1 && isSubheading(level, entry.text)))))
    return found
  }
  return { top, sub }
}

type Classified = ReturnType<typeof classify>

/**
 * The case style and second level with the most evidence: headings of the style
 * with a heading of the second level after them, before the next of the style.
 * Ties go to the order of `levels`. Null when no style has any.
 */
function chooseLevels(lines: Classified, levels: typeof CASE_LEVELS): readonly [HeadingStyle, HeadingStyle | 'sections'] | null {
  let best: readonly [HeadingStyle, HeadingStyle | 'sections'] | null = null
  let bestCount = 0
  for (const [style, subs] of levels) {
    const headings = lines.top(style)
    for (const sub of subs) {
      const below = lines.sub(sub)
      let count = 0
      // Whether the last heading of the style still waits for a second-level heading.
      let waiting = false
      for (let index = 0; index < headings.length; index++) {
        if (headings[index]) waiting = true
        else if (waiting && below[index]) {
          count++
          waiting = false
        }
      }
      if (count > bestCount) {
        best = [style, sub]
        bestCount = count
      }
    }
  }
  return best
}

/**
 * The headings of `style` that have a `sub` heading after them before the next of the
 * style: for `1.`, whose numbers numbered lists share, only these are cases, so a list
 * `1. 目标 2. 方法` in the introduction stays a list.
 */
function headingsWithSections(entries: HeadingEntry[], lines: Classified, style: HeadingStyle, sub: HeadingStyle | 'sections'): Set<string> {
  const found = new Set<string>()
  const headings = lines.top(style)
  const below = lines.sub(sub)
  let open: NumberedHeading | null = null
  let openText = ''
  entries.forEach((entry, index) => {
    const heading = headings[index]
    if (heading) {
      open = heading
      openText = entry.text
    } else if (open && below[index]) {
      // `1.3` after `3. 市民满意` (a list item in section 1.2) belongs to case 1, not to it.
      const major = sub === 'sections' ? matchSection(entry.text)?.number?.split('.')[0] : undefined
      if (major === undefined || Number(major) === open.ordinal) found.add(openText)
      open = null
    }
  })
  return found
}

function isSubheading(sub: HeadingStyle | 'sections', text: string): boolean {
  if (sub === 'sections') return matchSection(text) !== null
  const heading = sub.match(text)
  return heading !== null && isHeadingLike(heading)
}

/**
 * Cases in `style`, numbered in order (1-based; the label keeps the number as written),
 * and sections in `sub`, kept with their prefix as written since their number is no `1.1`.
 * `confirmed`, when given, holds the only lines that may be case headings.
 */
function numberedRules(style: HeadingStyle, sub: HeadingStyle | 'sections', confirmed: Set<string> | null, firstNumber: number): CaseHeadingRules {
  let next = firstNumber
  let lastSection = 0
  return {
    expected: style.named ?? `such as “${style.example}”`,
    // It takes its place in the count, so the next case's number is not taken twice.
    numberUnmatched: () => next++,
    matchCase(text) {
      if (matchFrame(text)) return null
      const heading = style.match(text)
      if (!heading) return null
      if (confirmed && !confirmed.has(text)) return null
      lastSection = 0
      return { type: 'case', number: next++, label: heading.label, title: heading.title, titleOffset: heading.titleOffset, ordinal: null }
    },
    matchSubsection(text) {
      if (sub === 'sections') return null
      const heading = sub.match(text)
      if (!heading || !isHeadingLike(heading)) return null
      if (sub.sequential && heading.ordinal !== lastSection + 1) return null
      lastSection = heading.ordinal ?? lastSection + 1
      return { type: 'section', number: null, title: text, titleOffset: 0 }
    },
  }
}
