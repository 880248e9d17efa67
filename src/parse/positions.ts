/** Line-level positions into a source file, so every node can point back at its text. */
import type { Point as UnistPoint, Position } from 'unist'

/** One physical line of a source file, without its line ending. */
export interface SourceLine {
  /** 1-based line number. */
  line: number
  /** Offset of the line's first character in the file. */
  offset: number
  text: string
}

/**
 * Calls `visit` with each line, accepting LF, CRLF and lone CR endings, and
 * returns the last line. Lines are handed out one at a time rather than
 * collected: 100,000 line objects kept to the end of a parse would outlive
 * the young generation and cost the garbage collector more than the parse.
 */
export function forEachLine(value: string, visit: (source: SourceLine) => void): SourceLine {
  let start = 0
  let line = 1
  // indexOf is several times faster than a regex. Each search result is kept
  // until passed, so a lone CR far ahead is not searched for again and again.
  let newline = value.indexOf('\n')
  let carriage = value.indexOf('\r')
  for (;;) {
    if (newline >= 0 && newline < start) newline = value.indexOf('\n', start)
    if (carriage >= 0 && carriage < start) carriage = value.indexOf('\r', start)
    const end = carriage >= 0 && (newline < 0 || carriage < newline) ? carriage : newline
    if (end < 0) break
    visit({ line, offset: start, text: value.slice(start, end) })
    start = end + (end === carriage && value.charCodeAt(end + 1) === 10 ? 2 : 1)
    line++
  }
  const last = { line, offset: start, text: value.slice(start) }
  visit(last)
  return last
}

/** The point at `index` characters into a line. */
export function pointInLine(source: SourceLine, index: number): UnistPoint {
  return { line: source.line, column: index + 1, offset: source.offset + index }
}

/** The span of `length` characters from `index` in a line. */
export function spanAt(source: SourceLine, index: number, length: number): Position {
  return { start: pointInLine(source, index), end: pointInLine(source, index + length) }
}
