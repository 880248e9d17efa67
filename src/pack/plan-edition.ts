/**
 * Which edition a build is and what its notes compare with. An edition is what the user
 * publishes (`pack`, `build --edition`), not every build:
 * - `--since` names the baseline outright.
 * - An edition is recorded under the name given, or a date not taken yet; a name given again
 *   replaces the last edition, and an earlier edition's name is refused.
 * - Recording an edition compares it with the last recorded one (or, recording that one again
 *   under its name, with what it compared with); the first recorded edition is a first edition.
 * - Any other build compares with the last recorded edition, so its notes hold everything since,
 *   however many builds came between; a build whose content is still that edition's is that
 *   edition again, with its notes and its date.
 * - With no edition recorded, a build compares with what the previous build compared with, and the
 *   first build that changes anything with the first build in the out folder.
 */
import { UsageError } from '../errors.js'
import { sameSnapshot, type Baseline, type EditionSnapshot } from '../edition/snapshot.js'
import { checkEditionName, type EditionRecord } from './editions.js'
import type { Manifest } from './manifest.js'
import { readSince, type SinceContext } from './since.js'
import { sourceDate } from './source-date.js'

/** What this build is, as an edition. */
export interface EditionPlan {
  baseline: Baseline | null
  /** The date the artifacts carry. */
  sourceDate: Date
  /** The name this build records an edition under, or null. */
  record: string | null
  /** The recorded edition this pack is: the one it records, or the last one when its content is still that one's. */
  edition: string | null
}

/** What the choice is made from. */
export interface EditionInputs extends SinceContext {
  current: EditionSnapshot
  previous: Manifest | null
  since?: string
  /** Record this build as an edition: under this name, or (true) under the last edition's name when the content is its, else the date. */
  record?: string | true
  documentDate?: string
  now?: Date
}

/** Plans the edition; a taken or unusable name and a bad `--since` are usage errors. */
export async function planEdition(inputs: EditionInputs): Promise<EditionPlan> {
  const { editions, current } = inputs
  const last = editions.at(-1)
  const same = last !== undefined && sameSnapshot(last, current)
  const asked = typeof inputs.record === 'string' ? checkEditionName(inputs.record) : null
  // Only a build that is the last edition again takes its date: a new edition is dated today.
  const again = same && (asked === null || asked === last.name)
  const date = sourceDate(inputs.documentDate, process.env, again ? new Date(last.sourceDate) : inputs.now)
  const record = inputs.record === undefined ? null : (asked ?? (again ? last!.name : freeName(date.toISOString().slice(0, 10), editions)))
  if (record !== null && record !== last?.name) {
    const taken = editions.find((edition) => edition.name === record)
    if (taken) throw new UsageError(`Edition ${record} is already recorded (of ${taken.sourceDate.slice(0, 10)}, not the last one); name this edition otherwise with --edition NAME`)
  }
  const edition = record ?? (again ? last!.name : null)
  if (inputs.since) return { baseline: await readSince(inputs.since, inputs), sourceDate: date, record, edition }
  return { baseline: chooseBaseline(inputs, record, same), sourceDate: date, record, edition }
}

/**
 * A default name that no recorded edition has: the date, then `2026-12-01.2`, `.3`, … for a second
 * edition the same day. Only a name given with --edition replaces the last edition.
 */
function freeName(day: string, editions: EditionRecord[]): string {
  const taken = new Set(editions.map((edition) => edition.name))
  let name = day
  for (let count = 2; taken.has(name); count++) name = `${day}.${count}`
  return name
}

function chooseBaseline({ editions, previous, current }: EditionInputs, record: string | null, same: boolean): Baseline | null {
  const last = editions.at(-1)
  if (last && (record === last.name || (record === null && same))) return last.baseline
  if (last) return { label: { kind: 'edition', name: last.name, date: last.sourceDate }, tree: last.tree, locales: last.locales, marks: last.marks }
  if (record !== null || !previous) return null
  // The previous build's content again is that build again: the same notes (a first edition's, for the first build).
  if (sameSnapshot(previous, current)) return previous.baseline
  return previous.baseline ?? { label: { kind: 'first-build', date: previous.sourceDate }, tree: previous.tree, locales: previous.locales, marks: previous.marks }
}
