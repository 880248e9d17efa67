/** What a check rule is given: the tree, its files and options, and a way to report. */
import type { VFile } from 'vfile'
import type { CaseDocument, CaseTreeNode, SectionKind } from '../types.js'
import { report, type Severity } from '../messages/report.js'
import type { RuleId } from '../messages/rule-ids.js'

/** Options that tune the rules, from the config's `check` key. */
export interface CheckOptions {
  /** Section kinds every case should have; empty to check none. */
  expectedSections: SectionKind[]
}

/** A check rule: reads the tree and reports problems. Rules never change the tree. */
export type Rule = (tree: CaseDocument, context: RuleContext) => void

/** The context handed to every rule. */
export interface RuleContext {
  options: CheckOptions
  /** Reports a problem at `node`, on the file its owner (the node itself unless given) came from. */
  report(reason: string, options: RuleReportOptions): void
}

/** Where a rule's problem is, which rule found it and how bad it is. */
export interface RuleReportOptions {
  /** The node the problem is at. */
  node: CaseTreeNode
  /** The node that knows its source file (a case for its sections); `node` when absent. */
  owner?: { data?: { file?: string } }
  ruleId: RuleId
  severity: Severity
}

/** Builds the rule context for a document made of `files`. */
export function createRuleContext(files: VFile[], options: CheckOptions): RuleContext {
  return {
    options,
    report(reason, { node, owner, ruleId, severity }) {
      const from = owner ?? (node as { data?: { file?: string } })
      const file = files.find((candidate) => candidate.path === from.data?.file) ?? files[0]
      report(file, reason, { place: node.position, ruleId, severity })
    },
  }
}
