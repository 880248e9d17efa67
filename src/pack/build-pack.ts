/**
 * A whole build: load and check the document, then for each locale render the
 * formats whose inputs changed, then write every new file and the manifest at once.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, rm, rmdir } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { VFile } from 'vfile'
import { report } from '../parse/report.js'
import { isMarkdown } from '../parse/source-names.js'
import type { Format } from '../config/config-schema.js'
import { findConfig, loadConfig, type ResolvedConfig } from '../config/load-config.js'
import { CasebookError, EnvironmentError, UsageError } from '../errors.js'
import { availableLocales, describeLocales, matchLocale } from '../locale/locale-code.js'
import { loadDocument } from '../load-document.js'
import { loadLocale } from '../locale/load-locale.js'
import { localizeDocument } from '../locale/localize.js'
import { checkTranslations } from '../locale/check-translations.js'
import { reportMissingKeys } from '../locale/report-missing-keys.js'
import { loadRenderer } from '../render/registry.js'
import type { RenderContext } from '../render/renderer.js'
import { templateDirs } from '../config/template-dirs.js'
import type { ParsedDocument } from '../types.js'
import { VERSION } from '../version.js'
import type { BrowserSession } from '../browser/launch-browser.js'
import type { Browser } from 'puppeteer-core'
import { hasErrors } from '../check/diagnostics.js'
import { artifactKey, fingerprintTemplates } from './artifact-key.js'
import { chooseBaseline } from './baseline.js'
import { changesMarkdown } from '../edition/changes-markdown.js'
import { diffTrees, type TreeChanges } from '../edition/diff-trees.js'
import { MANIFEST, readManifest, type Manifest, type ManifestArtifact } from './manifest.js'
import { checkOutFolder, outSetting } from './check-out-folder.js'
import { lockOutput, waitEvent } from './out-lock.js'
import { sourceDate } from './source-date.js'
import { summarizeTree } from '../edition/tree-summary.js'
import { removeStaleTemps, writePack, type PackFile } from '../io/write-pack.js'

/** What a build is asked to do; unset fields come from the config, then defaults. */
export interface BuildOptions {
  input?: string
  out?: string
  formats?: Format[]
  locales?: string[]
  config?: string
  /** Rebuild every artifact even when its inputs are unchanged. */
  force?: boolean
  /** Compare with this edition (an old manifest.json or source) instead of the previous build. */
  since?: string
  browserPath?: string
  /** A running browser to print with (kept warm by `watch`); the build neither launches nor closes one then. */
  browser?: Browser
  cwd?: string
  /**
   * The clock a build without SOURCE_DATE_EPOCH or a document date takes its date from;
   * only the day counts (midnight UTC). By default the system clock.
   */
  now?: () => Date
  /** Told about each step, for progress output; the library itself prints nothing. */
  onProgress?: (event: ProgressEvent) => void
}

/** A step of a build, for progress output. */
export type ProgressEvent =
  | { type: 'render'; locale: string; format: Format }
  | { type: 'rendered'; locale: string; format: Format; bytes: number }
  | { type: 'skip'; locale: string; format: Format }
  | { type: 'write'; path: string; bytes: number }
  /**
   * Another build holds the output folder's lock (`lock`), and this one waits for it to finish;
   * told once per holder, when the wait begins. `host` is set when the holder runs on another machine.
   */
  | { type: 'wait'; pid: number; host?: string; out: string; lock: string }
  /** How long a step took: the document's loading, the browser's launch, a step of one render (with its locale and format). */
  | { type: 'step'; step: string; ms: number; locale?: string; format?: Format }

/** One artifact of the pack, as the manifest records it. */
export type WrittenArtifact = ManifestArtifact

/** A format that could not be produced, and why. */
export interface FailedRender {
  locale: string
  format: Format
  error: CasebookError
}

/** The outcome of a build. */
export interface BuildResult {
  config: ResolvedConfig
  document: ParsedDocument
  out: string
  /** Every artifact of the pack, rebuilt or kept. */
  artifacts: WrittenArtifact[]
  /** Paths (relative to `out`) written by this build; empty when nothing changed. */
  written: string[]
  /**
   * Paths (relative to `out`) of an earlier build's artifacts that this one did not make (another
   * format or locale) and that no longer match the source: removed, so out/ never mixes editions.
   */
  removed: string[]
  failures: FailedRender[]
  /** What changed since the previous edition; null for a first edition. */
  changes: TreeChanges | null
  /** Files besides the sources whose messages the build reports: translations and incomplete catalogs. */
  reports: VFile[]
}

