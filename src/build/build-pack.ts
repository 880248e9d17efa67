/**
 * A whole build: load and check the document, then for each locale render
 * each format, then write every artifact and the manifest atomically.
 */
import { createHash } from 'node:crypto'
import { basename, extname, join, resolve } from 'node:path'
import type { Format } from '../config/config-schema.js'
import { findConfig, loadConfig, type ResolvedConfig } from '../config/load-config.js'
import { CasebookError, EnvironmentError, UsageError } from '../errors.js'
import { loadDocument } from '../load-document.js'
import { loadLocale } from '../locale/load-locale.js'
import { localizeDocument } from '../locale/localize.js'
import { checkTranslations } from '../locale/check-translations.js'
import { reportMissingKeys } from '../locale/report-missing-keys.js'
import type { VFile } from 'vfile'
import { renderers } from '../render/registry.js'
import type { Artifact, RenderContext, Renderer } from '../render/renderer.js'
import { templateDirs } from '../templates/template-dirs.js'
import type { ParsedDocument } from '../types.js'
import { VERSION } from '../version.js'
import type { BrowserSession } from '../browser/launch-browser.js'
import { writeAtomic } from './write-atomic.js'
import { sourceDate } from './source-date.js'
import { hasErrors } from '../check/diagnostics.js'

/** What a build is asked to do; unset fields come from the config, then defaults. */
export interface BuildOptions {
  input?: string
  out?: string
  formats?: Format[]
  locales?: string[]
  config?: string
  force?: boolean
  browserPath?: string
  cwd?: string
  /** Told about each step, for progress output; the library itself prints nothing. */
  onProgress?: (event: ProgressEvent) => void
}

/** A step of a build, for progress output. */
export type ProgressEvent =
  | { type: 'render'; locale: string; format: Format }
  | { type: 'write'; path: string; bytes: number }

/** One written file, as the manifest records it. */
export interface WrittenArtifact {
  locale: string
  format: Format
  path: string
  bytes: number
  sha256: string
  pages?: number
}

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
  artifacts: WrittenArtifact[]
  failures: FailedRender[]
  /** Files besides the sources whose messages the build reports: translations and incomplete catalogs. */
  reports: VFile[]
}

/** Builds the pack; content errors leave `artifacts` empty and write nothing. */
export async function buildPack(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd()
  const config = await loadConfig(await findConfig(options.config, options.input, cwd))
  const input = resolve(cwd, options.input ?? config.input ?? 'content')
  const out = resolve(cwd, options.out ?? config.out ?? 'out')
  const formats = options.formats ?? config.formats
  const locales = options.locales ?? config.locales ?? [config.lang]
  const document = await loadDocument(input, {
    defaults: { title: config.title, subtitle: config.subtitle, author: config.author, organisation: config.organisation, date: config.date, lang: config.lang },
    check: config.check,
  })
  const result: BuildResult = { config, document, out, artifacts: [], failures: [], reports: [] }
  if (hasErrors(document.files)) return result
  result.reports.push(...await checkTranslations(document, input, locales))

  const selected = await Promise.all(formats.map(async (format) => {
    const load = (renderers as Partial<Record<Format, () => Promise<Renderer>>>)[format]
    if (!load) throw new UsageError(`Format “${format}” is not available in this casebook`)
    return load()
  }))
  const dirs = templateDirs(config.templatesDir)
  const date = sourceDate(document.tree.data.date)
  const pending: Array<{ locale: string; format: Format; artifact: Artifact }> = []
  let session: Promise<BrowserSession> | undefined
  try {
    for (const code of locales) {
      const locale = await loadLocale(code, dirs)
      const incomplete = reportMissingKeys(locale)
      if (incomplete) result.reports.push(incomplete)
      const tree = await localizeDocument(document.tree, locale, { input, files: document.files })
      const context: RenderContext = {
        locale,
        config,
        templateDirs: dirs,
        sourceDate: date,
        shared: new Map(),
        browser: async () => {
          session ??= import('../browser/launch-browser.js').then(({ launchBrowser }) => launchBrowser(options.browserPath ?? config.browser.path))
          return (await session).browser
        },
      }
      for (const renderer of selected) {
        options.onProgress?.({ type: 'render', locale: code, format: renderer.format })
        try {
          for (const artifact of await renderer.render(tree, context)) pending.push({ locale: code, format: renderer.format, artifact })
        } catch (error) {
          // A missing browser must not cost the user the formats that need none.
          if (!(error instanceof EnvironmentError)) throw error
          result.failures.push({ locale: code, format: renderer.format, error })
        }
      }
    }
  } finally {
    if (session) await session.then((running) => running.close(), () => undefined)
  }

  for (const { locale, format, artifact } of pending) {
    const path = join(out, locale, artifact.name)
    await writeAtomic(path, artifact.bytes)
    options.onProgress?.({ type: 'write', path, bytes: artifact.bytes.length })
    result.artifacts.push({ locale, format, path: join(locale, artifact.name), bytes: artifact.bytes.length, sha256: sha256(artifact.bytes), pages: artifact.pages })
  }
  await writeAtomic(join(out, 'manifest.json'), JSON.stringify(manifest(result, input, date), null, 2) + '\n')
  return result
}

function manifest(result: BuildResult, input: string, date: Date) {
  return {
    casebook: VERSION,
    sourceDate: date.toISOString(),
    title: result.document.tree.data.title,
    inputs: result.document.files.map((file) => ({
      path: file.path === input ? basename(input) : file.path.slice(input.length + 1) || basename(file.path),
      sha256: sha256(new TextEncoder().encode(String(file.value))),
      format: extname(file.path) === '.md' ? 'markdown' : 'outline',
    })),
    artifacts: result.artifacts,
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
