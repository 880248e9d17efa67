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
import type { Artifact, Renderer, RenderContext } from '../render/renderer.js'
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
 * Cells rendered at once. A browser format spends most of its time waiting on Chromium's print,
 * and another cell's HTML, fonts or tab can be made meanwhile: two keep both cores of a small
 * machine busy without two prints racing for one core's worth of work each.
 */
const CELLS_AT_ONCE = 2

/** One format of one locale to render, in grid order. */
interface Cell {
  code: string
  format: Format
  key: string
  render: () => Promise<Artifact[]>
}

/**
 * Renders the grid into `result` (artifacts, failures) and returns the new files, in grid order
 * whatever order the cells finish in. A format that fails for want of its environment (no
 * browser) is a failure of that cell only; any other error ends the build, once the cells
 * already rendering have settled (so no tab is left printing).
 */
export async function renderGrid(grid: Grid, result: BuildResult, options: Pick<BuildOptions, 'force' | 'onProgress'>): Promise<FileToWrite[]> {
  const { plan, packs, renderers, cache, templates, sourceDate } = grid
  const made = new Set(renderers.map((renderer) => renderer.format))
  const progress = options.onProgress
  // Each slot is what one step adds to the pack, in grid order: artifacts carried or kept, or a cell.
  const slots: (BuildResult['artifacts'] | Cell)[] = []
  for (const { code, requested, locale, tree, brand } of packs) {
    const changes = grid.changes.get(code) ?? null
    const keyOf = (format: Format) => artifactKey({ format, locale: code, tree, config: plan.config, templates: templates.get(format) ?? '', sourceDate, changes })
    slots.push(await cache.carryEarlier(code, requested ? made : new Set(), keyOf))
    if (!requested) continue
    const context = { ...renderContext(grid, locale, changes, brand), images: result.document.images }
    for (const renderer of renderers) {
      const { format } = renderer
      const key = keyOf(format)
      const kept = options.force ? null : await cache.unchanged(code, format, key)
      if (kept) {
        progress?.({ type: 'skip', locale: code, format })
        slots.push(kept)
        continue
      }
      const onStep = (step: string, ms: number) => progress?.({ type: 'step', step, ms, locale: code, format })
      const render = async () => {
        progress?.({ type: 'render', locale: code, format })
        const renderStart = performance.now()
        const artifacts = await renderer.render(tree, progress ? { ...context, onStep } : context)
        onStep('render', performance.now() - renderStart)
        for (const artifact of artifacts) progress?.({ type: 'rendered', locale: code, format, bytes: artifact.bytes.length })
        return artifacts
      }
      slots.push({ code, format, key, render })
    }
  }
  const cells = slots.filter((slot): slot is Cell => !Array.isArray(slot))
  const isFatal = (reason: unknown) => !(reason instanceof EnvironmentError)
  const outcomes = await settleAtMost(CELLS_AT_ONCE, cells.map((cell) => cell.render), isFatal)
  const fatal = outcomes.find((outcome) => outcome?.status === 'rejected' && isFatal(outcome.reason))
  if (fatal) throw (fatal as PromiseRejectedResult).reason
  const files: FileToWrite[] = []
  for (const slot of slots) {
    if (Array.isArray(slot)) {
      result.artifacts.push(...slot)
      continue
    }
    const { code, format, key } = slot
    const outcome = outcomes[cells.indexOf(slot)]!
    if (outcome.status === 'rejected') {
      // A missing browser must not cost the user the formats that need none.
      result.failures.push({ locale: code, format, error: outcome.reason as EnvironmentError })
      // What an earlier build made of it stays in the pack, marked as not this edition's.
      result.artifacts.push(...cache.artifactsOf(code).filter((artifact) => artifact.format === format).map((artifact) => ({ ...artifact, outdated: true as const })))
      continue
    }
    for (const artifact of outcome.value) {
      const path = `${code}/${artifact.name}`
      files.push({ path, bytes: artifact.bytes })
      result.artifacts.push({ locale: code, format, path, bytes: artifact.bytes.length, sha256: sha256(artifact.bytes), pages: artifact.pages, key })
      if (artifact.warnings?.length) {
        // On the artifact's own path: what it shows is what the warning is about.
        const file = new VFile({ path: join(plan.out, path) })
        for (const { ruleId, message } of artifact.warnings) report(file, message, { ruleId, severity: 'warning' })
        result.reports.push(file)
      }
    }
  }
  return files
}

/**
 * Runs `tasks`, at most `limit` at a time, in order, and returns how each settled, as
 * Promise.allSettled does. After a failure that `stops`, no task starts (and has no outcome);
 * those running settle first.
 */
async function settleAtMost<T>(limit: number, tasks: (() => Promise<T>)[], stops: (reason: unknown) => boolean): Promise<(PromiseSettledResult<T> | undefined)[]> {
  const outcomes: (PromiseSettledResult<T> | undefined)[] = new Array(tasks.length)
  let next = 0
  let stopped = false
  const worker = async () => {
    while (next < tasks.length && !stopped) {
      const index = next++
      outcomes[index] = await tasks[index]().then(
        (value) => ({ status: 'fulfilled', value }),
        (reason: unknown) => {
          stopped ||= stops(reason)
          return { status: 'rejected', reason }
        },
      )
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return outcomes
}

/** What each renderer of one locale gets: the config with the locale's brand (its words in the locale's script, localize-locales.ts). */
function renderContext(grid: Grid, locale: RenderContext['locale'], changes: TreeChanges | null, brand: LocalePack['brand']): RenderContext {
  return {
    locale,
    config: brand && brand !== grid.plan.config.brand ? { ...grid.plan.config, brand } : grid.plan.config,
    templateDirs: grid.plan.dirs,
    sourceDate: grid.sourceDate,
    changes,
    shared: new Map(),
    browser: () => grid.pool.browser(),
  }
}
