/**
 * Diagnostics as GitHub Actions workflow commands, so a pull request shows them on its lines:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<ruleId>::message`, as ESLint's and
 * markdownlint-cli2's GitHub formatters write them. Escaped as GitHub's toolkit escapes them.
 */
import { isAbsolute, relative, sep } from 'node:path'
import type { Diagnostic } from './diagnostics.js'

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const

/** One annotation line per diagnostic, paths relative to `root` (the repository's checkout). */
export function formatGithubAnnotations(diagnostics: Diagnostic[], root: string): string {
  return diagnostics
    .map((d) => {
      const file = isAbsolute(d.file) ? relative(root, d.file).split(sep).join('/') : d.file
      const properties = [`file=${property(file)}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${property(d.ruleId)}`]
      return `::${COMMAND[d.severity]} ${properties.join(',')}::${data(d.message)}`
    })
    .join('\n')
}

/** A message: `%`, CR and LF escaped (@actions/core's escapeData). */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** A property value: also `:` and `,`, which separate properties (@actions/core's escapeProperty). */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
