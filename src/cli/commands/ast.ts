/** `casebook ast INPUT`: the case tree as JSON on stdout, diagnostics on stderr. */
import { collectDiagnostics, formatDiagnostics, hasErrors } from '../../check/diagnostics.js'
import { findConfig, loadConfig } from '../../config/load-config.js'
import { loadDocument } from '../../load-document.js'

/** Prints the case tree of `input`; exit 1 if the document has content errors. */
export async function ast(input: string, options: { config?: string }): Promise<void> {
  const config = await loadConfig(await findConfig(options.config, input))
  const document = await loadDocument(input, {
    defaults: { title: config.title, subtitle: config.subtitle, author: config.author, date: config.date, lang: config.lang },
    check: config.check,
    caseHeading: config.outline.caseHeading,
    maxImageBytes: config.images.maxBytes,
  })
  process.stdout.write(JSON.stringify(document.tree, null, 2) + '\n')
  const diagnostics = collectDiagnostics(document.files)
  if (diagnostics.length > 0) process.stderr.write(formatDiagnostics(diagnostics) + '\n')
  process.exitCode = hasErrors(document.files) ? 1 : 0
}
