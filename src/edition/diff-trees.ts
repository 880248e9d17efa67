/** Which cases were added, removed or changed between two editions, and which sections changed. */
import type { CaseSummary, TreeSummary } from './tree-summary.js'

/** A case that changed, with the titles of its sections that changed, were added or removed. */
export interface ChangedCase {
  number: number
  title: string
  sections: string[]
}

/** The difference between the previous edition and this one. */
export interface TreeChanges {
  added: Array<{ number: number; title: string }>
  removed: Array<{ number: number; title: string }>
  changed: ChangedCase[]
  introChanged: boolean
  conclusionChanged: boolean
}

/** Compares editions; cases are matched by number, then by title when numbers moved. */
export function diffTrees(previous: TreeSummary, current: TreeSummary): TreeChanges {
  const unmatched = new Map(previous.cases.map((node) => [node.number, node]))
  const byTitle = new Map(previous.cases.map((node) => [node.title, node]))
  const changes: TreeChanges = { added: [], removed: [], changed: [], introChanged: previous.intro !== current.intro, conclusionChanged: previous.conclusion !== current.conclusion }
  for (const node of current.cases) {
    let before = unmatched.get(node.number)
    if (before?.title !== node.title) {
      // A case that moved keeps its title; prefer that match over an edited title at the same number.
      const moved = byTitle.get(node.title)
      if (moved && unmatched.get(moved.number) === moved) before = moved
    }
    if (!before) {
      changes.added.push({ number: node.number, title: node.title })
      continue
    }
    unmatched.delete(before.number)
    if (before.hash !== node.hash) changes.changed.push({ number: node.number, title: node.title, sections: changedSections(before, node) })
  }
  for (const node of unmatched.values()) changes.removed.push({ number: node.number, title: node.title })
  return changes
}

/** True when nothing differs. */
export function isUnchanged(changes: TreeChanges): boolean {
  return !changes.added.length && !changes.removed.length && !changes.changed.length && !changes.introChanged && !changes.conclusionChanged
}

function changedSections(before: CaseSummary, after: CaseSummary): string[] {
  const old = new Map(before.sections.map((section) => [section.number ?? section.title, section]))
  const names: string[] = []
  for (const section of after.sections) {
    const key = section.number ?? section.title
    const previous = old.get(key)
    old.delete(key)
    if (!previous || previous.hash !== section.hash) names.push(label(section))
  }
  for (const section of old.values()) names.push(label(section))
  return names
}

function label(section: { number: string | null; title: string }): string {
  return section.number ? `${section.number} ${section.title}` : section.title
}