/** Builds the pack; content errors leave `artifacts` empty and write nothing. */
export async function buildPack(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd()
  const config = await loadConfig(await findConfig(options.config, options.input, cwd))
  const input = resolve(cwd, options.input ?? config.input ?? 'content')
  const out = resolve(cwd, options.out ?? config.out ?? 'out')
  checkOutFolder(input, out, outSetting(options.out, config, cwd), cwd)
  const formats = options.formats ?? config.formats
  const dirs = templateDirs(config.templatesDir)
  // Renderers load and templates are read while the document parses. Both are
  // awaited below; the catch only keeps an early return from leaving them unhandled.
  const loadingRenderers = Promise.all(formats.map(loadRenderer))
  const fingerprinting = fingerprintTemplates(dirs)
  loadingRenderers.catch(() => undefined)
  fingerprinting.catch(() => undefined)
  let session: Promise<BrowserSession> | undefined
  let finished = false
  const step = (event: Omit<Extract<ProgressEvent, { type: 'step' }>, 'type'>) => options.onProgress?.({ type: 'step', ...event })
  const since = (start: number) => performance.now() - start
  const launch = () => {
    if (session) return session
    const start = performance.now()
    session = import('../browser/launch-browser.js').then(({ launchBrowser, LAUNCH_TIMEOUT_MS }) =>
      // A slow machine's browser.timeout covers its browser's start too.
      launchBrowser(options.browserPath ?? config.browser.path, { timeout: Math.max(LAUNCH_TIMEOUT_MS, config.browser.timeout) }),
    )
    session.then(() => step({ step: 'browser launch', ms: since(start) }), () => undefined)
    return session
  }
  // A forced or first build renders every format: a browser format's browser then starts
  // now, alongside the parse, instead of after it (Chromium takes a second or more to start here).
  if (!options.browser && (options.force || !existsSync(join(out, MANIFEST)))) {
    loadingRenderers.then(
      (loaded) => {
        if (!finished && loaded.some((renderer) => renderer.usesBrowser)) launch().catch(() => undefined)
      },
      () => undefined,
    )
  }
  try {
    const loadStart = performance.now()
    const document = await loadDocument(input, {
      defaults: { title: config.title, subtitle: config.subtitle, author: config.author, organisation: config.organisation, date: config.date, lang: config.lang },
      check: config.check,
      titleFromPath: true,
    })
    step({ step: 'read, parse and check', ms: since(loadStart) })
    const result: BuildResult = { config, document, out, artifacts: [], written: [], removed: [], failures: [], changes: null, reports: [] }
    if (hasErrors(document.files)) return result
    // By default, one pack in the document's own language (named, or guessed from its text).
    const locales = options.locales ?? config.locales ?? [ownLocale(document, dirs)]
    const checkingTranslations = checkTranslations(document, input, locales)
    // Hashed while the folder listings, template reads and module loads started above are under way.
    const tree = summarizeTree(document.tree)
    result.reports.push(...(await checkingTranslations))
    // A translation is content too: its errors (an unreadable file, bad front matter) write nothing.
    if (hasErrors(result.reports)) return result

    const selected = await loadingRenderers
    const date = sourceDate(document.tree.data.date, process.env, options.now?.())
    const templates = await fingerprinting

    const unlock = await lockOutput(out, { onWait: (wait) => options.onProgress?.(waitEvent(wait)) })
    try {
      await removeStaleTemps(out)
      const previous = await readManifest(out, (reason) => result.reports.push(unreadableManifest(out, reason)))
      const baseline = await chooseBaseline(tree, previous, options.since)
      result.changes = baseline && diffTrees(baseline, tree)
      const files: PackFile[] = []
      const built = new Set(selected.map((renderer) => renderer.format))
      // The previous build's other locales are looked at too: their artifacts stay only while current.
      const earlierLocales = [...new Set(previous?.artifacts.map((artifact) => artifact.locale))].filter((code) => !locales.includes(code))
      for (const code of [...locales, ...earlierLocales]) {
        const requested = locales.includes(code)
        const locale = requested ? await loadLocale(code, dirs) : await loadLocale(code, dirs).catch(() => null)
        if (!locale) {
          result.removed.push(...artifactsOf(previous, code).map((artifact) => artifact.path))
          continue
        }
        const incomplete = requested && reportMissingKeys(locale)
        if (incomplete) result.reports.push(incomplete)
        const localized = await localizeDocument(document.tree, locale, { input, files: document.files })
        const context: RenderContext = {
          locale,
          config,
          templateDirs: dirs,
          sourceDate: date,
          changes: result.changes,
          shared: new Map(),
          browser: async () => options.browser ?? (await launch()).browser,
        }
        const keyOf = (format: Format) => artifactKey({ format, locale: code, tree: localized, config, templates, sourceDate: date, changes: result.changes })
        // Formats this build does not make (or a locale it does not build): kept while current, else removed.
        for (const format of new Set(artifactsOf(previous, code).map((artifact) => artifact.format))) {
          if (requested && built.has(format)) continue
          const kept = await unchangedArtifacts(out, previous, code, format, keyOf(format))
          if (kept) result.artifacts.push(...kept)
          else result.removed.push(...artifactsOf(previous, code).filter((artifact) => artifact.format === format).map((artifact) => artifact.path))
        }
        if (!requested) continue
        for (const renderer of selected) {
          const key = artifactKey({ format: renderer.format, locale: code, tree: localized, config, templates, sourceDate: date, changes: result.changes })
          const kept = options.force ? null : await unchangedArtifacts(out, previous, code, renderer.format, key)
          if (kept) {
            options.onProgress?.({ type: 'skip', locale: code, format: renderer.format })
            result.artifacts.push(...kept)
            continue
          }
          options.onProgress?.({ type: 'render', locale: code, format: renderer.format })
          const renderStart = performance.now()
          const onStep = (name: string, ms: number) => step({ step: name, ms, locale: code, format: renderer.format })
          try {
            const artifacts = await renderer.render(localized, options.onProgress ? { ...context, onStep } : context)
            onStep('render', since(renderStart))
            for (const artifact of artifacts) {
              const path = `${code}/${artifact.name}`
              files.push({ path, bytes: artifact.bytes })
              result.artifacts.push({ locale: code, format: renderer.format, path, bytes: artifact.bytes.length, sha256: sha256(artifact.bytes), pages: artifact.pages, key })
              options.onProgress?.({ type: 'rendered', locale: code, format: renderer.format, bytes: artifact.bytes.length })
            }
          } catch (error) {
            // A missing browser must not cost the user the formats that need none.
            if (!(error instanceof EnvironmentError)) throw error
            result.failures.push({ locale: code, format: renderer.format, error })
          }
        }
      }
      if (session) await closeBrowser(session)
      session = undefined
      const manifest = buildManifest(result, input, date, tree, baseline)
      const changes = changesMarkdown(document.tree.data.title, result.changes, await loadLocale(locales[0], dirs))
      if (files.length > 0 || !previous || JSON.stringify(previous) !== JSON.stringify(manifest)) {
        files.push({ path: 'CHANGES.md', bytes: changes }, { path: MANIFEST, bytes: JSON.stringify(manifest, null, 2) + '\n' })
      }
      const writeStart = performance.now()
      await writePack(out, files)
      await Promise.all(result.removed.map((path) => rm(join(out, path), { force: true })))
      // A locale folder left empty goes too; one that holds anything else stays.
      await Promise.all([...new Set(result.removed.map((path) => dirname(join(out, path))))].map((folder) => rmdir(folder).catch(() => undefined)))
      step({ step: 'write', ms: since(writeStart) })
      result.written = files.map((file) => file.path)
      for (const file of files) options.onProgress?.({ type: 'write', path: join(out, file.path), bytes: file.bytes.length })
    } finally {
      await unlock()
    }
    return result
  } finally {
    finished = true
    if (session) await closeBrowser(session)
  }
}

