/** `casebook pack`: one deterministic zip per locale of a built pack, for mailing or publishing. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EnvironmentError, UsageError } from '../errors.js'
import { writePackage } from '../io/reproducible-zip.js'
import { errnoCode, errnoMeaning } from '../io/fs-errors.js'
import { MANIFEST, zipContents, type Manifest, type ManifestZip } from './manifest.js'
import { sha256 } from './artifact-cache.js'
import { lockOutput, waitEvent } from './out-lock.js'
import type { ProgressEvent } from './build-types.js'

/** How zipping reports progress: only a wait for another build's lock. */
export interface PackOptions {
  onProgress?: (event: Extract<ProgressEvent, { type: 'wait' }>) => void
}
import { writeFiles } from '../io/write-files.js'

/** The zip file name for a locale. */
export function zipName(locale: string): string {
  return `briefing-pack-${locale}.zip`
}

/** A zip written, and the outdated artifacts of its locale it was made without. */
export interface PackedZip {
  path: string
  left: string[]
}

/**
 * Zips each locale's current artifacts and its CHANGES.md from `out`, dated with the manifest's
 * source date so equal packs give equal zips. An outdated artifact (an earlier edition's) is left
 * out and named.
 */
export async function packZips(out: string, manifest: Manifest, options: PackOptions = {}): Promise<PackedZip[]> {
  // Under the output lock, like a build: no build rewrites the artifacts while they are read, or sweeps the zips' temps.
  const unlock = await lockOutput(out, { onWait: (wait) => options.onProgress?.(waitEvent(wait)) })
  try {
    const locales = [...new Set(manifest.artifacts.map((artifact) => artifact.locale))].sort()
    const date = new Date(manifest.sourceDate)
    const zips = []
    for (const locale of locales) {
      const folder = zipName(locale).replace(/\.zip$/, '')
      const parts = new Map<string, Uint8Array>()
      const artifacts = manifest.artifacts.filter((entry) => entry.locale === locale)
      if (artifacts.every((artifact) => artifact.outdated)) continue
      for (const artifact of artifacts.filter((entry) => !entry.outdated)) {
        const path = join(out, artifact.path)
        parts.set(`${folder}/${artifact.path.slice(locale.length + 1)}`, await readFile(path).catch((error: unknown) => Promise.reject(readError(error, out, path))))
      }
      const changes = await readFile(join(out, locale, 'CHANGES.md')).catch(() => null)
      if (changes) parts.set(`${folder}/CHANGES.md`, changes)
      zips.push({ locale, path: zipName(locale), bytes: writePackage(parts, date), left: artifacts.filter((entry) => entry.outdated).map((entry) => entry.path) })
    }
    // The manifest records what each zip holds, so a later build can tell when it is outdated.
    const records: ManifestZip[] = zips.map((zip) => ({ locale: zip.locale, path: zip.path, sha256: sha256(zip.bytes), contents: zipContents(manifest.artifacts, zip.locale) }))
    const zipped = new Set(records.map((zip) => zip.locale))
    const updated: Manifest = { ...manifest, zips: [...manifest.zips.filter((zip) => !zipped.has(zip.locale)), ...records].sort((a, b) => (a.path < b.path ? -1 : 1)) }
    updated.strays = updated.strays.filter((path) => !records.some((zip) => zip.path === path))
    await writeFiles(out, [...zips, { path: MANIFEST, bytes: JSON.stringify(updated, null, 2) + '\n' }])
    return zips.map((zip) => ({ path: join(out, zip.path), left: zip.left }))
  } finally {
    await unlock()
  }
}

/** An artifact the manifest lists but that cannot be read: gone since the build, or unreadable. */
function readError(error: unknown, out: string, path: string): unknown {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    return new UsageError(`${path} is listed in ${join(out, 'manifest.json')} but is missing; run casebook build --force, then pack again`, { cause: error })
  }
  const code = errnoCode(error)
  return code ? new EnvironmentError(`Cannot read ${path}: ${errnoMeaning(code)}`, { cause: error }) : error
}
