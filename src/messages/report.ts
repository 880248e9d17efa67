/** One way to put a content problem on a file, so severities mean the same everywhere. */
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { RuleId } from './rule-ids.js'

/** How bad a content problem is: errors fail a build, warnings fail only `check --strict`. */
export type Severity = 'error' | 'warning' | 'info'

/** Where a problem is, which rule found it and how bad it is: the options of vfile's `file.message`, plus a severity. */
export interface ReportOptions {
  /** The node's position (or point) the problem is at; absent for the whole file. */
  place?: Position
  ruleId: RuleId
  severity: Severity
}

/** Adds a message to `file`, as `file.message(reason, {place, ruleId})` does, with casebook's rule id and severity. */
export function report(file: VFile, reason: string, { place, ruleId, severity }: ReportOptions): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: 'casebook' })
  // vfile encodes severity in `fatal`: true = error, false = warning, undefined = info.
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  return message
}

/** The severity of a message, read back from vfile's encoding. */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}
