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

/** Splits text into lines, accepting LF, CRLF and lone CR endings. */
export function splitLines(value: string): SourceLine[] {
  const lines: SourceLine[] = []
  const pattern = /\r\n|\n|\r/g
  let start = 0
  let line = 1
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    lines.push({ line, offset: start, text: value.slice(start, match.index) })
    start = match.index + match[0].length
    line++
  }
  lines.push({ line, offset: start, text: value.slice(start) })
  return lines
}

/** The point at `index` characters into a line. */
export function pointAt(source: SourceLine, index: number): UnistPoint {
  return { line: source.line, column: index + 1, offset: source.offset + index }
}

/** The span of `length` characters from `index` in a line. */
export function spanAt(source: SourceLine, index: number, length: number): Position {
  return { start: pointAt(source, index), end: pointAt(source, index + length) }
}
