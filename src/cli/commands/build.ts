/** `casebook build`: the pack, with progress and diagnostics on stderr. */
import { relative } from 'node:path'
import { buildPack } from '../../build/build-pack.js'
import { collectDiagnostics, formatDiagnostics, hasErrors } from '../../check/diagnostics.js'
import type { Format } from '../../config/config-schema.js'
import { FORMATS } from '../../config/config-schema.js'
import { UsageError } from '../../errors.js'

interface BuildCliOptions {
  out?: string
  format?: string[]
  locale?: string[]
  config?: string
  browserPath?: string
  force?: boolean
}

/** Builds, prints what was written, and sets the exit code (1 content, 3 environment). */
export async function build(input: string | undefined, options: BuildCliOptions): Promise<void> {
  const formats = options.format?.map(toFormat)
  const result = await buildPack({
    input,
    out: options.out,
    formats,
    locales: options.locale,
    config: options.config,
    force: options.force,
    browserPath: options.browserPath,
    onProgress: (event) => {
      if (event.type === 'render') process.stderr.write(`rendering ${event.locale} ${event.format}\n`)
    },
  })
  const diagnostics = collectDiagnostics([...result.document.files, ...result.reports])
  if (diagnostics.length > 0) process.stderr.write(formatDiagnostics(diagnostics) + '\n')
  if (hasErrors(result.document.files)) {
    process.stderr.write('casebook: content errors; nothing was written\n')
    process.exitCode = 1
    return
  }
  for (const artifact of result.artifacts) {
    process.stderr.write(`wrote ${relative(process.cwd(), result.out) || '.'}/${artifact.path} (${artifact.bytes} bytes${artifact.pages ? `, ${artifact.pages} pages` : ''})\n`)
  }
  for (const failure of result.failures) process.stderr.write(`casebook: ${failure.locale} ${failure.format} not built: ${failure.error.message}\n`)
  process.exitCode = result.failures.length > 0 ? 3 : 0
}

function toFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format
  throw new UsageError(`Unknown format “${value}”; choose from ${FORMATS.join(', ')}`)
}
