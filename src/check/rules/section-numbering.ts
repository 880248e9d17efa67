/** Section numbers belong to their case (3.2 under case 3) and count up within it. */
import type { Case } from '../../types.js'
import type { Rule } from '../rule-context.js'
import { ORDINAL_PATTERN, parseOrdinal } from '../../text/chinese-number.js'

const LABEL_ORDINAL = new RegExp(ORDINAL_PATTERN)

/** Reports sections numbered for another case, and repeated or skipped section numbers. */
export const sectionNumbering: Rule = (tree, context) => {
  for (const node of tree.children) {
    if (node.type !== 'case') continue
    checkCase(node, context)
  }
}

function checkCase(node: Case, context: Parameters<Rule>[1]): void {
  const written = writtenNumber(node)
  let expectedMinor = 1
  for (const section of node.children) {
    if (section.number === null) continue
    const [major, minor] = section.number.split('.').map(Number)
    if (major !== written) {
      context.report(`Section ${section.number} is under case ${written}; expected ${written}.${minor}`, { node: section, owner: node, ruleId: 'section-case-mismatch', severity: 'warning' })
    }
    if (minor !== expectedMinor) {
      context.report(`Section ${section.number} should be numbered ${written}.${expectedMinor}`, { node: section, owner: node, ruleId: 'section-number-order', severity: 'warning' })
    }
    expectedMinor = Math.max(expectedMinor, minor) + 1
  }
}

/**
 * The case's number as its heading writes it: `二、上海` after `一、引言` is the first
 * case but writes 2, and so do its sections (`2.1`). `案例二` is case 2 either way.
 */
function writtenNumber(node: Case): number {
  const ordinal = node.label === null ? null : LABEL_ORDINAL.exec(node.label)
  return (ordinal && parseOrdinal(ordinal[0])) ?? node.number
}
