/**
 * What happened between two editions, case by case: added, removed, changed (with the sections
 * added, removed or changed), renamed, moved or renumbered, and the document's own title,
 * subtitle and date.
 *
 * Cases and sections are matched by identity, the way git detects renames, and numbers play
 * no part: first the same content under the same title, then the same content (a rename),
 * then the same title (an edit), then, for cases, most of the same sections (a rename with an
 * edit). What is left over was added or removed.
 */
import type { BaselineLabel } from './snapshot.js'
import { EMPTY_BODY, type CaseSummary, type SectionSummary, type TreeSummary } from './tree-summary.js'

/** A case as this edition (or, for a removed one, the previous edition) numbers and titles it. */
export interface CaseRef {
  number: number
  title: string
}

/** A section's label as written: `1.4 案例背景`, or the title alone. */
export type SectionLabel = string

/** What happened to a changed case's sections; added ones carry this edition's numbers, removed ones the previous edition's. */
export interface SectionChanges {
  added: SectionLabel[]
  removed: SectionLabel[]
  changed: SectionLabel[]
  /** Taken out of the order the case's other sections keep (this edition's numbers); a section only renumbered is not listed. */
  moved: SectionLabel[]
}

/** A case whose content changed (numbered and titled as in this edition). */
export interface ChangedCase extends CaseRef {
  sections: SectionChanges
}

/** A case whose title changed. */
export interface RenamedCase extends CaseRef {
  previousTitle: string
}

/** A case whose source changed while its translation did not: its title, or these sections. */
export interface PendingCase extends CaseRef {
  /** The sections whose source changed, labelled as the locale has them; empty when only the title's did. */
  sections: SectionLabel[]
}

/** A case whose number changed. */
export interface MovedCase extends CaseRef {
  previousNumber: number
}

/** A change to the document's title, subtitle or date. */
export interface MetadataChange {
  field: 'title' | 'subtitle' | 'date'
  before: string | null
  after: string | null
}

/** The difference between the previous edition and this one. */
export interface TreeChanges {
  added: CaseRef[]
  removed: CaseRef[]
  changed: ChangedCase[]
  renamed: RenamedCase[]
  /** Taken out of the order the other cases keep (one of two swapped cases, a case moved elsewhere). */
  moved: MovedCase[]
  /** In the same order as before, under another number (the cases after an insertion or deletion). */
  renumbered: MovedCase[]
  metadata: MetadataChange[]
  introChanged: boolean
  conclusionChanged: boolean
  /**
   * In a translated locale: cases whose source changed while their translation did not
   * (source changed; translation pending). Not marked ●: what the locale shows is unchanged.
   */
  pending: PendingCase[]
  /** What these changes are measured against, for the notes to name; set by the build. */
  since?: BaselineLabel
}

/**
 * Which case and section of the previous edition each of this edition's is (undefined: added).
 * A locale's trees have their source's shape, so the source's pairing serves them: a case whose
 * translation first arrives, or whose title is translated anew, is still the same case.
 */
export interface Pairing {
  cases: Array<number | undefined>
  /** By this edition's case index: its sections' partners in the paired previous case. */
  sections: Map<number, Array<number | undefined>>
  /** Matched by number-free body hashes (false for a manifest of an older casebook: by number, then title). */
  identity: boolean
}

/** Pairs two editions' cases and sections by identity (see the top of this file). */
export function pairTrees(previous: TreeSummary, current: TreeSummary): Pairing {
  // A manifest written before number-free hashes has no `body`: then cases are matched as those
  // casebooks did, by number, then by a title that moved (and sections by number, then title).
  const identity = [...previous.cases, ...current.cases].every((node) => node.body !== undefined && node.sections.every((section) => section.body !== undefined))
  const cases = identity ? matchByIdentity(previous.cases, current.cases) : matchByNumber(previous.cases, current.cases)
  const sections = new Map<number, Array<number | undefined>>()
  cases.forEach((before, after) => {
    if (before === undefined) return
    const old = previous.cases[before].sections
    const now = current.cases[after].sections
    sections.set(after, identity ? matchItems(old, now, emptySection) : matchSectionsByNumber(old, now))
  })
  return { cases, sections, identity }
}

/** Whether `tree` has `like`'s shape: as many cases, each with as many sections (a locale's tree and its source's). */
export function sameShape(tree: TreeSummary, like: TreeSummary): boolean {
  return tree.cases.length === like.cases.length && tree.cases.every((node, index) => node.sections.length === like.cases[index].sections.length)
}

