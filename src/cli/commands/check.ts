/** `casebook check INPUT...`: each input is its own document. */
import { collectDiagnostics, hasErrors, hasWarnings, type Diagnostic } from '../../check/diagnostics.js'
import { findConfig, loadConfig } from '../../config/load-config.js'
import { loadDocument } from '../../load-document.js'
import { checkTranslations } from '../../locale/check-translations.js'
import { defaultReporter, formatReport, type Reporter } from '../reporter.js'

interface CheckCliOptions {
  /** Unset: annotations under GitHub Actions, else text. */
  reporter?: Reporter
  strict?: boolean
  config?: string
}

/** Checks each input, prints its diagnostics, and sets exit code 1 on errors (or warnings with --strict). */
export async function check(inputs: string[], options: CheckCliOptions): Promise<void> {
  const diagnostics: Diagnostic[] = []
  let failed = false
  for (const input of inputs) {
    const config = await loadConfig(await findConfig(options.config, input))
    const document = await loadDocument(input, { check: config.check, caseHeading: config.outline.caseHeading, maxImageBytes: config.images.maxBytes })
    // Translations beside the input are checked against it, so a changed case is noticed before a build.
    const files = [...document.files, ...(await checkTranslations(document, input))]
    diagnostics.push(...collectDiagnostics(files))
    failed ||= options.strict ? hasWarnings(files) : hasErrors(files)
  }
  const reporter = options.reporter ?? defaultReporter()
  if (reporter === 'json' || diagnostics.length > 0) process.stdout.write(formatReport(diagnostics, reporter) + '\n')
  process.exitCode = failed ? 1 : 0
}
