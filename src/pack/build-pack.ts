/**
 * A whole build, in DESIGN's order: plan it, read the source (parse, check), then under the
 * out folder's lock compare with the previous edition, render the locale × format grid (keeping
 * unchanged artifacts) and write the edition at once. One browser serves the build and is
 * always closed.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { diffTrees } from '../edition/diff-trees.js'
import { removeStaleTemps } from '../io/write-files.js'
import { loadLocale } from '../locale/load-locale.js'
import { loadRenderer } from '../render/registry.js'
import { ArtifactCache } from './artifact-cache.js'
import { fingerprintTemplates } from './artifact-key.js'
import { chooseBaseline } from './baseline.js'
import { BrowserPool } from './browser-pool.js'
import type { BuildOptions, BuildResult } from './build-types.js'
import { MANIFEST } from './manifest.js'
import { lockOutput, waitEvent } from './out-lock.js'
import { planBuild } from './plan-build.js'
import { readSource } from './read-source.js'
import { renderGrid } from './render-grid.js'
import { sourceDate } from './source-date.js'
import { writeEdition } from './write-edition.js'

export type { BuildOptions, BuildResult, FailedRender, ProgressEvent, WrittenArtifact } from './build-types.js'

/** Builds the pack; content errors leave `artifacts` empty and write nothing. */
export async function buildPack(options: BuildOptions = {}): Promise<BuildResult> {
  const plan = await planBuild(options)
  // Renderers load and templates are fingerprinted while the document parses.
  const loadingRenderers = settled(Promise.all(plan.formats.map(loadRenderer)))
  const fingerprinting = settled(fingerprintTemplates(plan.dirs))
  const onLaunched = (ms: number) => options.onProgress?.({ type: 'step', step: 'browser launch', ms })
  const pool = new BrowserPool({ browser: options.browser, path: options.browserPath ?? plan.config.browser.path, timeout: plan.config.browser.timeout, onLaunched })
  // A forced or first build renders every format: a browser format's browser then starts
  // now, alongside the parse, instead of after it (Chromium takes a second or more to start here).
  if (options.force || !existsSync(join(plan.out, MANIFEST))) {
    loadingRenderers.then((loaded) => loaded.some((renderer) => renderer.usesBrowser) && pool.startEarly(), () => undefined)
  }
  try {
    const { document, reports, locales, tree } = await readSource(plan, options)
    const result: BuildResult = { config: plan.config, document, out: plan.out, artifacts: [], written: [], removed: [], failures: [], changes: null, reports }
    if (!locales || !tree) return result
    const renderers = await loadingRenderers
    const date = sourceDate(document.tree.data.date, process.env, options.now?.())
    const templates = await fingerprinting
    const unlock = await lockOutput(plan.out, { onWait: (wait) => options.onProgress?.(waitEvent(wait)) })
    try {
      await removeStaleTemps(plan.out)
      const cache = await ArtifactCache.open(plan.out, result.reports)
      const baseline = await chooseBaseline(tree, cache.previous, options.since, plan.config.outline.caseHeading)
      result.changes = baseline && diffTrees(baseline, tree)
      const files = await renderGrid({ plan, locales, renderers, cache, pool, templates, sourceDate: date }, result, options)
      // Every render is done: the browser goes before the writing, not after it.
      await pool.close()
      const notesLocale = await loadLocale(locales[0], plan.dirs)
      await writeEdition({ result, files, cache, input: plan.input, sourceDate: date, tree, baseline, notesLocale }, options)
    } finally {
      await unlock()
    }
    return result
  } finally {
    await pool.close()
  }
}

/** The promise itself, marked as handled: it is awaited later, and an early return must not leave its rejection unhandled. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}
