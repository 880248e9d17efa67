/** What a check rule is given: the tree, its files and options, and a way to report. */
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { isCounted, type CountedMessage } from './diagnostics.js'
import type { CaseDocument, CaseTreeNode, SectionKind } from '../types.js'
import { report, type Severity } from '../messages/report.js'
import type { RuleId } from '../messages/rule-ids.js'
import type { CjkSpacing } from '../text/cjk-typography.js'
import { locate } from '../text/locate.js'

/** A configurable rule's severity, or `off`. */
export type RuleSetting = Severity | 'off'

/** Options that tune the rules, from the config's `check` key. */
export interface CheckOptions {
  /** Section kinds every case should have; empty to check none. */
  expectedSections: SectionKind[]
  /** The severity of the rules that can be tuned (`check.rules`), or `off`; absent, each rule's default. */
  rules?: Partial<Record<ConfigurableRule, RuleSetting>>
  /** What `cjk-spacing` asks for between Chinese and Latin letters or digits (`check.spacing`). */
  spacing?: CjkSpacing
  /**
   * Counts a file's marks of a counted rule (cjk-punctuation, cjk-spacing) on its first message
   * instead of a message each: a build says how many there are, and `check` lists them. A 1,000-case
   * document has ~7,000 such marks, whose messages cost a build ~60 ms (10 %).
   */
  countMarks?: boolean
}

/** The rules whose severity `check.rules` sets, with their defaults. */
export const RULE_DEFAULTS = { 'cjk-punctuation': 'warning', 'cjk-spacing': 'off' } as const satisfies Partial<Record<RuleId, RuleSetting>>
/** A rule `check.rules` can tune. */
export type ConfigurableRule = keyof typeof RULE_DEFAULTS

/** The severity `options` give `rule`, or `off`. */
export function settingOf(options: CheckOptions, rule: ConfigurableRule): RuleSetting {
  return options.rules?.[rule] ?? RULE_DEFAULTS[rule]
}

/** A fix a rule can make: the source's characters from `start` to `end` (offsets) become `after`. */
export interface SourceFix {
  file: VFile
  start: number
  end: number
  after: string
}

/** A check rule: reads the tree and reports problems. Rules never change the tree. */
export type Rule = (tree: CaseDocument, context: RuleContext) => void

/** The context handed to every rule. */
export interface RuleContext {
  options: CheckOptions
  /** Reports a problem at `node`, on the file its owner (the node itself unless given) came from. */
  report(reason: string, options: RuleReportOptions): void
  /** The document's files, for rules that read the source text itself. */
  files: VFile[]
  /**
   * Reports a problem at exact source offsets with the fix `check --fix` makes: the message
   * carries what is written (`actual`) and what belongs there (`expected`), and its place the offsets.
   */
  reportFix(reason: string, fix: SourceFix, options: { ruleId: RuleId; severity: Severity }): void
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
  // With countMarks: each file's first message of each counted rule, which counts the rest.
  const firstOfRule = new Map<VFile, Map<RuleId, CountedMessage>>()
  return {
    options,
    report(reason, { node, owner, ruleId, severity }) {
      const from = owner ?? (node as { data?: { file?: string } })
      const file = files.find((candidate) => candidate.path === from.data?.file) ?? files[0]
      report(file, reason, { place: node.position, ruleId, severity })
    },
    files,
    reportFix(reason, { file, start, end, after }, { ruleId, severity }) {
      const first = options.countMarks && isCounted(ruleId) ? firstOfRule.get(file)?.get(ruleId) : undefined
      if (first) {
        first.count = (first.count ?? 1) + 1
        return
      }
      const point = locate(file)
      // A message is an Error, whose stack trace (of no use for a comma at 2:17) was most of the cost of thousands of them.
      const limit = Error.stackTraceLimit
      Error.stackTraceLimit = 0
      let message: VFileMessage
      try {
        message = report(file, reason, { place: { start: point(start), end: point(end) }, ruleId, severity })
      } finally {
        Error.stackTraceLimit = limit
      }
      message.actual = String(file.value).slice(start, end)
      message.expected = [after]
      if (options.countMarks && isCounted(ruleId)) {
        if (!firstOfRule.has(file)) firstOfRule.set(file, new Map())
        firstOfRule.get(file)!.set(ruleId, message)
      }
    },
  }
}
