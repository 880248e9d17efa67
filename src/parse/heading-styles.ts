/**
 * The ways Chinese reports number their headings without the word 案例: `一、标题`,
 * `（一）标题`, `第一章 标题`, `1. 标题`. Which of them holds a document's cases is
 * decided by what is numbered under it (see detect-case-style.ts).
 */
import { ORDINAL_PATTERN, parseOrdinal } from '../text/chinese-number.js'
import { splitLabel } from './headings.js'

/** A numbered heading: its prefix as written (`一、`), the number in it, the title after it. */
export interface NumberedHeading {
  label: string
  ordinal: number | null
  title: string
  titleOffset: number
}

/** One way of numbering headings. */
export interface HeadingStyle {
  /** How messages show it: `一、标题`. */
  example: string
  /** How messages name it when not by an example (a config pattern). */
  named?: string
  match(text: string): NumberedHeading | null
  /**
   * Its numbers are also those of numbered lists (`1.`). As a case heading it needs
   * sections under it; as a section heading it must continue the count (1, 2, 3 …).
   * Otherwise the line stays a key point.
   */
  sequential?: boolean
}

const CHINESE = '[零〇一二两兩三四五六七八九十百千]+'

/** A style from a pattern whose groups are the prefix, the ordinal in it and the title. */
function style(example: string, pattern: RegExp, sequential = false): HeadingStyle {
  return {
    example,
    sequential,
    match(text) {
      const match = pattern.exec(text)
      if (!match) return null
      const [, label, ordinal, rest] = match
      const title = rest.trim()
      // `一、是数据驱动，二、是……` and `1. 数据驱动:通过……。` are prose and key points, not headings.
      if (/[。！？!?；;，,]$/.test(title) || title.length > 60) return null
      return { label: label.replace(/\s+/g, ''), ordinal: parseOrdinal(ordinal), title, titleOffset: title ? text.length - rest.trimStart().length : text.length }
    },
  }
}

/** `一、标题`. */
export const COMMA = style('一、标题', new RegExp(`^((${CHINESE})\\s*、)\\s*(.*)$`))
/** `1、标题`: a style of its own, so that a list `1、2、` under `一、` headings stays a list. */
export const ARABIC_COMMA = style('1、标题', /^(([0-9０-９]{1,3})\s*、)\s*(.+)$/, true)
/** `（一）标题`; Arabic `(1)` is a key point's mark. */
export const PAREN = style('（一）标题', new RegExp(`^([（(]\\s*(${CHINESE})\\s*[）)])\\s*(.*)$`))
/** `第一章 标题`, `第二部分：标题`; `第一章讲述了……` (no space or colon) is prose. */
export const CHAPTER = style('第一章 标题', new RegExp(`^(第\\s*(${ORDINAL_PATTERN})\\s*(?:章|篇|部分|编|編))(?:\\s*[:：]\\s*|\\s+|$)(.*)$`))
/** `1. 标题`, not `1.1` (a section). */
export const ARABIC = style('1. 标题', /^(([0-9０-９]{1,3})\s*[.．](?![0-9０-９]))\s*(.+)$/, true)

/** A second-level heading must look like a heading: a key point `1. 标签:文字` stays one. */
export function isHeadingLike(heading: NumberedHeading): boolean {
  return heading.title.length > 0 && heading.title.length <= 40 && !splitLabel(heading.title)
}
