/**
 * Markdown that nests without end (thousands of `>` or list levels, runs of
 * thousands of `*`) makes CommonMark parsers slow or overflow the stack.
 * Such input is found by a cheap line scan first and rejected with its place.
 */

/** Deepest blockquote nesting accepted. */
export const MAX_QUOTE_DEPTH = 32
/** Widest indentation accepted (list nesting is indentation). */
export const MAX_INDENT = 128
/** Longest run of one emphasis or bracket character accepted. */
export const MAX_DELIMITER_RUN = 128

/** Where a document goes past a limit, and which. */
export interface LimitExceeded {
  line: number
  column: number
  reason: string
}

/** The first place `value` exceeds a nesting limit, or null. */
export function findExcessiveNesting(value: string): LimitExceeded | null {
  let line = 1
  for (const text of value.split(/\r\n|\n|\r/)) {
    const indent = /^[ \t]*/.exec(text)![0].replace(/\t/g, '    ').length
    if (indent > MAX_INDENT) return { line, column: 1, reason: `indented ${indent} columns (lists nest at most ${MAX_INDENT / 2} levels)` }
    const quotes = /^(?:[ \t]*>)+/.exec(text)?.[0].split('>').length ?? 1
    if (quotes - 1 > MAX_QUOTE_DEPTH) return { line, column: 1, reason: `${quotes - 1} nested blockquotes (at most ${MAX_QUOTE_DEPTH})` }
    const run = /([*_~`[\]])\1{128,}/.exec(text)
    if (run) return { line, column: run.index + 1, reason: `a run of ${run[0].length} “${run[1]}” (at most ${MAX_DELIMITER_RUN})` }
    line++
  }
  return null
}
