/** What a check rule is given: the tree, its files and options, and a way to report. */
import type { VFile } from 'vfile'
import type { CaseDocument, CaseTreeNode, SectionKind } from '../types.js'
import { report, type Severity } from '../parse/report.js'
import type { RuleId } from './rule-ids.js'

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
  /** Reports a problem at `node`, on the file that node came from. */
  report(owner: { data?: { file?: string } }, node: CaseTreeNode, reason: string, ruleId: RuleId, severity: Severity): void
}

/** Builds the rule context for a document made of `files`. */
export function createRuleContext(files: VFile[], options: CheckOptions): RuleContext {
  return {
    options,
    report(owner, node, reason, ruleId, severity) {
      const file = files.find((candidate) => candidate.path === owner.data?.file) ?? files[0]
      report(file, reason, { place: node.position, ruleId, severity })
    },
  }
}
