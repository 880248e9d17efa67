/**
 * The locale × format grid: each format of each asked-for locale rendered unless its artifacts
 * are unchanged, and every other artifact of an earlier build kept in the pack, marked outdated
 * once its inputs have changed.
 */
import type { Format } from '../config/config-schema.js'
import type { TreeChanges } from '../edition/diff-trees.js'
import { EnvironmentError } from '../errors.js'
import type { FileToWrite } from '../io/write-files.js'
import { join } from 'node:path'
import { VFile } from 'vfile'
import { report } from '../messages/report.js'
import type { Renderer, RenderContext } from '../render/renderer.js'
import { artifactKey } from './artifact-key.js'
import { sha256, type ArtifactCache } from './artifact-cache.js'
import type { BrowserPool } from './browser-pool.js'
import type { BuildOptions, BuildResult } from './build-types.js'
import type { LocalePack } from './localize-locales.js'
import type { BuildPlan } from './plan-build.js'

/** What the grid is rendered from. */
export interface Grid {
  plan: BuildPlan
  /** Every locale of the pack, localized: the asked-for ones first. */
  packs: LocalePack[]
  renderers: Renderer[]
  cache: ArtifactCache
  pool: BrowserPool
  /** Each format's templates' fingerprint, part of its artifacts' keys. */
  templates: ReadonlyMap<Format, string>
  sourceDate: Date
  /** Each locale's edition notes: what changed there since the baseline; null for a first edition. */
  changes: ReadonlyMap<string, TreeChanges | null>
}

/**
 * Renders the grid into `result` (artifacts, failures) and returns the new files. A format that
 * fails for want of its environment (no browser) is a failure of that cell only; any other error
 * ends the build.
 */
export async function renderGrid(grid: Grid, result: BuildResult, options: Pick<BuildOptions, 'force' | 'onProgress'>): Promise<FileToWrite[]> {
  const { plan, packs, renderers, cache, templates, sourceDate } = grid
  const files: FileToWrite[] = []
  const made = new Set(renderers.map((renderer) => renderer.format))
  const progress = options.onProgress
  for (const { code, requested, locale, tree } of packs) {
    const changes = grid.changes.get(code) ?? null
    const keyOf = (format: Format) => artifactKey({ format, locale: code, tree, config: plan.config, templates: templates.get(format) ?? '', sourceDate, changes })
    result.artifacts.push(...(await cache.carryEarlier(code, requested ? made : new Set(), keyOf)))
    if (!requested) continue
    const context = { ...renderContext(grid, locale, changes), images: result.document.images }
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
        const artifacts = await renderer.render(tree, progress ? { ...context, onStep } : context)
        onStep('render', performance.now() - renderStart)
        for (const artifact of artifacts) {
          const path = `${code}/${artifact.name}`
          files.push({ path, bytes: artifact.bytes })
          result.artifacts.push({ locale: code, format, path, bytes: artifact.bytes.length, sha256: sha256(artifact.bytes), pages: artifact.pages, key })
          progress?.({ type: 'rendered', locale: code, format, bytes: artifact.bytes.length })
          if (artifact.warnings?.length) {
            // On the artifact's own path: what it shows is what the warning is about.
            const file = new VFile({ path: join(plan.out, path) })
            for (const { ruleId, message } of artifact.warnings) report(file, message, { ruleId, severity: 'warning' })
            result.reports.push(file)
          }
        }
      } catch (error) {
        // A missing browser must not cost the user the formats that need none.
        if (!(error instanceof EnvironmentError)) throw error
        result.failures.push({ locale: code, format, error })
        // What an earlier build made of it stays in the pack, marked as not this edition's.
        result.artifacts.push(...cache.artifactsOf(code).filter((artifact) => artifact.format === format).map((artifact) => ({ ...artifact, outdated: true as const })))
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
