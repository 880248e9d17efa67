/**
 * Recognising headings, shared by the outline and Markdown parsers so that
 * both formats accept the same words for the same things.
 */
import type { SectionKind } from '../types.js'
import { ORDINAL_PATTERN, parseOrdinal } from '../text/chinese-number.js'

const ORD = ORDINAL_PATTERN
const COLON = '[:：]'

// Simplified and Traditional forms, then English.
const INTRO_WORDS = '引言|前言|概述|导言|导论|绪论|序言|简介|引子|導言|導論|緒論|簡介|introduction|overview|preface|foreword'
const CONCLUSION_WORDS =
  '结论|结语|总结|小结|结束语|总结与展望|结论与展望|結論|結語|總結|小結|結束語|總結與展望|結論與展望|conclusions?|summary|closing remarks'

// An optional outline ordinal before intro/conclusion words, in any style cases are numbered in: `一、引言`, `（五）结语`, `第一章 引言`.
const LEADING_ORDINAL = `(?:(?:${ORD})\\s*[、.．]\\s*|[（(]\\s*(?:${ORD})\\s*[）)]\\s*|第\\s*(?:${ORD})\\s*(?:章|篇|部分|编|編)(?:\\s*${COLON}\\s*|\\s+))?`

const INTRO = new RegExp(`^${LEADING_ORDINAL}(${INTRO_WORDS})\\s*${COLON}?$`, 'i')
const CONCLUSION = new RegExp(`^${LEADING_ORDINAL}(${CONCLUSION_WORDS})\\s*${COLON}?$`, 'i')

// `一、案例一:上海` / `案例12：上海` / `Case 3: Shanghai`.
const CASE = new RegExp(
  `^(?:(${ORD})\\s*[、.．]\\s*)?((?:案例|case\\s*)(${ORD}))(?:\\s*${COLON}\\s*|\\s+|$)(.*)$`,
  'i',
)

// `1.1 案例背景`, `1．1、案例背景`, `12.4 Lessons`. No space after the dot: `2. 1 个平台统筹` is step 2 of a list.
const SECTION = new RegExp(`^([0-9０-９]+)\\s*[.．]([0-9０-９]+)(\\s*[、.．]?\\s+|、|[.．])?(.+)$`)

// A bare section word on its own line: `案例背景`, `【案例分析】`.
const BARE_SECTION = /^[【[〔]?\s*((?:案例)?(?:背景|分析|启示|启发|啟示|啟發))\s*[】\]〕]?$/

/** A heading, as recognised from the text of one line or one Markdown heading. */
export type Heading =
  | { type: 'intro'; title: string }
  | { type: 'conclusion'; title: string }
  | { type: 'case'; number: number; label: string; title: string; titleOffset: number; ordinal: number | null }
  | { type: 'section'; number: string | null; title: string; titleOffset: number }

/** Intro or conclusion heading: the keyword as written, or null. */
export function matchFrame(text: string): Heading | null {
  const intro = INTRO.exec(text)
  if (intro) return { type: 'intro', title: intro[1] }
  const conclusion = CONCLUSION.exec(text)
  if (conclusion) return { type: 'conclusion', title: conclusion[1] }
  return null
}

/** Case heading such as `二、案例二:杭州“城市大脑”`. */
export function matchCase(text: string): Extract<Heading, { type: 'case' }> | null {
  const match = CASE.exec(text)
  if (!match) return null
  const number = parseOrdinal(match[3])
  if (number === null) return null
  return {
    type: 'case',
    number,
    label: match[2].replace(/\s+/g, ' '),
    title: match[4].trim(),
    titleOffset: text.length - match[4].trimStart().length,
    ordinal: match[1] ? parseOrdinal(match[1]) : null,
  }
}

/** Section heading `1.1 title`, or a bare section word. Sentences like `2.5亿人受益。` are not headings. */
export function matchSection(text: string): Extract<Heading, { type: 'section' }> | null {
  const match = SECTION.exec(text)
  if (match) {
    const [, major, minor, separator, rest] = match
    const title = rest.trim()
    if (/^[0-9０-９%％]/.test(title)) return null
    // Without a separator, `2.5亿人受益。` is a sentence about a number, not a heading.
    const looksLikeSentence = /[。！？!?；;,，]$/.test(title) || title.length > 40
    if (looksLikeSentence && (!separator || title.length > 40)) return null
    return {
      type: 'section',
      number: `${toAscii(major)}.${toAscii(minor)}`,
      title,
      titleOffset: text.length - rest.trimStart().length,
    }
  }
  const bare = BARE_SECTION.exec(text)
  if (bare) return { type: 'section', number: null, title: bare[1], titleOffset: text.indexOf(bare[1]) }
  return null
}

const KIND_WORDS: Array<[SectionKind, RegExp]> = [
  ['background', /背景|基本情况|基本情況|概况|简介|现状|概況|簡介|現狀|background|context|overview|situation/i],
  ['analysis', /分析|做法|举措|措施|亮点|舉措|亮點|analysis|approach|measures|discussion|findings|practices|key points/i],
  ['insight', /启示|启发|经验|借鉴|意义|啟示|啟發|經驗|借鑒|借鑑|意義|insights?|lessons?|takeaways?|implications?/i],
]

/** The kind of a section, from the words of its title. */
export function sectionKind(title: string): SectionKind {
  for (const [kind, pattern] of KIND_WORDS) if (pattern.test(title)) return kind
  return 'other'
}

// `label:text`: a short label with no sentence punctuation, not a URL scheme or a time.
const LABELLED = /^([^:：，,。；;！!？?]{1,30}?)\s*[:：](?!\/\/)\s*([^]*)$/

/** Splits `label:text` into its label and text; `restIndex` is where the text starts. */
export function splitLabel(text: string): { label: string; rest: string; restIndex: number } | null {
  const match = LABELLED.exec(text)
  if (!match || !match[2] || /^[0-9０-９]+$/.test(match[1])) return null
  // `10:30` is a time, not a label.
  if (/[0-9０-９]$/.test(match[1]) && /^[0-9０-９]/.test(match[2])) return null
  return { label: match[1], rest: match[2], restIndex: text.length - match[2].length }
}

const ORDINAL_COMMA = new RegExp(`^(?:${ORD})\\s*、`)
const CHAPTER = new RegExp(`^第\\s*(?:${ORD})\\s*(?:章|篇|部分|编|編)(?:\\s|[:：]|$)`)

/** True for lines that look like a heading but match no heading form, so the user hears about them. */
export function looksLikeHeading(text: string): boolean {
  return (
    ORDINAL_COMMA.test(text) ||
    CHAPTER.test(text) ||
    /^案例\s*\S/.test(text) ||
    /^[0-9０-９]+([.．][0-9０-９]+){2,}/.test(text) ||
    /^#{1,6}\s/.test(text)
  )
}

function toAscii(digits: string): string {
  return digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
}
