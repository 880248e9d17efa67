/** The source a build reads: the document (parsed and checked), the locales it asks for, its translations' messages and its tree's summary. */
import type { VFile } from 'vfile'
import { hasErrors } from '../check/diagnostics.js'
import { summarizeTree, type TreeSummary } from '../edition/tree-summary.js'
import { loadDocument } from '../load-document.js'
import { checkTranslations } from '../locale/check-translations.js'
import type { ParsedDocument } from '../types.js'
import type { BuildOptions } from './build-types.js'
import { planLocales, type BuildPlan } from './plan-build.js'

/** What a build read; `locales` and `tree` are null when the document (or a translation) has errors and nothing is to be built. */
export interface Source {
  document: ParsedDocument
  /** Messages of files besides the sources: translations. */
  reports: VFile[]
  locales: string[] | null
  tree: TreeSummary | null
}

/** Reads, parses and checks the document, then its translations for the locales to build. */
export async function readSource(plan: BuildPlan, options: BuildOptions): Promise<Source> {
  const { config, input } = plan
  const start = performance.now()
  const document = await loadDocument(input, {
    defaults: { title: config.title, subtitle: config.subtitle, author: config.author, organisation: config.organisation, date: config.date, lang: config.lang },
    check: config.check,
    maxImageBytes: config.images.maxBytes,
    titleFromPath: true,
  })
  options.onProgress?.({ type: 'step', step: 'read, parse and check', ms: performance.now() - start })
  if (hasErrors(document.files)) return { document, reports: [], locales: null, tree: null }
  const locales = planLocales(options, plan, document)
  const checkingTranslations = checkTranslations(document, input, locales)
  // Hashed while the folder listings, template reads and module loads already started are under way.
  const tree = summarizeTree(document.tree)
  const reports = await checkingTranslations
  // A translation is content too: its errors (an unreadable file, bad front matter) write nothing.
  if (hasErrors(reports)) return { document, reports, locales: null, tree: null }
  return { document, reports, locales, tree }
}
