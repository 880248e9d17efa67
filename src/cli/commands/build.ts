/** `casebook build`: the pack, with progress and diagnostics on stderr. */
import { relative } from 'node:path'
import { buildPack, type BuildResult } from '../../pack/build-pack.js'
import { collectDiagnostics, hasErrors, summarizeCounted } from '../../check/diagnostics.js'
import type { Format } from '../../config/config-schema.js'
import { FORMATS } from '../../config/config-schema.js'
import { UsageError } from '../../errors.js'
import { interruptible } from '../interruptible.js'
import { createProgress } from '../progress.js'
import { defaultReporter, formatReport, type Reporter } from '../reporter.js'

/** Options of `build` (and `pack`, which builds first). */
export interface BuildCliOptions {
  out?: string
  format?: string[]
  locale?: string[]
  config?: string
  browserPath?: string
  force?: boolean
  since?: string
  edition?: string
  clean?: boolean
  timings?: boolean
  /** How diagnostics print; unset: annotations under GitHub Actions, else text. */
  reporter?: Exclude<Reporter, 'json'>
}

/**
 * Builds, prints what was written, and sets the exit code (1 content, 3 environment); returns the output folder.
 * Ctrl-C stops it with exit 130 and nothing left behind (interruptible.ts).
 */
export function build(input: string | undefined, options: BuildCliOptions, record?: true): Promise<string | undefined> {
  return interruptible(() => buildOnce(input, options, record))
}

async function buildOnce(input: string | undefined, options: BuildCliOptions, record?: true): Promise<string | undefined> {
  const formats = options.format?.map(toFormat)
  const progress = createProgress()
  const result = await buildPack({
    input,
    out: options.out,
    formats,
    locales: options.locale,
    config: options.config,
    force: options.force,
    since: options.since,
    edition: options.edition ?? record,
    clean: options.clean,
    browserPath: options.browserPath,
    onProgress: (event) => {
      // Each step's time as it ends: a long print shows its parts while it runs.
      if (event.type === 'step' && options.timings) progress.note(timingLine(event.ms, event.locale ? `${event.locale} ${event.format}: ${event.step}` : event.step))
      progress.onEvent(event)
    },
  }).finally(() => progress.done())
  if (options.timings) process.stderr.write(timingLine(performance.now(), 'total, since the process started') + '\n')
  // One line per file for marks and spaces, which `check` lists one by one.
  const diagnostics = summarizeCounted(collectDiagnostics([...result.document.files, ...result.reports]))
  // Annotations are workflow commands, which GitHub reads from stdout; text goes with the progress on stderr.
  const reporter = options.reporter ?? defaultReporter()
  if (diagnostics.length > 0) (reporter === 'github' ? process.stdout : process.stderr).write(formatReport(diagnostics, reporter) + '\n')
  if (hasErrors([...result.document.files, ...result.reports])) {
    process.stderr.write('casebook: content errors; nothing was written\n')
    process.exitCode = 1
    return undefined
  }
  const shown = relative(process.cwd(), result.out) || '.'
  for (const artifact of result.artifacts.filter((entry) => result.written.includes(entry.path))) {
    process.stderr.write(`wrote ${shown}/${artifact.path} (${artifact.bytes} bytes${artifact.pages ? `, ${artifact.pages} ${/slides\.(html|pptx)$/.test(artifact.path) ? 'slides' : 'pages'}` : ''})\n`)
  }
  for (const path of result.unchanged) process.stderr.write(`unchanged ${shown}/${path} (rebuilt: the same bytes)\n`)
  const kept = result.artifacts.filter((entry) => !result.written.includes(entry.path) && !result.unchanged.includes(entry.path) && !entry.outdated).length
  if (kept > 0) process.stderr.write(`${kept} artifact${kept === 1 ? '' : 's'} unchanged in ${shown}/ (use --force to rebuild)\n`)
  for (const artifact of result.artifacts.filter((entry) => entry.outdated)) {
    process.stderr.write(`outdated ${shown}/${artifact.path}: made from earlier inputs (the source, a translation, the templates or the edition notes) and not rebuilt (build --locale ${artifact.locale} --format ${artifact.format} updates it; --clean removes it)\n`)
  }
  for (const zip of result.zips.filter((entry) => entry.outdated)) process.stderr.write(`outdated ${shown}/${zip.path}: zipped from artifacts this build replaced (casebook pack writes it anew; --clean removes it)\n`)
  for (const path of result.strays) process.stderr.write(`stray ${shown}/${path}: not part of the pack (--clean removes it)\n`)
  for (const path of result.removed) process.stderr.write(`removed ${shown}/${path}\n`)
  const notes = result.changes?.since
  if (result.edition && result.written.includes(`editions/${result.edition}.json`)) process.stderr.write(`recorded edition ${result.edition} in ${shown}/editions/\n`)
  if (notes) process.stderr.write(`edition notes: since ${describeSince(notes)}\n`)
  // One browser serves every format: its failure is said once, naming all it cost.
  const byReason = new Map<string, string[]>()
  for (const { locale, format, error } of result.failures) byReason.set(error.message, [...(byReason.get(error.message) ?? []), `${locale} ${format}`])
  for (const [reason, lost] of byReason) process.stderr.write(`casebook: ${lost.join(', ')} not built: ${reason}\n`)
  process.exitCode = result.failures.length > 0 ? 3 : 0
  return result.out
}

/**
 * One line per step, printed as it ends: `timing  1234 ms  zh-CN pdf: print`. The browser's launch
 * runs alongside loading and rendering, and two renders at once, so the steps do not add up to the total.
 */
function timingLine(ms: number, label: string): string {
  return `timing ${Math.round(ms).toString().padStart(7)} ms  ${label}`
}

/** What the notes compare with, for the build's last lines. */
function describeSince(since: NonNullable<NonNullable<BuildResult['changes']>['since']>): string {
  switch (since.kind) {
    case 'edition':
      return `edition ${since.name} (${since.date.slice(0, 10)})`
    case 'first-build':
      return `the first build (${since.date.slice(0, 10)}); no edition recorded yet (casebook pack records one)`
    case 'manifest':
    case 'source':
      return since.path
    case 'git':
      return `${since.revision} (${since.commit.slice(0, 7)})`
  }
}

function toFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format
  throw new UsageError(`Unknown format “${value}”; choose from ${FORMATS.join(', ')}`)
}
