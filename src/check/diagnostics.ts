/** Messages on files as flat diagnostics, sorted, in the shapes `check` prints. */
import type { VFile } from 'vfile'
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
}

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