/** Compares two editions' summaries, pairing their cases and sections by identity, or as `pairing` says. */
export function diffTrees(previous: TreeSummary, current: TreeSummary, pairing: Pairing = pairTrees(previous, current)): TreeChanges {
  const changes: TreeChanges = {
    added: [],
    removed: [],
    changed: [],
    renamed: [],
    moved: [],
    renumbered: [],
    metadata: metadataChanges(previous, current),
    introChanged: previous.intro !== current.intro,
    conclusionChanged: previous.conclusion !== current.conclusion,
    pending: [],
  }
  const { identity } = pairing
  const matchedBefore = new Set<number>()
  const matchedPairs: Array<[number, number]> = []
  pairing.cases.forEach((before, after) => {
    const node = current.cases[after]
    if (before === undefined) {
      changes.added.push(ref(node))
      return
    }
    matchedBefore.add(before)
    matchedPairs.push([before, after])
    const old = previous.cases[before]
    if (old.title !== node.title) changes.renamed.push({ ...ref(node), previousTitle: old.title })
    const same = identity ? old.body === node.body : old.hash === node.hash
    if (!same) changes.changed.push({ ...ref(node), sections: sectionChanges(old.sections, node.sections, pairing.sections.get(after)!, identity) })
  })
  previous.cases.forEach((node, index) => {
    if (!matchedBefore.has(index)) changes.removed.push(ref(node))
  })
  // The matched cases that keep their relative order are the longest run of increasing previous
  // positions; the others were moved. Those in the run under another number were renumbered.
  const kept = longestIncreasing(matchedPairs.map(([before]) => before))
  matchedPairs.forEach(([before, after], index) => {
    const old = previous.cases[before]
    const node = current.cases[after]
    if (!kept.has(index)) changes.moved.push({ ...ref(node), previousNumber: old.number })
    else if (old.number !== node.number) changes.renumbered.push({ ...ref(node), previousNumber: old.number })
  })
  return changes
}

/** True when nothing differs. */
export function isUnchanged(changes: TreeChanges): boolean {
  return (
    !changes.added.length &&
    !changes.removed.length &&
    !changes.changed.length &&
    !changes.renamed.length &&
    !changes.moved.length &&
    !changes.renumbered.length &&
    !changes.metadata.length &&
    !changes.introChanged &&
    !changes.conclusionChanged &&
    !changes.pending.length
  )
}

/** This edition's numbers of the cases to mark (●) in the contents: added, changed or renamed; not those only moved or renumbered. */
export function markedCaseNumbers(changes: TreeChanges | null | undefined): Set<number> {
  if (!changes) return new Set()
  return new Set([...changes.added, ...changes.changed, ...changes.renamed].map((node) => node.number))
}

function ref(node: CaseSummary): CaseRef {
  return { number: node.number, title: node.title }
}

function metadataChanges(previous: TreeSummary, current: TreeSummary): MetadataChange[] {
  const found: MetadataChange[] = []
  if (previous.title !== current.title) found.push({ field: 'title', before: previous.title, after: current.title })
  // An older manifest records no subtitle or date (the key is absent): nothing to compare with.
  for (const field of ['subtitle', 'date'] as const) {
    if (!(field in previous) || !(field in current)) continue
    const before = previous[field] ?? null
    const after = current[field] ?? null
    if (before !== after) found.push({ field, before, after })
  }
  return found
}

/** Anything matchable: a title and a number-free body hash. */
interface Item {
  title: string
  body?: string
}

/**
 * For each item of `after`, the index of the item of `before` it is, or undefined for a new one.
 * Passes, each over the items still unmatched, in order: same body and title, same body, same
 * title, then `similar` (when given). An empty body (no sections, no blocks) says nothing of
 * identity and is not matched on alone.
 */
function matchItems<T extends Item>(before: T[], after: T[], empty: (item: T) => boolean, similar?: (a: T, b: T) => number): Array<number | undefined> {
  const result: Array<number | undefined> = after.map(() => undefined)
  const taken = new Set<number>()
  const pass = (key: (item: T) => string | null) => {
    const queues = new Map<string, number[]>()
    before.forEach((item, index) => {
      const value = taken.has(index) ? null : key(item)
      if (value === null) return
      const queue = queues.get(value)
      if (queue) queue.push(index)
      else queues.set(value, [index])
    })
    after.forEach((item, index) => {
      if (result[index] !== undefined) return
      const value = key(item)
      const queue = value === null ? undefined : queues.get(value)
      const found = queue?.shift()
      if (found === undefined) return
      result[index] = found
      taken.add(found)
    })
  }
  pass((item) => (empty(item) ? null : JSON.stringify([item.body, item.title])))
  pass((item) => (empty(item) ? null : (item.body ?? null)))
  pass((item) => item.title)
  if (similar) {
    // The most similar pairs first, as git pairs renamed files by similarity; at least half the same.
    const candidates: Array<{ score: number; before: number; after: number }> = []
    after.forEach((item, a) => {
      if (result[a] !== undefined) return
      before.forEach((old, b) => {
        if (taken.has(b)) return
        const score = similar(old, item)
        if (score >= 0.5) candidates.push({ score, before: b, after: a })
      })
    })
    candidates.sort((x, y) => y.score - x.score || x.after - y.after || x.before - y.before)
    for (const candidate of candidates) {
      if (result[candidate.after] !== undefined || taken.has(candidate.before)) continue
      result[candidate.after] = candidate.before
      taken.add(candidate.before)
    }
  }
  return result
}

