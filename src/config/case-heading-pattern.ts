/**
 * `outline.caseHeading`: a regular expression that names a document's case heading
 * style outright. Checked when the config is read, so a typo is a config error
 * naming the key rather than a document with no cases.
 */

/** A compiled case heading pattern: matched at the start of a heading's text. */
export interface CaseHeadingPattern {
  /** The pattern as written in the config, for messages. */
  source: string
  regexp: RegExp
}

/**
 * Compiles `source`, or says what is wrong with it. The `u` flag lets patterns use
 * `\p{Script=Han}`; `y` anchors the match at the start of the line without rewriting
 * the user's pattern (text pasted into a `^(?:…)` wrapper can close it: `a)|(b`);
 * `d` gives where the title starts, so positions stay exact.
 */
export function compileCaseHeading(source: string): { pattern: CaseHeadingPattern } | { problem: string } {
  let regexp: RegExp
  try {
    regexp = new RegExp(source, 'duy')
  } catch (error) {
    // “Invalid regular expression: /…/duy: Unterminated group”: the reason is what helps.
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '')
    return { problem: `“${source}” is not a regular expression: ${reason}` }
  }
  // A pattern with no group could not say where the title is.
  if (new RegExp(`${source}|`, 'u').exec('')!.length < 2) {
    return { problem: `“${source}” has no capture group for the title; put the title in (…) or (?<title>…), as in “^第(.+)部分\\s*(?<title>.+)$”` }
  }
  if (regexp.exec('')) {
    return { problem: `“${source}” matches an empty line, so every line would be a case heading; make it require the heading's prefix` }
  }
  return { pattern: { source, regexp } }
}

/** The parts of a heading the pattern matched: the prefix as written (the label) and the title. */
export interface PatternMatch {
  label: string
  title: string
  titleOffset: number
}

/**
 * Matches `text` (a trimmed line or heading) against `pattern`. The title starts where
 * the named group `title` starts, else the first group, and runs to the end of the
 * text, so nothing after a group that ends early is lost. The label is the text before
 * it, without trailing spaces and colons (`第一部分：标题` has the label `第一部分`).
 */
export function matchCaseHeading(pattern: CaseHeadingPattern, text: string): PatternMatch | null {
  pattern.regexp.lastIndex = 0
  const match = pattern.regexp.exec(text)
  if (!match) return null
  const indices = match.indices!
  // A group that took part in no match (`(a)?`) leaves the rest of the line after the match.
  const start = (indices.groups?.title ?? indices[1])?.[0] ?? match[0].length
  const rest = text.slice(start)
  const title = rest.trim()
  const label = text.slice(0, start).replace(/[\s:：]+$/u, '')
  if (!label && !title) return null
  return { label, title, titleOffset: title ? start + rest.indexOf(title) : text.length }
}
