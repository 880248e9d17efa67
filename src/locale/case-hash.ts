/**
 * Which version of a source part a translation translates: a short hash of
 * its content, written under the translated heading as `<!-- source: HASH -->`.
 */
import { createHash } from 'node:crypto'
import type { Case, Conclusion, Intro, Section } from '../types.js'
import { contentJson } from '../text/content-json.js'

/** Hex digits kept: enough to tell versions of one case apart, short enough to write by hand. */
const HASH_LENGTH = 12

/**
 * The hash `casebook check` asks a translation to record: the first 12 hex
 * digits of the sha256 of the part's content as canonical JSON, positions left
 * out. For a case, its title and sections (titles, blocks with labels and inline
 * formatting) but not its number: the number, the label made from it (`案例二`)
 * and the case's part of its section numbers (`2.` of `2.1`) are left out, so a
 * case that is only renumbered (a case inserted before it) keeps its hash, and
 * its translation is found by the mark. For the intro and conclusion, their
 * heading and blocks.
 */
export function sourceHash(node: Intro | Case | Conclusion): string {
  let hash = sourceHashes.get(node)
  if (hash === undefined) {
    const content = node.type === 'case' ? ['case', node.title, node.children.map((section) => withoutCaseNumber(section, node.number))] : [node.type, node.title, node.children]
    hash = digest(contentJson(content))
    sourceHashes.set(node, hash)
  }
  return hash
}

/**
 * The hash marks were written with before `sourceHash`: the case's number,
 * title, label and sections. Still accepted as current, so translations marked
 * with it stay current; a case renumbered since is not found by such a mark.
 */
export function caseHash(node: Case): string {
  let hash = caseHashes.get(node)
  if (hash === undefined) {
    // Everything but positions, so a changed key-point label or link makes the translation stale too.
    hash = digest(contentJson([node.number, node.title, node.label, node.children]))
    caseHashes.set(node, hash)
  }
  return hash
}

/** Whether a translation marked `mark` translates `node` as it is now (either hash). */
export function marksCurrent(node: Intro | Case | Conclusion, mark: string | undefined): boolean {
  if (!mark) return false
  return mark === sourceHash(node) || (node.type === 'case' && mark === caseHash(node))
}

/**
 * A section number relative to its case: `2.1` of case 2 is `*.1`, so a
 * renumbered case's sections compare equal; a number that does not start with
 * its case's (`3.2` under case 2) is kept as written.
 */
export function relativeSectionNumber(number: string | null, caseNumber: number): string | null {
  const prefix = `${caseNumber}.`
  return number !== null && number.startsWith(prefix) ? `*.${number.slice(prefix.length)}` : number
}

function withoutCaseNumber(section: Section, caseNumber: number): Section {
  return { ...section, number: relativeSectionNumber(section.number, caseNumber) }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH)
}

// Trees are never changed, and a build hashes each source case once to match marks and once to check them.
const sourceHashes = new WeakMap<object, string>()
const caseHashes = new WeakMap<object, string>()
