/** Half-width punctuation inside Chinese sentences (`组成部分,它`), each mark at its line:column with its full-width form. */
import type { Rule } from '../rule-context.js'
import { settingOf } from '../rule-context.js'
import { sourceTexts } from '../source-texts.js'
import { punctuationEdits } from '../../text/cjk-typography.js'

/** `cjk-punctuation`: one message per mark, each with the fix `check --fix` makes. */
export const cjkPunctuation: Rule = (tree, context) => {
  const severity = settingOf(context.options, 'cjk-punctuation')
  if (severity === 'off') return
  for (const text of sourceTexts(tree, context.files)) {
    for (const edit of punctuationEdits(text.value, text.before)) {
      const start = text.offsetOf(edit.index)
      // A mark the source does not hold as is (a Markdown escape) cannot be pointed at, nor fixed.
      if (start === undefined) continue
      const reason = `Half-width “${edit.before}” in Chinese text; write “${edit.after}”`
      context.reportFix(reason, { file: text.file, start, end: start + edit.before.length, after: edit.after }, { ruleId: 'cjk-punctuation', severity })
    }
  }
}
