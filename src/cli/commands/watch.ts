/** `casebook watch`: build, then rebuild on every change until Ctrl-C, printing each build's outcome. */
import { relative } from 'node:path'
import { formatDiagnostics } from '../../check/diagnostics.js'
import { FORMATS, type Format } from '../../config/config-schema.js'
import { CasebookError, UsageError } from '../../errors.js'
import { watchPack, type WatchEvent } from '../../watch/watch-pack.js'
import type { ProgressEvent } from '../../pack/build-pack.js'
import { waitLine } from '../progress.js'

/** Options shared by `watch` and `serve`. */
export interface WatchCliOptions {
  out?: string
  format?: string[]
  locale?: string[]
  config?: string
  browserPath?: string
}

/** Watches until SIGINT, SIGTERM or SIGHUP, then stops the watcher and the browser. */
export async function watch(input: string | undefined, options: WatchCliOptions): Promise<void> {
  const handle = await watchPack({ ...toWatchOptions(input, options), onEvent: printWatchEvent })
  try {
    await untilSignal()
  } finally {
    await handle.close()
  }
}

/** The library options the CLI flags stand for. */
export function toWatchOptions(input: string | undefined, options: WatchCliOptions) {
  return {
    input,
    out: options.out,
    formats: options.format?.map(toFormat),
    locales: options.locale,
    config: options.config,
    browserPath: options.browserPath,
    // A build that waits for another one's lock says so at once, or the watch would seem to hang.
    onProgress: (event: ProgressEvent) => {
      if (event.type === 'wait') process.stderr.write(`[${new Date().toLocaleTimeString('en-GB')}] ${waitLine(event)}\n`)
    },
  }
}

/** Prints one watch event on stderr, as `build` prints a build. */
export function printWatchEvent(event: WatchEvent): void {
  const print = (line: string): void => void process.stderr.write(`[${new Date().toLocaleTimeString('en-GB')}] ${line}\n`)
  const shown = (path: string): string => relative(process.cwd(), path) || '.'
  switch (event.type) {
    case 'watching':
      return print(`watching ${event.paths.map(shown).join(', ')} (Ctrl-C to stop)`)
    case 'build-start':
      return print(`building (${event.changed.map(shown).join(', ')})`)
    case 'build-done': {
      if (event.diagnostics.length > 0) process.stderr.write(formatDiagnostics(event.diagnostics) + '\n')
      const { written, failures, out } = event.result
      const artifacts = event.result.artifacts.filter((artifact) => written.includes(artifact.path))
      for (const artifact of artifacts) print(`wrote ${shown(out)}/${artifact.path} (${artifact.bytes} bytes)`)
      for (const failure of failures) print(`${failure.locale} ${failure.format} not built: ${failure.error.message}`)
      return print(artifacts.length > 0 ? `built in ${event.ms} ms` : `nothing changed (${event.ms} ms)`)
    }
    case 'build-error':
      if (event.diagnostics.length > 0) process.stderr.write(formatDiagnostics(event.diagnostics) + '\n')
      if (event.result) return print(`content errors; the last good pack stays in ${shown(event.result.out)}/`)
      return print(event.error instanceof CasebookError ? event.error.message : `internal error: ${String(event.error)}`)
    case 'watch-error':
      return print(`watching failed: ${String(event.error)}`)
  }
}

/** Resolves on the first SIGINT, SIGTERM or SIGHUP (terminal closed); a second one ends the process as usual. */
export function untilSignal(): Promise<void> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
  return new Promise((resolve) => {
    const stop = (): void => {
      for (const signal of signals) process.off(signal, stop)
      resolve()
    }
    for (const signal of signals) process.on(signal, stop)
  })
}

function toFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format
  throw new UsageError(`Unknown format “${value}”; choose from ${FORMATS.join(', ')}`)
}
