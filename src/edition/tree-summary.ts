/**
 * What a pack says, case by case, as hashes: kept in the manifest so the next
 * build can tell which cases and sections changed (the edition notes).
 */
import { createHash, hash as oneShotHash } from 'node:crypto'
import type { Case, CaseDocument } from '../types.js'
import { contentJson, contentJsonWithChildren } from '../text/content-json.js'

/** One section's identity and content hash. */
export interface SectionSummary {
  number: string | null
  title: string
  /** The whole section as written, its number and title included. */
  hash: string
  /**
   * Its blocks alone, without number or title: what the next edition matches it by.
   * Absent in manifests of casebooks before number-free matching (see diff-trees.ts).
   */
  body?: string
}

/** One case's identity and content hashes. */
export interface CaseSummary {
  number: number
  title: string
  /** The whole case as written, its number, label and title included. */
  hash: string
  /**
   * Its sections' titles and bodies, without any number, label or the case's title:
   * a renumbered or renamed case keeps it. Absent in older manifests.
   */
  body?: string
  sections: SectionSummary[]
}

/** A document as the manifest records it. */
export interface TreeSummary {
  title: string
  /** The document's subtitle and date; absent (not null) in older manifests. */
  subtitle?: string | null
  date?: string | null
  intro: string | null
  conclusion: string | null
  cases: CaseSummary[]
}

/** Whether `value` (read from a manifest a user may have edited) has a tree summary's shape. */
export function isTreeSummary(value: unknown): value is TreeSummary {
  if (typeof value !== 'object' || value === null) return false
  const summary = value as Partial<Record<keyof TreeSummary, unknown>>
  return (
    typeof summary.title === 'string' &&
    (summary.intro === null || typeof summary.intro === 'string') &&
    (summary.conclusion === null || typeof summary.conclusion === 'string') &&
    Array.isArray(summary.cases) &&
    summary.cases.every(
      (entry: Partial<CaseSummary> | null) =>
        typeof entry === 'object' && entry !== null && typeof entry.number === 'number' && typeof entry.title === 'string' &&
        typeof entry.hash === 'string' && (entry.body === undefined || typeof entry.body === 'string') && Array.isArray(entry.sections) &&
        entry.sections.every(
          (section: Partial<SectionSummary> | null) =>
            typeof section === 'object' && section !== null && typeof section.hash === 'string' && typeof section.title === 'string' && (section.body === undefined || typeof section.body === 'string'),
        ),
    )
  )
}

/** Summarises a case tree. */
export function summarizeTree(tree: CaseDocument): TreeSummary {
  const summary: TreeSummary = { title: tree.data.title, subtitle: tree.data.subtitle ?? null, date: tree.data.date ?? null, intro: null, conclusion: null, cases: [] }
  for (const node of tree.children) {
    if (node.type === 'intro') summary.intro = nodeHash(node)
    else if (node.type === 'conclusion') summary.conclusion = nodeHash(node)
    else {
      hashCase(node)
      const sections = node.children.map((section) => ({ number: section.number, title: section.title, hash: nodeHash(section), body: bodyHash(section) }))
      summary.cases.push({
        number: node.number,
        title: node.title,
        hash: nodeHash(node),
        body: digest(JSON.stringify(sections.map((section) => [section.title, section.body]))),
        sections,
      })
    }
  }
  return summary
}

/** A short hash of canonical JSON. */
function digest(json: string): string {
  // The one-shot form: a Hash object per node cost more than the hashing at 4,000 nodes.
  return oneShotHash('sha256', json, 'hex').slice(0, 16)
}

// Nodes are not changed once parsed, and a locale's tree shares its source's case
// nodes, so a node's hash serves the summary and every artifact key.
const nodeHashes = new WeakMap<object, string>()

/** `hash` of a tree node, computed once per node object. */
export function nodeHash(node: object): string {
  let value = nodeHashes.get(node)
  if (value === undefined) nodeHashes.set(node, (value = digest(contentJson(node))))
  return value
}

/** The `body` of a section with no blocks. */
export const EMPTY_BODY = digest('[]')

const bodyHashes = new WeakMap<object, string>()

/** A section's blocks alone, hashed once per node: the same wherever the section is numbered or however it is titled. */
function bodyHash(section: Case['children'][number]): string {
  let value = bodyHashes.get(section)
  if (value === undefined) bodyHashes.set(section, (value = digest(contentJson(section.children))))
  return value
}

/** Remembers the hashes of a case and its sections, serializing each section once. */
function hashCase(node: Case): void {
  if (nodeHashes.has(node)) return
  // Each block is serialized once: its section's body is the blocks' JSON as an array (what
  // contentJson(section.children) gives), the section's JSON splices them in, and the case's the sections.
  const sections = node.children.map((section) => {
    const blocks = section.children.map(contentJson)
    if (!bodyHashes.has(section)) bodyHashes.set(section, digest(`[${blocks.join(',')}]`))
    return contentJsonWithChildren(section, blocks)
  })
  node.children.forEach((section, index) => nodeHashes.set(section, digest(sections[index])))
  nodeHashes.set(node, digest(contentJsonWithChildren(node, sections)))
}

/** A content hash of a whole tree: its data and each top-level node's hash. */
export function treeHash(tree: CaseDocument): string {
  return createHash('sha256').update(contentJson(tree.data)).update(tree.children.map(nodeHash).join()).digest('hex')
}
