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
      context.report(node, node, `Duplicate case number ${node.number}: ${first.label ?? 'case'} “${first.title}” already uses it`, 'case-number-duplicate', 'error')
    } else if (node.number < expected) {
      context.report(node, node, `Case ${node.number} is out of order: it comes after case ${expected - 1}`, 'case-number-order', 'warning')
    } else if (node.number > expected && expected === 1) {
      context.report(node, node, `The first case is numbered ${node.number}; numbering should start at 1`, 'case-number-gap', 'warning')
    } else if (node.number > expected) {
      const missing = node.number - 1 === expected ? `${expected}` : `${expected}–${node.number - 1}`
      context.report(node, node, `Case numbers jump from ${expected - 1} to ${node.number}: case ${missing} is missing`, 'case-number-gap', 'warning')
    }
    seen.set(node.number, first ?? node)
    expected = Math.max(expected, node.number + 1)
  }
}
