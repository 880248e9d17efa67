/**
 * `--since`: the edition a build's notes compare with, named by the user as a recorded
 * edition, a manifest, a source document, a git revision or `last-tag`. Anything else is a
 * usage error naming the argument and what it may be.
 */
import { existsSync } from 'node:fs'
import { readFile as readText } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { UsageError } from '../errors.js'
import { isLocaleSummaries, type Baseline, type EditionSnapshot } from '../edition/snapshot.js'
import { isTreeSummary } from '../edition/tree-summary.js'
import type { EditionRecord } from './editions.js'
import { checkoutRevision, isRepository, lastTag } from './git-revision.js'
import { PACK_FILES, translationName } from '../parse/source-names.js'
import type { Manifest } from './manifest.js'

/**
 * How an earlier source becomes a snapshot: read, checked and localized as this build's locales.
 * `complete` says the translations beside it are all it had (a git checkout), so a locale without
 * one showed the source untranslated; otherwise (a copy) such a locale is left out of the snapshot.
 */
export type ReadSnapshot = (input: string, shownAs: string, complete: boolean) => Promise<EditionSnapshot>

/** What resolving `--since` needs from the build. */
export interface SinceContext {
  input: string
  editions: EditionRecord[]
  readSnapshot: ReadSnapshot
}

/** The baseline `--since value` names. */
export async function readSince(value: string, context: SinceContext): Promise<Baseline> {
  if (value === 'last-tag') {
    const tag = await lastTag(context.input)
    const baseline = await readRevision(tag, context)
    if (!baseline) throw new UsageError(`--since last-tag: the tag ${tag} names no commit`)
    return baseline
  }
  const edition = context.editions.find((record) => record.name === value)
  if (edition) return { label: { kind: 'edition', name: edition.name, date: edition.sourceDate }, tree: edition.tree, locales: edition.locales }
  if (existsSync(value)) return readFile(value, context)
  const revision = await readRevision(value, context)
  if (revision) return revision
  const recorded = context.editions.map((record) => record.name)
  // `old/manifest.json`, `v1.txt`: meant as a file, so say that the file is missing.
  const what = /[/\\]|\.(json|md|markdown|txt)$/i.test(value)
    ? `there is no file ${value}`
    : (await isRepository(context.input))
      ? 'no recorded edition, file or git revision has that name'
      : `no recorded edition or file has that name, and ${context.input} is not in a git repository, so it names no revision`
  throw new UsageError(
    `--since ${value}: ${what}. Name ${recorded.length ? `a recorded edition (${recorded.join(', ')}), ` : ''}an earlier out/manifest.json of an earlier build, an earlier source document, a git revision (HEAD~1, a tag, a commit) or last-tag`,
  )
}

/**
 * An earlier manifest or source named by its path. casebook's own output (CHANGES.md, a pack
 * folder) and a translation are no source: each is refused with what it is.
 */
async function readFile(path: string, context: SinceContext): Promise<Baseline> {
  if (extname(path).toLowerCase() === '.json') return readManifestFile(path)
  const name = basename(path)
  if (name === PACK_FILES.changes) throw new UsageError(`--since ${path}: that is edition notes casebook wrote, not an edition; ${MANIFEST_HINT}`)
  if (translationName(name)) throw new UsageError(`--since ${path}: that is a translation (read beside its source), not an edition; name the earlier source it translates`)
  if (existsSync(join(path, PACK_FILES.manifest))) throw new UsageError(`--since ${path}: that is a pack casebook wrote; name its manifest, ${join(path, PACK_FILES.manifest)}`)
  return { label: { kind: 'source', path }, ...(await context.readSnapshot(path, path, false)) }
}

/** The source at `revision`, or null when it names no commit of the repository holding the input. */
async function readRevision(revision: string, context: SinceContext): Promise<Baseline | null> {
  const checkout = await checkoutRevision(context.input, revision)
  if (!checkout) return null
  try {
    // A checkout has every translation the revision had: a locale without one then showed the source, untranslated.
    return { label: { kind: 'git', revision, commit: checkout.commit }, ...(await context.readSnapshot(checkout.input, `${revision}:${context.input}`, true)) }
  } finally {
    checkout.remove()
  }
}

const MANIFEST_HINT = 'name an out/manifest.json of an earlier build, or an earlier version of the source document'

async function readManifestFile(path: string): Promise<Baseline> {
  const text = await readText(path, 'utf8').catch((error: Error) => {
    throw new UsageError(`--since: cannot read ${path}: ${error.message}`, { cause: error })
  })
  let manifest: Partial<Manifest>
  try {
    manifest = JSON.parse(text) as Partial<Manifest>
  } catch (error) {
    throw new UsageError(`--since: ${path} is not valid JSON (${(error as Error).message}); ${MANIFEST_HINT}`, { cause: error })
  }
  if (!isTreeSummary(manifest?.tree)) throw new UsageError(`--since: ${path} is not a casebook manifest (no case tree in “tree”); ${MANIFEST_HINT}`)
  return { label: { kind: 'manifest', path }, tree: manifest.tree, locales: isLocaleSummaries(manifest.locales) ? manifest.locales : {} }
}
