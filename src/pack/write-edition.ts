/**
 * Writes an edition: the new artifacts, each locale's CHANGES.md, the document's CHANGES.md, the
 * edition's record when it is recorded, and the manifest, at once (atomically). A file whose bytes
 * are already there is not rewritten; `--clean` then removes what no longer belongs to the pack.
 */
import { readFile, rm, rmdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { changesMarkdown } from '../edition/changes-markdown.js'
import type { TreeChanges } from '../edition/diff-trees.js'
import type { EditionSnapshot } from '../edition/snapshot.js'
import { writeFiles, type FileToWrite } from '../io/write-files.js'
import type { Locale } from '../locale/load-locale.js'
import { PACK_FILES } from '../parse/source-names.js'
import { buildManifest, carryZips } from './artifact-cache.js'
import type { BuildOptions, BuildResult } from './build-types.js'
import { editionFile, newRecord, type EditionRecord } from './editions.js'
import type { LocalePack } from './localize-locales.js'
import { MANIFEST, type ManifestZip } from './manifest.js'
import type { EditionPlan } from './plan-edition.js'
import { findStrays } from './strays.js'

/** An edition to write: what the grid made, and what the manifest and the notes record besides. */
export interface Edition {
  result: BuildResult
  /** The artifacts rendered this time. */
  files: FileToWrite[]
  input: string
  plan: EditionPlan
  snapshot: EditionSnapshot
  packs: LocalePack[]
  /** Each locale's notes. */
  changes: ReadonlyMap<string, TreeChanges | null>
  /** The locale of the document's own language, which out/CHANGES.md is written in. */
  notesLocale: Locale
  /** The last recorded edition, which a recorded one follows or replaces. */
  lastEdition: EditionRecord | undefined
  /** The zips the previous build's manifest records. */
  zips: readonly ManifestZip[]
}

/** Writes the edition into `result.out`, recording the paths in `result.written`, `result.unchanged` and `result.removed`. */
export async function writeEdition(edition: Edition, options: Pick<BuildOptions, 'onProgress' | 'clean'>): Promise<void> {
  const { result, plan, snapshot } = edition
  const out = result.out
  const title = result.document.tree.data.title
  const notes: FileToWrite[] = edition.packs
    .filter((pack) => pack.requested)
    .map((pack) => ({ path: `${pack.code}/${PACK_FILES.changes}`, bytes: changesMarkdown(pack.tree.data.title, edition.changes.get(pack.code) ?? null, pack.locale, plan.edition ?? undefined) }))
  notes.push({ path: PACK_FILES.changes, bytes: changesMarkdown(title, result.changes, edition.notesLocale, plan.edition ?? undefined) })
  if (plan.record) notes.push(editionFile(newRecord(plan.record, snapshot, plan.sourceDate, title, plan.baseline, edition.lastEdition)))
  let zips = carryZips(edition.zips, result.artifacts)
  const removing = new Set<string>()
  if (options.clean) {
    for (const artifact of result.artifacts) if (artifact.outdated) removing.add(artifact.path)
    for (const zip of zips) if (zip.outdated) removing.add(zip.path)
    result.artifacts = result.artifacts.filter((artifact) => !artifact.outdated)
    zips = carryZips(zips.filter((zip) => !zip.outdated), result.artifacts)
  }
  const strays = await findStrays(out, [...result.artifacts.map((artifact) => artifact.path), ...zips.map((zip) => zip.path), ...notes.map((file) => file.path)], result.artifacts.map((artifact) => artifact.locale))
  if (options.clean) for (const path of strays) removing.add(path)
  result.strays = options.clean ? [] : strays
  result.zips = zips
  const manifest = buildManifest({ result, input: edition.input, sourceDate: plan.sourceDate, snapshot, baseline: plan.baseline, edition: plan.edition, zips })
  const candidates = [...edition.files, ...notes, { path: MANIFEST, bytes: JSON.stringify(manifest, null, 2) + '\n' }]
  // A file already there byte for byte is left alone, so its time stamp says when it last changed.
  const same = await Promise.all(candidates.map((file) => sameBytes(join(out, file.path), file.bytes)))
  const files = candidates.filter((_, index) => !same[index])
  const rendered = new Set(edition.files.map((file) => file.path))
  result.unchanged = candidates.filter((file, index) => same[index] && rendered.has(file.path)).map((file) => file.path)
  const writeStart = performance.now()
  await writeFiles(out, files)
  await Promise.all([...removing].map((path) => rm(join(out, path), { force: true })))
  // A folder left empty goes too; one that holds anything else stays.
  for (const folder of [...new Set([...removing].map((path) => dirname(join(out, path))))].sort().reverse()) await rmdir(folder).catch(() => undefined)
  options.onProgress?.({ type: 'step', step: 'write', ms: performance.now() - writeStart })
  result.written = files.map((file) => file.path)
  result.removed = [...removing].sort()
  for (const file of files) options.onProgress?.({ type: 'write', path: join(out, file.path), bytes: file.bytes.length })
}

/** Whether the file at `path` holds exactly `bytes`. */
async function sameBytes(path: string, bytes: Uint8Array | string): Promise<boolean> {
  const there = await readFile(path).catch(() => null)
  return there !== null && there.equals(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)
}
