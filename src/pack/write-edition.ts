/**
 * Writes an edition: the new artifacts, CHANGES.md and the manifest at once (atomically), then
 * removes the earlier artifacts that no longer match. An unchanged build writes nothing.
 */
import { rm, rmdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { changesMarkdown } from '../edition/changes-markdown.js'
import { writeFiles, type FileToWrite } from '../io/write-files.js'
import type { Locale } from '../locale/load-locale.js'
import { buildManifest, type ArtifactCache } from './artifact-cache.js'
import type { BuildOptions, BuildResult } from './build-types.js'
import { MANIFEST, type Manifest } from './manifest.js'

/** An edition to write: what the grid made, and what the manifest records besides. */
export interface Edition {
  result: BuildResult
  files: FileToWrite[]
  cache: ArtifactCache
  input: string
  sourceDate: Date
  tree: Manifest['tree']
  baseline: Manifest['baseline']
  /** The locale CHANGES.md is written in (the first built). */
  notesLocale: Locale
}

/** Writes the edition into `result.out` and records the written paths in `result.written`. */
export async function writeEdition(edition: Edition, options: Pick<BuildOptions, 'onProgress'>): Promise<void> {
  const { result, cache, files } = edition
  const out = result.out
  const manifest = buildManifest(result, edition.input, edition.sourceDate, edition.tree, edition.baseline)
  const changes = changesMarkdown(result.document.tree.data.title, result.changes, edition.notesLocale)
  if (files.length > 0 || cache.isNew(manifest)) {
    files.push({ path: 'CHANGES.md', bytes: changes }, { path: MANIFEST, bytes: JSON.stringify(manifest, null, 2) + '\n' })
  }
  const writeStart = performance.now()
  await writeFiles(out, files)
  await Promise.all(result.removed.map((path) => rm(join(out, path), { force: true })))
  // A locale folder left empty goes too; one that holds anything else stays.
  await Promise.all([...new Set(result.removed.map((path) => dirname(join(out, path))))].map((folder) => rmdir(folder).catch(() => undefined)))
  options.onProgress?.({ type: 'step', step: 'write', ms: performance.now() - writeStart })
  result.written = files.map((file) => file.path)
  for (const file of files) options.onProgress?.({ type: 'write', path: join(out, file.path), bytes: file.bytes.length })
}
