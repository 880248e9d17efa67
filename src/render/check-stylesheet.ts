/**
 * A user's stylesheet read by a maintained CSS parser (lightningcss, the one in browsers' own
 * tool chains): a syntax error makes a browser drop a rule or the rest of a block without a word,
 * so the PDF loses styles the HTML preview seemed to have. Only read, never rewritten: the page
 * gets the stylesheet as written.
 */
import { transform } from 'lightningcss'

/** One thing a browser would read otherwise than written. */
export interface StylesheetProblem {
  line: number
  column: number
  message: string
}

/** The syntax problems of `text` (the file `path`), each at its line and column. */
export function checkStylesheet(text: string, path: string): StylesheetProblem[] {
  try {
    const { warnings } = transform({ filename: path, code: Buffer.from(text), errorRecovery: true, minify: false })
    return warnings.map((warning) => ({ line: warning.loc.line, column: warning.loc.column, message: `CSS: ${warning.message}; a browser skips what follows up to the end of the rule or block` }))
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc
    return [{ line: loc?.line ?? 1, column: loc?.column ?? 1, message: `CSS: ${(error as Error).message}` }]
  }
}