/**
 * The locale of the document's own language, as its catalog spells it. The config's `lang` was
 * checked against the catalogs when it was read; one from front matter is named here with its file.
 */
function ownLocale(document: ParsedDocument, dirs: string[]): string {
  const lang = document.tree.data.lang
  const available = availableLocales(dirs)
  const match = matchLocale(lang, available)
  if (match) return match
  const markdown = document.files.filter((file) => isMarkdown(file.path)).map((file) => file.path)
  const where = markdown.length > 0 ? `${markdown.join(', ')}: front matter “lang: ${lang}”` : `The document's language “${lang}”`
  throw new UsageError(
    `${where} asks for a ${lang} pack, and there is no catalog for ${lang}; ${describeLocales(available)}. Name the locales to build with --locale, or add locales/${lang}.json to the folder the config's “templates” names`,
  )
}

/** The previous build's artifacts of one locale. */
function artifactsOf(previous: Manifest | null, locale: string): ManifestArtifact[] {
  return previous?.artifacts.filter((artifact) => artifact.locale === locale) ?? []
}

/** The previous build's artifacts for (locale, format) when their key matches and the files are intact. */
async function unchangedArtifacts(out: string, previous: Manifest | null, locale: string, format: Format, key: string): Promise<ManifestArtifact[] | null> {
  const entries = previous?.artifacts.filter((artifact) => artifact.locale === locale && artifact.format === format) ?? []
  if (entries.length === 0 || entries.some((artifact) => artifact.key !== key)) return null
  for (const artifact of entries) {
    const bytes = await readFile(join(out, artifact.path)).catch(() => null)
    if (!bytes || sha256(bytes) !== artifact.sha256) return null
  }
  return entries
}

/** A warning on out/manifest.json that is there but cannot be used: the notes would otherwise call this a first edition. */
function unreadableManifest(out: string, reason: string): VFile {
  const file = new VFile({ path: join(out, MANIFEST) })
  const what = `The previous build's ${MANIFEST} cannot be used: ${reason}. Every artifact is rebuilt, and the edition notes have no earlier edition to compare with (--since names one)`
  report(file, what, undefined, 'manifest-unreadable', 'warning')
  return file
}

function closeBrowser(session: Promise<BrowserSession>): Promise<void> {
  return session.then((running) => running.close(), () => undefined)
}

function buildManifest(result: BuildResult, input: string, date: Date, tree: Manifest['tree'], baseline: Manifest['baseline']): Manifest {
  return {
    casebook: VERSION,
    sourceDate: date.toISOString(),
    title: result.document.tree.data.title,
    inputs: result.document.files.map((file) => ({
      path: file.path === input ? basename(input) : relative(input, file.path ?? ''),
      sha256: sha256(String(file.value)),
      format: isMarkdown(file.path) ? 'markdown' : 'outline',
    })),
    tree,
    baseline,
    artifacts: [...result.artifacts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  }
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}
