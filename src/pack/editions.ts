/**
 * Recorded editions: what `casebook pack` (or `build --edition NAME`) publishes, kept as
 * out/editions/NAME.json so that later builds compare with the last one, however many builds
 * or watch cycles come between, and `--since NAME` can name any of them.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UsageError } from '../errors.js'
import { isBaseline, isLocaleSummaries, type Baseline, type EditionSnapshot } from '../edition/snapshot.js'
import { isTreeSummary } from '../edition/tree-summary.js'
import type { FileToWrite } from '../io/write-files.js'
import { VERSION } from '../version.js'

/** The folder, inside the out folder, that holds the records. */
export const EDITIONS = 'editions'

/** One recorded edition. */
export interface EditionRecord extends EditionSnapshot {
  casebook: string
  name: string
  /** 1 for the first edition recorded in this out folder, and so on: the order of publishing. */
  sequence: number
  /** The date the edition's artifacts carry (ISO). */
  sourceDate: string
  title: string
  /** What this edition's notes compared with; null for a first edition. */
  baseline: Baseline | null
}

/** A name that is a safe file name anywhere: letters (any script), digits, and . _ - inside. */
const NAME = /^[\p{L}\p{N}](?:[\p{L}\p{N}._-]{0,62}[\p{L}\p{N}])?$/u

/** Words `--since` reads as something else than an edition. */
const RESERVED = new Set(['last-tag', 'HEAD', 'FETCH_HEAD', 'ORIG_HEAD', 'MERGE_HEAD'])

/** Refuses a name that cannot be a file name in out/editions/, or that `--since` would read otherwise, naming the rule. */
export function checkEditionName(name: string): string {
  if (RESERVED.has(name)) throw new UsageError(`--edition “${name}” cannot name an edition: --since reads it as ${name === 'last-tag' ? 'the newest git tag' : 'a git revision'}; choose another name (such as v2)`)
  if (!NAME.test(name)) {
    throw new UsageError(`--edition “${name}” cannot name an edition: use 1 to 64 letters, digits, dots, underscores or hyphens, starting and ending with a letter or digit (such as v2, 2026-12 or 第三版)`)
  }
  return name
}

/**
 * The editions recorded in `out`, oldest first. A record that cannot be read is a usage error
 * naming it: the notes would otherwise silently compare with an older edition.
 */
export async function readEditions(out: string): Promise<EditionRecord[]> {
  const folder = join(out, EDITIONS)
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)))
  const records: EditionRecord[] = []
  for (const file of names.filter((name) => name.endsWith('.json')).sort()) {
    const path = join(folder, file)
    let record: unknown
    try {
      record = JSON.parse(await readFile(path, 'utf8'))
    } catch (error) {
      throw new UsageError(`${path} is not a readable edition record (${(error as Error).message}); restore it, or delete it to forget that edition`, { cause: error })
    }
    if (!isRecord(record) || `${record.name}.json` !== file) {
      throw new UsageError(`${path} is not a casebook edition record; restore it, or delete it to forget that edition`)
    }
    records.push(record)
  }
  return records.sort((a, b) => a.sequence - b.sequence)
}

/** The file that records `record`, to be written with the rest of the pack. */
export function editionFile(record: EditionRecord): FileToWrite {
  return { path: `${EDITIONS}/${record.name}.json`, bytes: JSON.stringify(record, null, 2) + '\n' }
}

/** This edition, ready to record: `previous` is the last recorded one (replaced when it has the same name). */
export function newRecord(name: string, snapshot: EditionSnapshot, sourceDate: Date, title: string, baseline: Baseline | null, previous: EditionRecord | undefined): EditionRecord {
  const sequence = previous ? (previous.name === name ? previous.sequence : previous.sequence + 1) : 1
  return { casebook: VERSION, name, sequence, sourceDate: sourceDate.toISOString(), title, tree: snapshot.tree, locales: snapshot.locales, ...(snapshot.marks ? { marks: snapshot.marks } : {}), baseline }
}

function isRecord(value: unknown): value is EditionRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Partial<EditionRecord>
  return (
    typeof record.name === 'string' &&
    typeof record.sequence === 'number' &&
    typeof record.sourceDate === 'string' &&
    isTreeSummary(record.tree) &&
    isLocaleSummaries(record.locales) &&
    (record.baseline === null || isBaseline(record.baseline))
  )
}
