/** The source a build reads: the document (parsed and checked), the locales it asks for, its translations' messages and its tree's summary. */
import type { VFile } from 'vfile'
import { hasErrors } from '../check/diagnostics.js'
import { checkGlyphCoverage } from '../check/glyph-coverage.js'
import { embedsFonts } from '../render/registry.js'
import { packCoverages } from '../render/shared/font-coverage.js'
import { summarizeTree, type TreeSummary } from '../edition/tree-summary.js'
import { loadDocument } from '../load-document.js'
import { checkTranslations } from '../locale/check-translations.js'
import { sourceHash } from '../locale/case-hash.js'
import type { EarlierMarks } from '../locale/merge-translation.js'
import { earlierSnapshots, markHistory } from './mark-history.js'
import type { ResolvedConfig } from '../config/load-config.js'
import type { DocumentData, ParsedDocument } from '../types.js'
import type { BuildOptions } from './build-types.js'
import { planLocales, type BuildPlan } from './plan-build.js'

/** What a build read; `locales` and `tree` are null when the document (or a translation) has errors and nothing is to be built. */
export interface Source {
  document: ParsedDocument
  /** Messages of files besides the sources: translations. */
  reports: VFile[]
  locales: string[] | null
  tree: TreeSummary | null
  /** Each case's translation mark, in order (see snapshot.ts). */
  marks: string[]
  /** Where stale translation marks went, as earlier editions tell (mark-history.ts). */
  earlier: EarlierMarks
}

/** Reads, parses and checks the document, then its translations for the locales to build. */
export async function readSource(plan: BuildPlan, options: BuildOptions): Promise<Source> {
  const { config, input } = plan
  const start = performance.now()
  const document = await loadDocument(input, { defaults: documentDefaults(config), check: { ...config.check, countMarks: true }, caseHeading: config.outline.caseHeading, maxImageBytes: config.images.maxBytes, titleFromPath: true })
  options.onProgress?.({ type: 'step', step: 'read, parse and check', ms: performance.now() - start })
  const none = { tree: null, marks: [], earlier: new Map() }
  if (hasErrors(document.files)) return { document, reports: [], locales: null, ...none }
  const locales = planLocales(options, plan, document)
  // Characters the fonts of a pack to be built lack, for the formats that embed fonts.
  if (plan.formats.some((format) => embedsFonts[format])) await checkGlyphCoverage(document, await packCoverages(document, config.brand, locales, plan.dirs))
  const readingEarlier = earlierSnapshots(plan.out)
  // Hashed while the folder listings, template reads and module loads already started are under way.
  const tree = summarizeTree(document.tree)
  const marks = document.tree.children.filter((node) => node.type === 'case').map(sourceHash)
  const earlier = markHistory(await readingEarlier, tree, marks)
  const reports = await checkTranslations(document, input, locales, earlier)
  // A translation is content too: its errors (an unreadable file, bad front matter) write nothing.
  if (hasErrors(reports)) return { document, reports, locales: null, ...none }
  return { document, reports, locales, tree, marks, earlier }
}

/** What the config gives a document that does not say it itself. */
export function documentDefaults(config: ResolvedConfig): Partial<DocumentData> {
  return { title: config.title, subtitle: config.subtitle, author: config.author, organisation: config.organisation, date: config.date, lang: config.lang }
}
