/** Cases without sections and sections without text are almost always editing slips. */
import type { Rule } from '../rule-context.js'

/** Reports empty cases, sections, introductions and conclusions. */
export const emptyContent: Rule = (tree, context) => {
  for (const node of tree.children) {
    if (node.type !== 'case') {
      if (node.children.length === 0) context.report(`The ${node.type} “${node.title ?? ''}” is empty`, { node, ruleId: `empty-${node.type}`, severity: 'warning' })
      continue
    }
    if (node.children.length === 0) {
      context.report(`${node.label ?? 'Case'} “${node.title}” has no sections`, { node, ruleId: 'empty-case', severity: 'warning' })
    }
    for (const section of node.children) {
      if (section.children.length === 0) {
        context.report(`Section ${section.number ?? ''} “${section.title}” is empty`.replace('  ', ' '), { node: section, owner: node, ruleId: 'empty-section', severity: 'warning' })
      }
    }
  }
}
