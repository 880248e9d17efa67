/**
 * One locale's changes: the locale's own trees compared, so its notes use its titles and see
 * its translation's edits, plus the cases whose source moved on while their translation did not.
 */
import { diffTrees, label, pairTrees, sameShape, type CaseRef, type Pairing, type PendingCase, type TreeChanges } from './diff-trees.js'
import { localeTree, type Baseline, type EditionSnapshot } from './snapshot.js'
import type { TreeSummary } from './tree-summary.js'

/**
 * The changes `code`'s pack shows, its cases and sections paired as the source's are (a locale's
 * trees have their source's shape). `translated` says the locale's text comes from a translation
 * (another language than the source's): there, a case whose source changed while its translation
 * did not is pending (with the sections that are), not changed.
 */
export function localeChanges(sourceChanges: TreeChanges, baseline: Baseline, current: EditionSnapshot, code: string, translated: boolean): TreeChanges {
  const after = localeTree(current, code)
  if (!after) throw new Error(`No ${code} tree in this edition`)
  const before = localeTree(baseline, code)
  if (!before) return { ...retitled(sourceChanges, after), since: baseline.label }
  const mirrored = sameShape(before, baseline.tree) && sameShape(after, current.tree)
  const pairing = mirrored ? pairTrees(baseline.tree, current.tree) : undefined
  const changes = diffTrees(before, after, pairing)
  if (translated && pairing) changes.pending = pendingCases(pairing, { before: baseline.tree, after: current.tree }, { before, after })
  return { ...changes, since: baseline.label }
}

/** The cases whose source title or sections changed while the locale's stayed as they were. */
function pendingCases(pairing: Pairing, source: { before: TreeSummary; after: TreeSummary }, locale: { before: TreeSummary; after: TreeSummary }): PendingCase[] {
  const pending: PendingCase[] = []
  pairing.cases.forEach((old, at) => {
    if (old === undefined) return
    const [sourceOld, sourceNow] = [source.before.cases[old], source.after.cases[at]]
    const [localeOld, localeNow] = [locale.before.cases[old], locale.after.cases[at]]
    const sections: string[] = []
    pairing.sections.get(at)!.forEach((was, index) => {
      if (was === undefined) return
      const sourceSame = sourceOld.sections[was].hash === sourceNow.sections[index].hash
      if (!sourceSame && localeOld.sections[was].hash === localeNow.sections[index].hash) sections.push(label(localeNow.sections[index]))
    })
    const titlePending = sourceOld.title !== sourceNow.title && localeOld.title === localeNow.title
    if (sections.length || titlePending) pending.push({ number: localeNow.number, title: localeNow.title, sections })
  })
  return pending
}

/**
 * The source's changes under the locale's titles, for a baseline not built in this locale
 * (an older manifest, a locale added since): this edition's cases take the locale's titles;
 * a removed case and an old title keep the source's, which is all that is known of them.
 */
function retitled(changes: TreeChanges, after: TreeSummary): TreeChanges {
  const titles = new Map(after.cases.map((node) => [node.number, node.title]))
  const own = <T extends CaseRef>(node: T): T => ({ ...node, title: titles.get(node.number) ?? node.title })
  return {
    ...changes,
    added: changes.added.map(own),
    changed: changes.changed.map(own),
    renamed: changes.renamed.map(own),
    moved: changes.moved.map(own),
    renumbered: changes.renumbered.map(own),
    metadata: changes.metadata.map((change) => (change.field === 'title' ? { ...change, after: after.title } : change)),
  }
}

/** Every locale's changes, and the source's, for a build comparing `current` with `baseline` (none for a first edition). */
export function editionChanges(baseline: Baseline | null, current: EditionSnapshot, locales: ReadonlyArray<{ code: string; translated: boolean }>): { source: TreeChanges | null; locales: Map<string, TreeChanges | null> } {
  if (!baseline) return { source: null, locales: new Map(locales.map(({ code }) => [code, null])) }
  const source = { ...diffTrees(baseline.tree, current.tree), since: baseline.label }
  return { source, locales: new Map(locales.map(({ code, translated }) => [code, localeChanges(source, baseline, current, code, translated)])) }
}