function matchByIdentity(before: CaseSummary[], after: CaseSummary[]): Array<number | undefined> {
  return matchItems(before, after, (node) => node.sections.length === 0, sectionSimilarity)
}

/** The share of sections two cases have in common, by body (Dice's coefficient over the non-empty ones). */
function sectionSimilarity(a: CaseSummary, b: CaseSummary): number {
  const bodies = (node: CaseSummary) => node.sections.filter((section) => !emptySection(section)).map((section) => section.body!)
  const left = bodies(a)
  const right = bodies(b)
  if (left.length + right.length === 0) return 0
  const pool = new Map<string, number>()
  for (const body of left) pool.set(body, (pool.get(body) ?? 0) + 1)
  let common = 0
  for (const body of right) {
    const count = pool.get(body) ?? 0
    if (count > 0) {
      common++
      pool.set(body, count - 1)
    }
  }
  return (2 * common) / (left.length + right.length)
}

/** A section with no blocks says nothing of its identity: it is matched by title only. */
function emptySection(section: SectionSummary): boolean {
  return section.body === EMPTY_BODY
}

/** Today's matching for manifests without body hashes: by number, then by a title that moved. */
function matchByNumber(before: CaseSummary[], after: CaseSummary[]): Array<number | undefined> {
  const unmatched = new Map(before.map((node, index) => [node.number, index]))
  const byTitle = new Map(before.map((node, index) => [node.title, index]))
  return after.map((node) => {
    let found = unmatched.get(node.number)
    if (found === undefined || before[found].title !== node.title) {
      // A case that moved keeps its title; prefer that match over an edited title at the same number.
      const moved = byTitle.get(node.title)
      if (moved !== undefined && unmatched.get(before[moved].number) === moved) found = moved
    }
    if (found === undefined) return undefined
    unmatched.delete(before[found].number)
    return found
  })
}

function sectionChanges(before: SectionSummary[], after: SectionSummary[], pairs: Array<number | undefined>, identity: boolean): SectionChanges {
  const changes: SectionChanges = { added: [], removed: [], changed: [], moved: [] }
  const matched = new Set<number>()
  const order: Array<[number, number]> = []
  pairs.forEach((index, at) => {
    const section = after[at]
    if (index === undefined) return changes.added.push(label(section))
    matched.add(index)
    order.push([index, at])
    const old = before[index]
    const same = identity ? old.body === section.body && old.title === section.title : old.hash === section.hash
    if (!same) changes.changed.push(label(section))
  })
  before.forEach((section, index) => {
    if (!matched.has(index)) changes.removed.push(label(section))
  })
  const kept = longestIncreasing(order.map(([index]) => index))
  order.forEach(([, at], position) => {
    if (!kept.has(position)) changes.moved.push(label(after[at]))
  })
  return changes
}

function matchSectionsByNumber(before: SectionSummary[], after: SectionSummary[]): Array<number | undefined> {
  const unmatched = new Map(before.map((section, index) => [section.number ?? section.title, index]))
  return after.map((section) => {
    const key = section.number ?? section.title
    const found = unmatched.get(key)
    unmatched.delete(key)
    return found
  })
}

/** A section's label: `1.4 案例背景`, or the title alone. */
export function label(section: { number: string | null; title: string }): string {
  return section.number ? `${section.number} ${section.title}` : section.title
}

/** The indexes of one longest strictly increasing subsequence of `values` (the earliest such, for a stable answer). */
function longestIncreasing(values: number[]): Set<number> {
  // O(n log n): tails[k] is the index ending the best run of length k + 1 found so far.
  const tails: number[] = []
  const previous: number[] = values.map(() => -1)
  values.forEach((value, index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (values[tails[middle]] < value) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[index] = tails[low - 1]
    tails[low] = index
  })
  const kept = new Set<number>()
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]) kept.add(index)
  return kept
}
