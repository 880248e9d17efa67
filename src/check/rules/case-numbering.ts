/** Case numbers run 1, 2, 3 … with no gaps, repeats or jumps back. */
import type { Case } from '../../types.js'
import type { Rule } from '../rule-context.js'

/** Reports duplicate (error), out-of-order and missing (warning) case numbers. */
export const caseNumbering: Rule = (tree, context) => {
  const cases = tree.children.filter((node): node is Case => node.type === 'case')
  const seen = new Map<number, Case>()
  let expected = 1
  for (const node of cases) {
    const first = seen.get(node.number)
    if (first) {
      context.report(`Duplicate case number ${node.number}: ${first.label ?? 'case'} “${first.title}” already uses it`, { node, ruleId: 'case-number-duplicate', severity: 'error' })
    } else if (node.number < expected) {
      context.report(`Case ${node.number} is out of order: it comes after case ${expected - 1}`, { node, ruleId: 'case-number-order', severity: 'warning' })
    } else if (node.number > expected && expected === 1) {
      context.report(`The first case is numbered ${node.number}; numbering should start at 1`, { node, ruleId: 'case-number-gap', severity: 'warning' })
    } else if (node.number > expected) {
      const missing = node.number - 1 === expected ? `${expected}` : `${expected}–${node.number - 1}`
      context.report(`Case numbers jump from ${expected - 1} to ${node.number}: case ${missing} is missing`, { node, ruleId: 'case-number-gap', severity: 'warning' })
    }
    seen.set(node.number, first ?? node)
    expected = Math.max(expected, node.number + 1)
  }
}
