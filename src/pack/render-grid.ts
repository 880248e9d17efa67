/**
 * The locale × format grid: each locale localized once, each format rendered unless its
 * artifacts are unchanged, and an earlier build's other formats and locales kept while current.
 */
import type { Format } from '../config/config-schema.js'
import type { TreeChanges } from '../edition/diff-trees.js'
import { EnvironmentError } from '../errors.js'
import type { FileToWrite } from '../io/write-files.js'
import { loadLocale } from '../locale/load-locale.js'
import { localizeDocument } from '../locale/localize.js'
import { reportMissingKeys } from '../locale/report-missing-keys.js'
import type { Renderer, RenderContext } from '../render/renderer.js'
import { artifactKey } from './artifact-key.js'
import { sha256, type ArtifactCache } from './artifact-cache.js'
import type { BrowserPool } from './browser-pool.js'
import type { BuildOptions, BuildResult } from './build-types.js'
import type { BuildPlan } from './plan-build.js'

/** What the grid is rendered from. */
export interface Grid {
  plan: BuildPlan
  locales: string[]
  renderers: Renderer[]
  cache: ArtifactCache
  pool: BrowserPool
  /** The templates' fingerprint, part of every artifact's key. */
  templates: string
  sourceDate: Date
}

/**
 * Renders the grid into `result` (artifacts, failures, removed paths, incomplete catalogs) and
 * returns the new files. A format that fails for want of its environment (no browser) is a
 * failure of that cell only; any other error ends the build.
 */
export async function renderGrid(grid: Grid, result: BuildResult, options: Pick<BuildOptions, 'force' | 'onProgress'>): Promise<FileToWrite[]> {
  const { plan, locales, renderers, cache, templates, sourceDate } = grid
  const { config, dirs, input } = plan
  const files: FileToWrite[] = []
  const made = new Set(renderers.map((renderer) => renderer.format))
  const progress = options.onProgress
  for (const code of [...locales, ...cache.earlierLocales(locales)]) {
    const requested = locales.includes(code)
    const locale = requested ? await loadLocale(code, dirs) : await loadLocale(code, dirs).catch(() => null)
    if (!locale) {
      result.removed.push(...cache.artifactsOf(code).map((artifact) => artifact.path))
      continue
    }
    const incomplete = requested && reportMissingKeys(locale)
    if (incomplete) result.reports.push(incomplete)
    const localized = await localizeDocument(result.document.tree, locale, { input, files: result.document.files })
    const keyOf = (format: Format) => artifactKey({ format, locale: code, tree: localized, config, templates, sourceDate, changes: result.changes })
    const earlier = await cache.carryEarlier(code, requested ? made : new Set(), keyOf)
    result.artifacts.push(...earlier.kept)
    result.removed.push(...earlier.removed)
    if (!requested) continue
    const context = { ...renderContext(grid, locale, result.changes), images: result.document.images }
    for (const renderer of renderers) {
      const { format } = renderer
      const key = keyOf(format)
      const kept = options.force ? null : await cache.unchanged(code, format, key)
      if (kept) {
        progress?.({ type: 'skip', locale: code, format })
        result.artifacts.push(...kept)
        continue
      }
      progress?.({ type: 'render', locale: code, format })
      const renderStart = performance.now()
      const onStep = (step: string, ms: number) => progress?.({ type: 'step', step, ms, locale: code, format })
      try {
        const artifacts = await renderer.render(localized, progress ? { ...context, onStep } : context)
        onStep('render', performance.now() - renderStart)
        for (const artifact of artifacts) {
          const path = `${code}/${artifact.name}`
          files.push({ path, bytes: artifact.bytes })
          result.artifacts.push({ locale: code, format, path, bytes: artifact.bytes.length, sha256: sha256(artifact.bytes), pages: artifact.pages, key })
          progress?.({ type: 'rendered', locale: code, format, bytes: artifact.bytes.length })
        }
      } catch (error) {
        // A missing browser must not cost the user the formats that need none.
        if (!(error instanceof EnvironmentError)) throw error
        result.failures.push({ locale: code, format, error })
        // What an earlier build made of it belongs to an earlier edition: it goes, rather than stand beside this one.
        result.removed.push(...cache.artifactsOf(code).filter((artifact) => artifact.format === format).map((artifact) => artifact.path))
      }
    }
  }
  return files
}

/** What every renderer of one locale is given; `shared` holds the work its formats share. */
function renderContext(grid: Grid, locale: RenderContext['locale'], changes: TreeChanges | null): RenderContext {
  return {
    locale,
    config: grid.plan.config,
    templateDirs: grid.plan.dirs,
    sourceDate: grid.sourceDate,
    changes,
    shared: new Map(),
    browser: () => grid.pool.browser(),
  }
}
