/** `casebook check INPUT...`: each input is its own document; `--fix` rewrites what the rules can fix. */
import { relative } from 'node:path'
import { applyFixes, type FileFixes } from '../../check/apply-fixes.js'
import { collectDiagnostics, hasErrors, hasWarnings, type Diagnostic } from '../../check/diagnostics.js'
import { findConfig, loadConfig } from '../../config/load-config.js'
import { UsageError } from '../../errors.js'
import { availableLocales, describeLocales, matchLocale } from '../../config/locale-code.js'
import { templateDirs } from '../../config/template-dirs.js'
import { loadDocument } from '../../load-document.js'
import { checkGlyphCoverage } from '../../check/glyph-coverage.js'
import { packCoverages } from '../../render/shared/font-coverage.js'
import { report } from '../../messages/report.js'
import { isMarkdown } from '../../parse/source-names.js'
import type { ParsedDocument } from '../../types.js'
import { checkTranslations } from '../../locale/check-translations.js'
import { defaultReporter, formatReport, type Reporter } from '../reporter.js'

interface CheckCliOptions {
  /** Unset: annotations under GitHub Actions, else text. */
  reporter?: Reporter
  strict?: boolean
  config?: string
  /** Rewrite the sources with the fixes the rules can make, then check again. */
  fix?: boolean
  /** With --fix: print the fixes, change nothing. */
  dryRun?: boolean
}

/**
 * Checks each input, prints its diagnostics, and sets exit code 1 on errors (or warnings with --strict).
 * With --fix, first makes the rules' fixes in the files (printing each), then checks again: the exit
 * code is that of what is left. With --dry-run too, prints the fixes and checks the files as they are.
 */
export async function check(inputs: string[], options: CheckCliOptions): Promise<void> {
  if (options.dryRun && !options.fix) throw new UsageError('--dry-run goes with --fix: casebook check --fix --dry-run INPUT... prints the fixes without making them')
  const reporter = options.reporter ?? defaultReporter()
  const diagnostics: Diagnostic[] = []
  let failed = false
  for (const input of inputs) {
    const config = await loadConfig(await findConfig(options.config, input))
    const load = () => loadDocument(input, { check: config.check, caseHeading: config.outline.caseHeading, maxImageBytes: config.images.maxBytes })
    let document = await load()
    if (options.fix) {
      const fixed = await applyFixes(document.files, { dryRun: options.dryRun })
      // What was fixed goes beside the report: on stdout for text, on stderr when stdout carries JSON or annotations.
      ;(reporter === 'text' ? process.stdout : process.stderr).write(describeFixes(fixed, options.dryRun === true))
      if (!options.dryRun && fixed.some((file) => file.changes.length > 0)) document = await load()
    }
    const dirs = templateDirs(config.templatesDir)
    if (!config.locales) warnUncataloguedLang(document, dirs)
    if (!hasErrors(document.files)) await checkGlyphCoverage(document, await packCoverages(document, config.brand, packLocales(document, config.locales, dirs), dirs))
    // Translations beside the input are checked against it, so a changed case is noticed before a build.
    const files = [...document.files, ...(await checkTranslations(document, input))]
    diagnostics.push(...collectDiagnostics(files))
    failed ||= options.strict ? hasWarnings(files) : hasErrors(files)
  }
  if (reporter === 'json' || diagnostics.length > 0) process.stdout.write(formatReport(diagnostics, reporter) + '\n')
  process.exitCode = failed ? 1 : 0
}

/**
 * A front matter `lang` with no catalog: `build` without `--locale` or `locales:` refuses it (a
 * pack in the document's own language needs that language's labels), so `check` says so first,
 * at the line, as a warning: `build --locale en` still builds it.
 */
function warnUncataloguedLang(document: ParsedDocument, dirs: string[]): void {
  const lang = document.tree.data.lang
  const available = availableLocales(dirs)
  if (matchLocale(lang, available)) return
  for (const file of document.files.filter((each) => isMarkdown(each.path))) {
    const at = /^lang[ \t]*:/m.exec(String(file.value))
    if (!at) continue
    const line = String(file.value).slice(0, at.index).split('\n').length
    report(file, `Front matter lang: there is no catalog for ${lang}, so casebook build without --locale (or the config's locales) refuses it; ${describeLocales(available)}`, { place: { start: { line, column: 1 }, end: { line, column: 1 } }, ruleId: 'front-matter', severity: 'warning' })
  }
}

/** `fixed content/cases.txt:2:17 “,” → “，” cjk-punctuation`, one line a change, and a line per file left alone. */
function describeFixes(files: FileFixes[], dryRun: boolean): string {
  const verb = dryRun ? 'would fix' : 'fixed'
  const lines: string[] = []
  for (const file of files) {
    const shown = relative(process.cwd(), file.path) || file.path
    if (file.skipped) lines.push(`not fixed ${shown}: ${file.skipped}`)
    for (const change of file.changes) lines.push(`${verb} ${shown}:${change.line}:${change.column} “${change.before}” → “${change.after}” ${change.ruleId}`)
  }
  const count = files.reduce((sum, file) => sum + file.changes.length, 0)
  const changed = files.filter((file) => file.changes.length > 0).length
  lines.push(count === 0 ? 'nothing to fix' : `${verb} ${count} in ${changed} file${changed === 1 ? '' : 's'}${dryRun ? '; nothing was changed' : ''}`)
  return lines.join('\n') + '\n'
}

/** The packs a build of `document` would make: the config's locales, else its own language's (if a catalog has it). */
function packLocales(document: ParsedDocument, configured: string[] | undefined, dirs: string[]): string[] {
  if (configured) return configured
  const own = matchLocale(document.tree.data.lang, availableLocales(dirs))
  return own ? [own] : []
}
