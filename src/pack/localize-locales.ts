/**
 * The localize stage of a build: each locale's tree, made once for its formats, its artifact
 * keys and its edition notes, and the edition's snapshot (the source and each locale, summarized).
 */
import type { VFile } from 'vfile'
import type { Brand } from '../config/brand.js'
import { summarizeTree, type TreeSummary } from '../edition/tree-summary.js'
import type { EditionSnapshot } from '../edition/snapshot.js'
import { loadLocale, type Locale } from '../locale/load-locale.js'
import { localizeBrand, localizeDocument } from '../locale/localize.js'
import { typesetPunctuation, type PunctuationStyle } from '../locale/typeset-punctuation.js'
import { reportMissingKeys } from '../locale/report-missing-keys.js'
import type { EarlierMarks } from '../locale/merge-translation.js'
import { sameLanguage } from '../text/guess-language.js'
import type { CaseDocument, ParsedDocument } from '../types.js'

/** One locale of the pack. */
export interface LocalePack {
  code: string
  /** Asked for by this build; the others are an earlier build's, whose artifacts stay in the pack. */
  requested: boolean
  locale: Locale
  /** What its formats print: the localized tree with the locale's typography (typeset-punctuation.ts). */
  tree: CaseDocument
  /** The localized tree as written, which the edition records: typography is no change to a case. */
  written: CaseDocument
  /** Its text is a translation's (another language than the source's), where it has one. */
  translated: boolean
  /** The config's brand in the locale's script (organisation, classification line), which its formats show; absent without `LocalizeContext.brand`. */
  brand?: Brand
}

/** What localizing needs from the build. */
export interface LocalizeContext {
  input: string
  dirs: string[]
  /** Where an incomplete catalog's warning goes; omitted, it is not reported. */
  reports?: VFile[]
  /** Where stale translation marks went (mark-history.ts). */
  earlier?: EarlierMarks
  /** Config `typography.punctuation`; absent, as written (an earlier edition's snapshot needs no typography). */
  punctuation?: PunctuationStyle
  /** The config's brand, converted per locale as the tree is (`LocalePack.brand`); absent, none is made. */
  brand?: Brand
}

/**
 * Localizes `document` for the `requested` locales, then for `earlier` ones (an earlier build's);
 * an earlier locale whose catalog is gone is returned in `gone`.
 */
export async function localizeLocales(document: ParsedDocument, requested: string[], earlier: string[], context: LocalizeContext): Promise<{ packs: LocalePack[]; gone: string[] }> {
  const packs: LocalePack[] = []
  const gone: string[] = []
  for (const code of [...requested, ...earlier]) {
    const asked = requested.includes(code)
    const locale = asked ? await loadLocale(code, context.dirs) : await loadLocale(code, context.dirs).catch(() => null)
    if (!locale) {
      gone.push(code)
      continue
    }
    const incomplete = asked && context.reports && reportMissingKeys(locale)
    if (incomplete) context.reports!.push(incomplete)
    const written = await localizeDocument(document.tree, locale, { input: context.input, files: document.files, earlier: context.earlier })
    const tree = typesetPunctuation(written, code, context.punctuation ?? 'keep', locale.rules.quotes)
    const brand = context.brand && (await localizeBrand(context.brand, locale))
    packs.push({ code, requested: asked, locale, tree, written, translated: !sameLanguage(document.tree.data.lang, code), ...(brand && { brand }) })
  }
  return { packs, gone }
}

/** The edition's snapshot: the source's summary, and each locale's (or `source` where it shows the source's own nodes), and the cases' translation marks. */
export function snapshotOf(tree: TreeSummary, source: CaseDocument, packs: LocalePack[], marks?: string[]): EditionSnapshot {
  const locales: EditionSnapshot['locales'] = {}
  for (const pack of [...packs].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    // The document's own language, unconverted: its cases are the source's objects, and its notes the source's.
    const { written } = pack
    const own = written.children === source.children && written.data.title === source.data.title && written.data.subtitle === source.data.subtitle
    locales[pack.code] = own ? 'source' : summarizeTree(written)
  }
  return marks ? { tree, locales, marks } : { tree, locales }
}
