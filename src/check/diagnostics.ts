/** Messages on files as flat diagnostics, sorted, in the shapes `check` prints. */
import { relative } from 'node:path'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { severityOf, type Severity } from '../messages/report.js'

/** One problem, as `check --reporter json` prints it. */
export interface Diagnostic {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: Severity
  ruleId: string
  message: string
  /** How many marks of a counted rule this message stands for (a build's, with `countMarks`); absent, one. */
  count?: number
}

/** A message that stands for `count` marks of its counted rule (`CheckOptions.countMarks`). */
export type CountedMessage = VFileMessage & { count?: number }

/** All messages of `files`, in file order then source order. */
export function collectDiagnostics(files: VFile[]): Diagnostic[] {
  return files.flatMap((file) =>
    file.messages
      .map((message): Diagnostic => {
        const start = message.place && 'start' in message.place ? message.place.start : message.place
        const end = message.place && 'end' in message.place ? message.place.end : start
        return {
          // A message about something beside the file (a folder's skipped subfolder) names that instead.
          file: message.file || file.path || '<input>',
          line: start?.line ?? 1,
          column: start?.column ?? 1,
          endLine: end?.line ?? start?.line ?? 1,
          endColumn: end?.column ?? start?.column ?? 1,
          severity: severityOf(message),
          ruleId: message.ruleId ?? 'unknown',
          message: message.reason,
          ...((message as CountedMessage).count ? { count: (message as CountedMessage).count } : {}),
        }
      })
      .sort((a, b) => a.line - b.line || a.column - b.column),
  )
}

/** `file:line:column severity message ruleId`, one line per diagnostic. */
export function formatDiagnostics(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} ${d.ruleId}`).join('\n')
}

/** True when any file has an error. */
export function hasErrors(files: VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true))
}

/** True when any file has an error or a warning. */
export function hasWarnings(files: VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal !== undefined && message.fatal !== null))
}

/** True for a rule that finds one problem per mark or space, whose messages a build counts. */
export function isCounted(ruleId: string): boolean {
  return COUNTED[ruleId] !== undefined
}

/** Rules that find one problem per mark or space: a build says how many there are, per file, and `check` lists them. */
const COUNTED: Readonly<Record<string, { noun: (count: number) => string; fix: string }>> = {
  'cjk-punctuation': { noun: (count) => `${count} half-width punctuation marks in Chinese text`, fix: 'makes them full-width' },
  'cjk-spacing': { noun: (count) => `${count} places where the space between Chinese and Latin text is not as check.spacing asks`, fix: 'spaces them so' },
}

/**
 * `diagnostics` with each file's messages of a counted rule (cjk-punctuation, cjk-spacing) made one, at
 * the first of them, that says how many there are and how to see and fix them: a build's output
 * should not be fifty lines of commas. The severity is the worst of them.
 */
export function summarizeCounted(diagnostics: Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>()
  for (const diagnostic of diagnostics) {
    if (!COUNTED[diagnostic.ruleId]) continue
    const key = `${diagnostic.file}\u0000${diagnostic.ruleId}`
    // Pushed, not copied: a 10,000-case document has 100,000 of them, and copying the group each time took a minute.
    const group = groups.get(key)
    if (group) group.push(diagnostic)
    else groups.set(key, [diagnostic])
  }
  const firsts = new Map([...groups.values()].map((group) => [group[0]!, group]))
  const rank = { error: 2, warning: 1, info: 0 } as const
  return diagnostics.flatMap((diagnostic) => {
    if (!COUNTED[diagnostic.ruleId]) return [diagnostic]
    const group = firsts.get(diagnostic)
    const count = group?.reduce((sum, each) => sum + (each.count ?? 1), 0) ?? 0
    if (!group || count === 1) return group ? [diagnostic] : []
    const { noun, fix } = COUNTED[diagnostic.ruleId]!
    const severity = group.reduce((worst, each) => (rank[each.severity] > rank[worst] ? each.severity : worst), diagnostic.severity)
    // The commands as the user would type them here: the build resolved the path.
    const file = relative(process.cwd(), diagnostic.file) || diagnostic.file
    const { count: _count, ...first } = diagnostic
    return [{ ...first, severity, message: `${noun(count)}, the first here; casebook check ${file} lists them, casebook check --fix ${file} ${fix}` }]
  })
}
