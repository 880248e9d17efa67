/** Which edition this build's notes compare against. */
import { extname } from 'node:path'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { UsageError } from '../errors.js'
import { loadDocument } from '../load-document.js'
import type { Manifest } from './manifest.js'
import { isTreeSummary, summarizeTree, type TreeSummary } from '../edition/tree-summary.js'
import { collectDiagnostics } from '../check/diagnostics.js'

/**
 * `--since FILE` (an old manifest.json or an old source document) wins. Otherwise
 * the previous build's tree; but when the content is the same as that build's,
 * its own baseline, so rebuilding an unchanged edition gives the same notes and bytes.
 */
export async function chooseBaseline(current: TreeSummary, previous: Manifest | null, since?: string, caseHeading?: string): Promise<TreeSummary | null> {
  if (since) return readSince(since, caseHeading)
  if (!previous) return null
  return sameJson(previous.tree, asRecorded(current, previous.tree)) ? previous.baseline : previous.tree
}

/**
 * `current` with only the fields `recorded` has: a manifest of a casebook before number-free
 * matching has no `body`, `subtitle` or `date`, and the same content rebuilt after an upgrade
 * is still the same edition, keeping its notes.
 */
function asRecorded(current: TreeSummary, recorded: TreeSummary): TreeSummary {
  const legacy = recorded.cases.length > 0 && recorded.cases[0].body === undefined
  if (!legacy && 'subtitle' in recorded && 'date' in recorded) return current
  const { subtitle, date, ...rest } = current
  return {
    ...rest,
    ...('subtitle' in recorded ? { subtitle } : {}),
    ...('date' in recorded ? { date } : {}),
    cases: legacy ? current.cases.map(({ body: _body, ...node }) => ({ ...node, sections: node.sections.map(({ body: _section, ...section }) => section) })) : current.cases,
  }
}

/**
 * Whether two JSON values are equal, stopping at the first difference. Summaries
 * hold only titles and hashes; stringifying both to compare them took a quarter
 * longer (116 ms against 89 ms for two equal summaries of 10,000 cases), and
 * Object.keys with every() several times longer than these loops (13.7 ms against
 * 1.6 ms for 1,000 cases, once each in a fresh process).
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false
    return true
  }
  let keys = 0
  for (const key in a) {
    keys++
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false
  }
  for (const key in b) keys--
  return keys === 0
}

const SINCE_HINT = 'name an out/manifest.json of an earlier build, or an earlier version of the source document'

/** `caseHeading` is the config's `outline.caseHeading`: an earlier version of the source is read as the source is. */
async function readSince(path: string, caseHeading: string | undefined): Promise<TreeSummary> {
  if (!existsSync(path)) throw new UsageError(`--since: there is no ${path}; ${SINCE_HINT}`)
  if (extname(path).toLowerCase() === '.json') {
    const text = await readFile(path, 'utf8').catch((error: Error) => {
      throw new UsageError(`--since: cannot read ${path}: ${error.message}`, { cause: error })
    })
    let manifest: Partial<Manifest>
    try {
      manifest = JSON.parse(text) as Partial<Manifest>
    } catch (error) {
      throw new UsageError(`--since: ${path} is not valid JSON (${(error as Error).message}); ${SINCE_HINT}`, { cause: error })
    }
    if (!isTreeSummary(manifest?.tree)) throw new UsageError(`--since: ${path} is not a casebook manifest (no case tree in “tree”); ${SINCE_HINT}`)
    return manifest.tree
  }
  const document = await loadDocument(path, { caseHeading })
  // An edition to compare with is a document casebook can read: CHANGES.md or a binary file is none.
  const problem = collectDiagnostics(document.files).find((diagnostic) => diagnostic.severity === 'error')
  if (problem) throw new UsageError(`--since: ${path} is not an edition casebook can compare with (${problem.file}:${problem.line}:${problem.column} ${problem.message}); ${SINCE_HINT}`)
  return summarizeTree(document.tree)
}
