/**
 * Lines of text as Chromium lays them out on a slide: the font's real advances (font-metrics.ts),
 * breaks where the Unicode line breaking algorithm allows them (UAX #14, the `linebreak` package:
 * CJK anywhere except before closing or after opening punctuation, Latin at spaces and hyphens),
 * spaces at a line's end hanging, and a word too long for a line broken between characters
 * (`overflow-wrap`). Kerning is left out, which can only make a line measure a little wider than
 * it is, never narrower.
 */
import LineBreaker from 'linebreak'
import type { FontMetrics } from './font-metrics.js'

/**
 * The share of a line kept free. Browsers round glyph positions differently (full Chromium on
 * Linux set a line the headless shell fits, 0.3 % wider, on to a second line), and a deck is
 * shown in whatever browser the presenter has: a line this close to full is taken as full.
 */
const LINE_SLACK = 0.015

/** How a text is set: size in px, bold or not, letter-spacing in em. */
export interface TextFont {
  size: number
  bold?: boolean
  spacing?: number
}

/** Measures and breaks text for one deck. */
export class TextMeasure {
  private readonly cache = new Map<string, string[]>()

  constructor(private readonly metrics: FontMetrics) {}

  /** Width in px of `text` (spaces included) in `font`, after `before` (the code point set just before it, for autospace). */
  width(text: string, font: TextFont, before = 0): number {
    let ems = 0
    let count = 0
    let previous = before
    for (let index = 0; index < text.length; index++) {
      const code = text.codePointAt(index)!
      if (code > 0xffff) index++
      ems += (this.metrics.advance(code, Boolean(font.bold)) ?? fallbackAdvance(code)) + autospace(previous, code)
      previous = code
      count++
    }
    return (ems + count * (font.spacing ?? 0)) * font.size
  }

  /**
   * `text`, its white space collapsed, as the lines a box `width` px wide shows; the first line
   * starts `indent` px in (an inline label before it). Joined, the lines are the collapsed text.
   */
  lines(text: string, width: number, font: TextFont, indent = 0): string[] {
    const key = `${width}\u0000${indent}\u0000${font.size}\u0000${font.bold ? 1 : 0}\u0000${font.spacing ?? 0}\u0000${text}`
    let lines = this.cache.get(key)
    if (!lines) {
      lines = this.breakLines(text.replace(/\s+/g, ' ').trim(), width * (1 - LINE_SLACK), font, indent)
      this.cache.set(key, lines)
    }
    return lines
  }

  /** How many lines `text` takes (at least one). */
  count(text: string, width: number, font: TextFont, indent = 0): number {
    return this.lines(text, width, font, indent).length
  }

  private breakLines(text: string, width: number, font: TextFont, indent: number): string[] {
    if (!text) return ['']
    const lines: string[] = []
    let line = ''
    let used = 0
    let room = width - indent
    const breaker = new LineBreaker(text)
    let start = 0
    for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
      let segment = text.slice(start, found.position)
      start = found.position
      // Spaces at the end of a line hang past its edge, so they never decide a break.
      const before = line ? line.codePointAt(line.length - 1 - (isLowSurrogate(line, line.length - 1) ? 1 : 0))! : 0
      if (used + this.width(segment.trimEnd(), font, before) <= room) {
        line += segment
        used += this.width(segment, font, before)
        continue
      }
      if (line) {
        lines.push(line)
        line = ''
        used = 0
        room = width
      }
      // A word wider than the whole line is broken between characters.
      while (this.width(segment.trimEnd(), font) > room) {
        const piece = this.longestPrefix(segment, room, font)
        lines.push(piece)
        segment = segment.slice(piece.length)
        room = width
      }
      line = segment
      used = this.width(segment, font)
    }
    if (line) lines.push(line)
    return lines
  }

  /** The longest prefix of `text` at most `room` px wide; at least one character. */
  private longestPrefix(text: string, room: number, font: TextFont): string {
    let end = 0
    let used = 0
    let previous = 0
    while (end < text.length) {
      const code = text.codePointAt(end)!
      const next = end + (code > 0xffff ? 2 : 1)
      used += this.width(text.slice(end, next), font, previous)
      previous = code
      if (used > room && end > 0) break
      end = next
    }
    return text.slice(0, end)
  }
}

const IDEOGRAPH = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u
const ALPHANUMERIC = /[\p{L}\p{Nd}]/u

/**
 * The space `text-autospace: normal` puts between an ideograph and a Latin letter or digit
 * (slides.css sets it on screen): an eighth of an em, which can wrap a line the fonts alone would not.
 */
function autospace(previous: number, next: number): number {
  if (previous === 0) return 0
  const a = String.fromCodePoint(previous)
  const b = String.fromCodePoint(next)
  const ideographA = IDEOGRAPH.test(a)
  const ideographB = IDEOGRAPH.test(b)
  if (ideographA === ideographB) return 0
  return (ideographA ? ALPHANUMERIC.test(b) : ALPHANUMERIC.test(a)) ? 0.125 : 0
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code >= 0xdc00 && code <= 0xdfff
}

/** A character none of the slide's fonts has: the browser takes another font; CJK and symbols as 1 em, others as 0.6. */
function fallbackAdvance(code: number): number {
  return code >= 0x2e80 || (code >= 0x2000 && code <= 0x2bff) ? 1 : 0.6
}
