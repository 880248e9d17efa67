/**
 * An earlier edition's snapshot from its source (`--since old.txt`, or a git revision's checkout):
 * read and localized the way this build reads the current source, so the notes compare like with like.
 */
import { relative } from 'node:path'
import { collectDiagnostics } from '../check/diagnostics.js'
import { summarizeTree } from '../edition/tree-summary.js'
import { UsageError } from '../errors.js'
import { loadDocument } from '../load-document.js'
import { findTranslation } from '../locale/find-translation.js'
import { localizeLocales, snapshotOf } from './localize-locales.js'
import type { BuildPlan } from './plan-build.js'
import { documentDefaults } from './read-source.js'
import type { ReadSnapshot } from './since.js'

/**
 * Reads an earlier source for the build's `locales`. A translated locale is left out when an earlier
 * source's copy has no translation beside it (unless `complete`, a git checkout, which has all it
 * had): its notes then follow the source's changes, instead of calling every translated case changed. `title` is the current document's, for an earlier one without one.
 */
export function snapshotReader(plan: BuildPlan, locales: string[], title: string): ReadSnapshot {
  return async (input, shownAs, complete) => {
    // A document without a title is called after its file, as the current one was: not after a checkout's or a copy's name.
    const document = await loadDocument(input, { defaults: { ...documentDefaults(plan.config), title: plan.config.title ?? title }, caseHeading: plan.config.outline.caseHeading, maxImageBytes: plan.config.images.maxBytes }).catch((error: unknown) => {
      // A folder with no sources, a pack folder: said as what --since was given.
      if (error instanceof UsageError) throw new UsageError(`--since ${shownAs}: ${error.message}`, { cause: error })
      throw error
    })
    // An edition to compare with is a document casebook can read: CHANGES.md or a binary file is none.
    const problem = collectDiagnostics(document.files).find((diagnostic) => diagnostic.severity === 'error')
    if (problem) {
      const where = problem.file === input ? shownAs : `${shownAs}/${relative(input, problem.file)}`
      throw new UsageError(`--since: ${shownAs} is not an edition casebook can compare with (${where}:${problem.line}:${problem.column} ${problem.message}); name an out/manifest.json of an earlier build, an earlier version of the source document or a git revision`)
    }
    const { packs } = await localizeLocales(document, locales, [], { input, dirs: plan.dirs })
    const kept = []
    for (const pack of packs) if (complete || !pack.translated || (await findTranslation(input, pack.code)).length > 0) kept.push(pack)
    return snapshotOf(summarizeTree(document.tree), document.tree, kept)
  }
}
