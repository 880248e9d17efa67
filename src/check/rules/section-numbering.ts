/** Section numbers belong to their case (3.2 under case 3) and count up within it. */
import type { Case } from '../../types.js'
import type { Rule } from '../rule-context.js'

/** Reports sections numbered for another case, and repeated or skipped section numbers. */
export const sectionNumbering: Rule = (tree, context) => {
  for (const node of tree.children) {
    if (node.type !== 'case') continue
    checkCase(node, context)
  }
}

function checkCase(node: Case, context: Parameters<Rule>[1]): void {
  let expectedMinor = 1
  for (const section of node.children) {
    if (section.number === null) continue
    const [major, minor] = section.number.split('.').map(Number)
    if (major !== node.number) {
      context.report(`Section ${section.number} is under case ${node.number}; expected ${node.number}.${minor}`, { node: section, owner: node, ruleId: 'section-case-mismatch', severity: 'warning' })
    }
    if (minor !== expectedMinor) {
      context.report(`Section ${section.number} should be numbered ${node.number}.${expectedMinor}`, { node: section, owner: node, ruleId: 'section-number-order', severity: 'warning' })
    }
    expectedMinor = Math.max(expectedMinor, minor) + 1
  }
}
