/**
 * `casebook watch` as a library: build once, then rebuild (debounced, one at a
 * time, with one warm browser) whenever a file the pack depends on changes.
 */
import { watch, type FSWatcher } from 'chokidar'
import type { Browser } from 'puppeteer-core'
import { buildPack, type BuildOptions, type BuildResult } from '../pack/build-pack.js'
import { collectDiagnostics, hasErrors, summarizeCounted, type Diagnostic } from '../check/diagnostics.js'
import { debounceSerial } from './debounce-serial.js'
import { planWatch, type WatchPlan } from './watch-plan.js'
import { needsBrowser } from '../render/registry.js'
import { warmBrowser } from './warm-browser.js'

/** Quiet time after the last change before a rebuild starts. */
export const DEBOUNCE_MS = 150

/** What the watcher tells its owner; the library itself prints nothing. */
export type WatchEvent =
  | { type: 'watching'; paths: string[]; out: string }
  | { type: 'build-start'; changed: string[] }
  | { type: 'build-done'; result: BuildResult; diagnostics: Diagnostic[]; ms: number }
  /** Content errors (`result` set; nothing was written) or a thrown error such as a bad config (`error` set). */
  | { type: 'build-error'; result?: BuildResult; error?: unknown; diagnostics: Diagnostic[]; ms: number }
  /** The file watcher itself failed (e.g. too many watched files); watching goes on where it can. */
  | { type: 'watch-error'; error: unknown }

/** Build options plus how to watch. */
export interface WatchOptions extends Omit<BuildOptions, 'browser'> {
  debounceMs?: number
  onEvent?: (event: WatchEvent) => void
}

/** A running watch. */
export interface WatchHandle {
  /** Resolves when no build is running or due. */
  idle(): Promise<void>
  /** Stops watching, waits for a running build, and closes the browser. */
  close(): Promise<void>
}

/** Starts watching; the first build starts at once. Throws ConfigError when the config cannot be read at start. */
export async function watchPack(options: WatchOptions = {}): Promise<WatchHandle> {
  const emit = options.onEvent ?? (() => undefined)
  let plan = await planWatch(options)
  const browser = warmBrowser(options.browserPath ?? plan.config.browser.path)
  let watcher: FSWatcher | undefined

  const rebuild = async (changed: string[]): Promise<void> => {
    emit({ type: 'build-start', changed })
    const started = performance.now()
    const ms = (): number => Math.round(performance.now() - started)
    try {
      plan = await replan(plan, options, watcher)
      const result = await buildPack({ ...options, browser: await browserFor(plan) })
      const files = [...result.document.files, ...result.reports]
      const diagnostics = summarizeCounted(collectDiagnostics(files))
      if (hasErrors(files)) emit({ type: 'build-error', result, diagnostics, ms: ms() })
      else emit({ type: 'build-done', result, diagnostics, ms: ms() })
    } catch (error) {
      emit({ type: 'build-error', error, diagnostics: [], ms: ms() })
    }
  }

  const browserFor = async (current: WatchPlan): Promise<Browser | undefined> => {
    if (!(await needsBrowser(current.formats))) return undefined
    // Without a browser, buildPack tries its own and reports the formats it could not print.
    return browser.get().catch(() => undefined)
  }

  const task = debounceSerial(rebuild, options.debounceMs ?? DEBOUNCE_MS)
  watcher = watch(plan.roots, {
    ignoreInitial: true,
    // Decided per path on the current plan, so a config edit that moves the input takes effect.
    ignored: (path) => !plan.isRelevant(path),
  })
  watcher.on('all', (_event, path) => task.trigger(path))
  watcher.on('error', (error) => emit({ type: 'watch-error', error }))
  await new Promise<void>((resolve) => watcher?.once('ready', resolve))
  emit({ type: 'watching', paths: plan.roots, out: plan.out })
  task.trigger(plan.input, 0)

  return {
    idle: () => task.idle(),
    async close() {
      await watcher?.close()
      try {
        await task.close()
      } finally {
        await browser.close()
      }
    },
  }
}

/** Re-reads the config before each build; a change of input or templates folder moves the watch. */
async function replan(previous: WatchPlan, options: WatchOptions, watcher: FSWatcher | undefined): Promise<WatchPlan> {
  const next = await planWatch(options)
  const removed = previous.roots.filter((root) => !next.roots.includes(root))
  const added = next.roots.filter((root) => !previous.roots.includes(root))
  if (removed.length > 0) watcher?.unwatch(removed)
  if (added.length > 0) watcher?.add(added)
  return next
}
