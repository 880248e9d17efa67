/** `casebook check INPUT...`: each input is its own document. */
import { collectDiagnostics, formatDiagnostics, hasErrors, hasWarnings, type Diagnostic } from '../../check/diagnostics.js'
import { findConfig, loadConfig } from '../../config/load-config.js'
import { loadDocument } from '../../load-document.js'
import { checkTranslations } from '../../locale/check-translations.js'

interface CheckCliOptions {
  reporter: 'text' | 'json'
  strict?: boolean
  config?: string
}

/** Checks each input, prints its diagnostics, and sets exit code 1 on errors (or warnings with --strict). */
export async function check(inputs: string[], options: CheckCliOptions): Promise<void> {
  const diagnostics: Diagnostic[] = []
  let failed = false
  for (const input of inputs) {
    const config = await loadConfig(await findConfig(options.config, input))
    const document = await loadDocument(input, { check: config.check, maxImageBytes: config.images.maxBytes })
    // Translations beside the input are checked against it, so a changed case is noticed before a build.
    const files = [...document.files, ...(await checkTranslations(document, input))]
    diagnostics.push(...collectDiagnostics(files))
    failed ||= options.strict ? hasWarnings(files) : hasErrors(files)
  }
  if (options.reporter === 'json') process.stdout.write(JSON.stringify(diagnostics, null, 2) + '\n')
  else if (diagnostics.length > 0) process.stdout.write(formatDiagnostics(diagnostics) + '\n')
  process.exitCode = failed ? 1 : 0
}
