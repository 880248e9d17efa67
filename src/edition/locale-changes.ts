/**
 * One locale's changes: the locale's own trees compared, so its notes use its titles and see
 * its translation's edits, plus the cases whose source moved on while their translation did not.
 */
import { diffTrees, type CaseRef, type TreeChanges } from './diff-trees.js'
import { localeTree, type Baseline, type EditionSnapshot } from './snapshot.js'
import type { TreeSummary } from './tree-summary.js'

/**
 * The changes `code`'s pack shows. `translated` says the locale's text comes from a translation
 * (another language than the source's): there, a case whose source changed and whose translation
 * did not is pending, not changed.
 */
export function localeChanges(sourceChanges: TreeChanges, baseline: Baseline, current: EditionSnapshot, code: string, translated: boolean): TreeChanges {
  const after = localeTree(current, code)
  if (!after) throw new Error(`No ${code} tree in this edition`)
  const before = localeTree(baseline, code)
  if (!before) return { ...retitled(sourceChanges, after), since: baseline.label }
  const changes = diffTrees(before, after)
  if (translated) {
    const shown = new Set([...changes.added, ...changes.changed].map((node) => node.number))
    changes.pending = sourceChanges.changed.filter((node) => !shown.has(node.number)).map((node) => retitle(node, after))
  }
  return { ...changes, since: baseline.label }
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

function retitle(node: CaseRef, after: TreeSummary): CaseRef {
  return { number: node.number, title: after.cases.find((each) => each.number === node.number)?.title ?? node.title }
}

/** Every locale's changes, and the source's, for a build comparing `current` with `baseline` (none for a first edition). */
export function editionChanges(baseline: Baseline | null, current: EditionSnapshot, locales: ReadonlyArray<{ code: string; translated: boolean }>): { source: TreeChanges | null; locales: Map<string, TreeChanges | null> } {
  if (!baseline) return { source: null, locales: new Map(locales.map(({ code }) => [code, null])) }
  const source = { ...diffTrees(baseline.tree, current.tree), since: baseline.label }
  return { source, locales: new Map(locales.map(({ code, translated }) => [code, localeChanges(source, baseline, current, code, translated)])) }
}
