/**
 * Where stale translation marks went: the cases of earlier editions (the previous build's, what it
 * compared with, each recorded edition), each with the mark a translation of it recorded, matched
 * to today's cases by identity as the edition notes match them. A translation whose mark is stale
 * then stays with its case when cases are inserted, deleted or moved, instead of going by number.
 */
import { pairTrees } from '../edition/diff-trees.js'
import type { EditionSnapshot } from '../edition/snapshot.js'
import type { TreeSummary } from '../edition/tree-summary.js'
import type { EarlierMarks } from '../locale/merge-translation.js'
import { readEditions } from './editions.js'
import { readManifest } from './manifest.js'

/** Earlier snapshots in `out`, the newest first: the previous build's, its baseline, then the recorded editions. */
export async function earlierSnapshots(out: string): Promise<EditionSnapshot[]> {
  const previous = await readManifest(out)
  // A record that cannot be read is named by the build under its lock; here it only has nothing to tell.
  const editions = await readEditions(out).catch(() => [])
  return [...(previous ? [previous, ...(previous.baseline ? [previous.baseline] : [])] : []), ...editions.reverse()]
}

/** Each earlier mark that no current case has, and the current case (its place among the cases) it became, or null if removed. */
export function markHistory(snapshots: readonly EditionSnapshot[], current: TreeSummary, currentMarks: readonly string[]): EarlierMarks {
  const history = new Map<string, number | null>()
  const now = new Set(currentMarks)
  for (const snapshot of snapshots) {
    const marks = snapshot.marks
    if (!marks || marks.length !== snapshot.tree.cases.length || marks.every((mark) => now.has(mark) || history.has(mark))) continue
    const pairing = pairTrees(snapshot.tree, current)
    const became = new Map<number, number>()
    pairing.cases.forEach((before, after) => before !== undefined && became.set(before, after))
    marks.forEach((mark, index) => {
      if (!now.has(mark) && !history.has(mark)) history.set(mark, became.get(index) ?? null)
    })
  }
  return history
}
