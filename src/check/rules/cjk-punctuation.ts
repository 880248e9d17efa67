/**
 * Half-width punctuation inside Chinese sentences (`组成部分,它`), and straight quotes around Chinese words
 * (`"水清了"`), each mark at its line:column with its full-width form: the quotation marks of the source's
 * script (“” in a Simplified source, 「」 in a Traditional one).
 */
import type { Rule } from '../rule-context.js'
import { settingOf } from '../rule-context.js'
import { sourceTexts } from '../source-texts.js'
import { punctuationEdits, quotesOf } from '../../text/cjk-typography.js'

/** `cjk-punctuation`: one message per mark, each with the fix `check --fix` makes. */
export const cjkPunctuation: Rule = (tree, context) => {
  const severity = settingOf(context.options, 'cjk-punctuation')
  if (severity === 'off') return
  const quotes = quotesOf(tree.data.lang)
  for (const text of sourceTexts(tree, context.files)) {
    for (const edit of punctuationEdits(text.value, text.before, quotes)) {
      const start = text.offsetOf(edit.index)
      const last = text.offsetOf(edit.index + edit.before.length - 1)
      // A mark the source does not hold as is (a Markdown escape) cannot be pointed at, nor fixed.
      if (start === undefined || last !== start + edit.before.length - 1) continue
      const reason = reasonOf(edit.before, edit.after)
      context.reportFix(reason, { file: text.file, start, end: start + edit.before.length, after: edit.after }, { ruleId: 'cjk-punctuation', severity })
    }
  }
}

/** What the message says: a straight quote, a comma after a space, or a half-width mark. */
function reasonOf(before: string, after: string): string {
  if (before === '"' || before === "'") return `Straight quote “${before}” around Chinese text; write “${after}”`
  if (before.length > 1) return `Half-width “,” after a space in Chinese text; write “${after}” without the space`
  return `Half-width “${before}” in Chinese text; write “${after}”`
}
