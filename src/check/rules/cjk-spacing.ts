/**
 * The space between Chinese and Latin letters or digits, as `check.spacing` asks: `space` reports
 * a missing one (`在2023年`), `none` a written one (`在 2023 年`), for a renderer that spaces them itself.
 */
import type { Rule } from '../rule-context.js'
import { settingOf } from '../rule-context.js'
import { sourceTexts } from '../source-texts.js'
import { spacingEdits } from '../../text/cjk-typography.js'

/** `cjk-spacing`: one message per place, each with the fix `check --fix` makes. */
export const cjkSpacing: Rule = (tree, context) => {
  const severity = settingOf(context.options, 'cjk-spacing')
  if (severity === 'off') return
  const spacing = context.options.spacing ?? 'space'
  for (const text of sourceTexts(tree, context.files)) {
    for (const edit of spacingEdits(text.value, spacing)) {
      const start = text.offsetOf(edit.index) ?? (edit.index > 0 ? add(text.offsetOf(edit.index - 1), 1) : undefined)
      if (start === undefined) continue
      const reason = spacing === 'space' ? 'No space between Chinese and Latin text; write one (check.spacing: space)' : 'Space between Chinese and Latin text; leave it out (check.spacing: none)'
      context.reportFix(reason, { file: text.file, start, end: start + edit.before.length, after: edit.after }, { ruleId: 'cjk-spacing', severity })
    }
  }
}

function add(offset: number | undefined, by: number): number | undefined {
  return offset === undefined ? undefined : offset + by
}
