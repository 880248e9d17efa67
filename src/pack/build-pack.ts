/**
 * A whole build, in DESIGN's order: plan it, read the source (parse, check), then under the
 * out folder's lock localize every locale, decide which edition this is and what its notes
 * compare with, render the locale × format grid (keeping unchanged artifacts) and write the
 * edition at once. One browser serves the build and is always closed.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { availableLocales, matchLocale } from '../config/locale-code.js'
import { editionChanges } from '../edition/locale-changes.js'
import { removeStaleTemps } from '../io/write-files.js'
import { loadLocale } from '../locale/load-locale.js'
import { checkTemplates } from '../render/check-templates.js'
import { loadRenderer, needsBrowser } from '../render/registry.js'
import { ArtifactCache } from './artifact-cache.js'
import { fingerprintTemplates } from './artifact-key.js'
import { BrowserPool } from './browser-pool.js'
import type { BuildOptions, BuildResult } from './build-types.js'
import { snapshotReader } from './earlier-snapshot.js'
import { readEditions } from './editions.js'
import { localizeLocales, snapshotOf } from './localize-locales.js'
import { MANIFEST } from './manifest.js'
import { lockOutput, waitEvent } from './out-lock.js'
import { planBuild } from './plan-build.js'
import { planEdition } from './plan-edition.js'
import { readSource } from './read-source.js'
import { renderGrid } from './render-grid.js'
import { writeEdition } from './write-edition.js'

export type { BuildOptions, BuildResult, FailedRender, ProgressEvent, WrittenArtifact } from './build-types.js'

/** Builds the pack; content errors leave `artifacts` empty and write nothing. */
export async function buildPack(options: BuildOptions = {}): Promise<BuildResult> {
  const plan = await planBuild(options)
  // Renderers load and templates are fingerprinted while the document parses.
  const loadingRenderers = settled(Promise.all(plan.formats.map(loadRenderer)))
  const fingerprinting = settled(fingerprintTemplates(plan.dirs, { docx: plan.config.docx.referenceDoc, pptx: plan.config.pptx.template }))
  const onLaunched = (ms: number) => options.onProgress?.({ type: 'step', step: 'browser launch', ms })
  const pool = new BrowserPool({ browser: options.browser, path: options.browserPath ?? plan.config.browser.path, timeout: plan.config.browser.timeout, onLaunched })
  // A forced or first build renders every format: a browser format's browser then starts
  // now, before the parse and the renderers' loading, so that Chromium starts on the other core
  // meanwhile. Loading puppeteer takes the main thread ~60 ms: the parse waits for it rather than
  // pushing the browser's start back by as much.
  if (needsBrowser(plan.formats) && (options.force || !existsSync(join(plan.out, MANIFEST)))) await pool.startEarly()
  try {
    const { document, reports, locales, tree, marks, earlier } = await readSource(plan, options)
    const result: BuildResult = { config: plan.config, document, out: plan.out, artifacts: [], written: [], unchanged: [], removed: [], strays: [], zips: [], edition: null, failures: [], changes: null, reports }
    if (!locales || !tree) return result
    const renderers = await loadingRenderers
    const templates = await fingerprinting
    const unlock = await lockOutput(plan.out, { onWait: (wait) => options.onProgress?.(waitEvent(wait)) })
    try {
      await removeStaleTemps(plan.out)
      const cache = await ArtifactCache.open(plan.out, result.reports)
      const step = (name: string, since: number) => options.onProgress?.({ type: 'step', step: name, ms: performance.now() - since })
      const localizeStart = performance.now()
      const { packs } = await localizeLocales(document, locales, cache.earlierLocales(locales), { input: plan.input, dirs: plan.dirs, reports: result.reports, earlier, punctuation: plan.config.typography.punctuation, brand: plan.config.brand })
      step('localize', localizeStart)
      // The user's templates, checked before anything renders: their mistakes are named at their own lines.
      const labels = new Set(packs.flatMap((pack) => Object.keys(pack.locale.messages)))
      result.reports.push(...(await checkTemplates(plan.dirs, plan.formats, labels)))
      const editionStart = performance.now()
      const snapshot = snapshotOf(tree, document.tree, packs, marks)
      const editions = await readEditions(plan.out)
      const edition = await planEdition({
        current: snapshot,
        previous: cache.previous,
        editions,
        since: options.since,
        record: options.edition,
        documentDate: document.tree.data.date,
        now: options.now?.(),
        input: plan.input,
        readSnapshot: snapshotReader(plan, locales, document.tree.data.title),
      })
      const changes = editionChanges(edition.baseline, snapshot, packs)
      result.changes = changes.source
      result.edition = edition.edition
      step('edition notes', editionStart)
      const files = await renderGrid({ plan, packs, renderers, cache, pool, templates, sourceDate: edition.sourceDate, changes: changes.locales }, result, options)
      // Every render is done: the browser goes before the writing, not after it.
      await pool.close()
      const own = matchLocale(document.tree.data.lang, availableLocales(plan.dirs)) ?? locales[0]
      const notesLocale = packs.find((pack) => pack.code === own)?.locale ?? (await loadLocale(own, plan.dirs))
      await writeEdition({ result, files, input: plan.input, plan: edition, snapshot, packs, changes: changes.locales, notesLocale, lastEdition: editions.at(-1), zips: cache.previous?.zips ?? [] }, options)
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
