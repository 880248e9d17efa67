/** Every case should have the sections a briefing expects (configurable: `check.expectedSections`). */
import type { Rule } from '../rule-context.js'

/** Reports cases that lack a section of an expected kind. */
export const expectedSections: Rule = (tree, context) => {
  const expected = context.options.expectedSections
  if (expected.length === 0) return
  for (const node of tree.children) {
    if (node.type !== 'case' || node.children.length === 0) continue
    const kinds = new Set(node.children.map((section) => section.kind))
    const missing = expected.filter((kind) => !kinds.has(kind))
    if (missing.length > 0) {
      context.report(`${node.label ?? 'Case'} “${node.title}” has no ${missing.join(', ')} section`, { node, ruleId: 'missing-section', severity: 'warning' })
    }
  }
}
