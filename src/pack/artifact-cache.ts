/**
 * The previous build's artifacts, as its manifest records them: which can be kept (same key,
 * files intact), which an earlier build made and this one would leave stale, and the new manifest.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { VFile } from 'vfile'
import type { Format } from '../config/config-schema.js'
import { report } from '../messages/report.js'
import { isMarkdown } from '../parse/source-names.js'
import { VERSION } from '../version.js'
import type { EditionSnapshot } from '../edition/snapshot.js'
import type { BuildResult } from './build-types.js'
import { MANIFEST, readManifest, zipContents, type Manifest, type ManifestArtifact, type ManifestZip } from './manifest.js'

/** The artifacts of the previous build in `out`, and what this build may keep of them. */
export class ArtifactCache {
  private constructor(
    readonly out: string,
    /** The previous build's manifest, or null (none, or unreadable). */
    readonly previous: Manifest | null,
  ) {}

  /** Reads out/manifest.json; one that is there but unusable becomes a warning in `reports`. */
  static async open(out: string, reports: VFile[]): Promise<ArtifactCache> {
    return new ArtifactCache(out, await readManifest(out, (reason) => reports.push(unreadableManifest(out, reason))))
  }

  /** The previous build's artifacts of one locale. */
  artifactsOf(locale: string): ManifestArtifact[] {
    return this.previous?.artifacts.filter((artifact) => artifact.locale === locale) ?? []
  }

  /** Locales the previous build made and this one does not: their artifacts stay in the pack. */
  earlierLocales(locales: readonly string[]): string[] {
    return [...new Set(this.previous?.artifacts.map((artifact) => artifact.locale))].filter((code) => !locales.includes(code))
  }

  /** The previous build's artifacts for (locale, format) when their key matches and the files are intact. */
  async unchanged(locale: string, format: Format, key: string): Promise<ManifestArtifact[] | null> {
    const entries = this.artifactsOf(locale).filter((artifact) => artifact.format === format)
    if (entries.length === 0 || entries.some((artifact) => artifact.key !== key)) return null
    for (const artifact of entries) {
      const bytes = await readFile(join(this.out, artifact.path)).catch(() => null)
      if (!bytes || sha256(bytes) !== artifact.sha256) return null
    }
    // One an earlier build marked outdated is current again (the source went back to it).
    return entries.map(({ outdated: _outdated, ...artifact }) => artifact)
  }

  /**
   * The earlier artifacts of a locale in the formats this build does not make there: each stays in
   * the pack, marked outdated once its key (`keyOf` gives it now) no longer matches or its file changed.
   */
  async carryEarlier(locale: string, made: ReadonlySet<Format>, keyOf: (format: Format) => string): Promise<ManifestArtifact[]> {
    const carried: ManifestArtifact[] = []
    for (const format of new Set(this.artifactsOf(locale).map((artifact) => artifact.format))) {
      if (made.has(format)) continue
      const current = await this.unchanged(locale, format, keyOf(format))
      carried.push(...(current ?? this.artifactsOf(locale).filter((each) => each.format === format).map((artifact) => ({ ...artifact, outdated: true as const }))))
    }
    return carried
  }
}

/** What a manifest records besides the artifacts. */
export interface ManifestInputs {
  result: BuildResult
  input: string
  sourceDate: Date
  snapshot: EditionSnapshot
  baseline: Manifest['baseline']
  edition: string | null
  /** The zips `pack` wrote before, as this build leaves them (see `carryZips`). */
  zips: ManifestZip[]
}

/** The manifest of this build: its inputs, edition, snapshot, baseline, artifacts (sorted by path), zips and strays. */
export function buildManifest({ result, input, sourceDate, snapshot, baseline, edition, zips }: ManifestInputs): Manifest {
  return {
    casebook: VERSION,
    sourceDate: sourceDate.toISOString(),
    title: result.document.tree.data.title,
    inputs: result.document.files.map((file) => ({
      path: file.path === input ? basename(input) : relative(input, file.path ?? ''),
      sha256: sha256(String(file.value)),
      format: isMarkdown(file.path) ? 'markdown' : 'outline',
    })),
    edition,
    tree: snapshot.tree,
    locales: snapshot.locales,
    ...(snapshot.marks ? { marks: snapshot.marks } : {}),
    baseline,
    artifacts: [...result.artifacts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    zips,
    strays: result.strays,
  }
}

/** The earlier zips of locales still in the pack, each marked outdated once its locale's artifacts are not those it holds. */
export function carryZips(previous: readonly ManifestZip[], artifacts: readonly ManifestArtifact[]): ManifestZip[] {
  const locales = new Set(artifacts.map((artifact) => artifact.locale))
  return previous
    .filter((zip) => locales.has(zip.locale))
    .map(({ outdated: _outdated, ...zip }) => (zip.contents === zipContents(artifacts, zip.locale) ? zip : { ...zip, outdated: true as const }))
}

/** The hex SHA-256 of bytes or text. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A warning on out/manifest.json that is there but cannot be used: the notes would otherwise call this a first edition. */
function unreadableManifest(out: string, reason: string): VFile {
  const file = new VFile({ path: join(out, MANIFEST) })
  const what = `The previous build's ${MANIFEST} cannot be used: ${reason}. Every artifact is rebuilt, and the edition notes compare with the last recorded edition, or, with none recorded, call this a first edition (--since names another)`
  report(file, what, { ruleId: 'manifest-unreadable', severity: 'warning' })
  return file
}
