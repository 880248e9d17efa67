/** The localize stage: the case tree as one locale's readers get it. */
import type { VFile } from 'vfile'
import { basename, extname } from 'node:path'
import type { Brand } from '../config/brand.js'
import { report } from '../messages/report.js'
import type { CaseDocument } from '../types.js'
import { applyTranslation } from './apply-translation.js'
import { changesScript, convertDocument, convertTexts, scriptOf } from './convert-script.js'
import type { Locale } from './load-locale.js'
import { loadTranslation } from './load-translation.js'
import { mergeTranslation, type EarlierMarks } from './merge-translation.js'
import { guessLanguage, sameLanguage } from '../text/guess-language.js'

/** Where the source came from, for finding a locale's translation beside it. */
export interface LocalizeInput {
  /** The input path as given (a file or a folder). */
  input: string
  /** The document's files; translation problems are reported on them. */
  files: VFile[]
  /** What earlier editions tell of stale translation marks (see merge-translation.ts). */
  earlier?: EarlierMarks
}

/**
 * Returns the tree for `locale`; the source tree is never changed.
 * - A translation beside the input for the locale (`name.<locale>.md`, else
 *   `name.<language>.md`) is used whenever there is one, whatever the catalog's
 *   `content` rule: what it lacks is shown from the source, converted to the
 *   locale's script when the catalog converts.
 * - Without one, a source in another language than the locale's is shown as
 *   written, every part marked untranslated, with one `translation-missing`
 *   warning: an English source's zh-CN pack is English text under Chinese
 *   labels, and says so.
 * - Otherwise the catalog's `content` rule: the source as written, or converted
 *   to another script of its language (`convert`).
 */
export async function localizeDocument(tree: CaseDocument, locale: Locale, input: LocalizeInput): Promise<CaseDocument> {
  const translation = await loadTranslation(input.input, locale.code)
  if (translation) return mergeTranslation(tree, translation.tree, locale.code, await converted(tree, locale), input.earlier).tree
  // A source already in the locale's language (an English document, the en-GB pack) needs no translation.
  if (!sameLanguage(tree.data.lang, locale.code)) {
    if (input.files[0]) {
      report(input.files[0], `No ${locale.code} translation beside the source (expected ${expectedNames(input, locale.code)}); the ${locale.code} pack shows the source text, marked untranslated`, { ruleId: 'translation-missing', severity: 'warning' })
    }
    return applyTranslation(tree, { type: 'document', data: { title: '', lang: locale.code }, children: [] }, locale.code)
  }
  return converted(tree, locale)
}

/** The source in the locale's script: converted when the catalog converts and the source is in another script of the language. */
async function converted(tree: CaseDocument, locale: Locale): Promise<CaseDocument> {
  const { content, quotes } = locale.rules
  // A catalog names the script it converts to; a Simplified one without that converts a Traditional source back.
  const from = scriptOf(tree.data.lang)
  const to = content.convert ?? (locale.rules.script === 'Hans' ? 'cn' : undefined)
  // A source already in the target script (a zh-TW source's zh-TW pack) is shown as written, and so is one in
  // another language (or for a locale whose content is translated): OpenCC would only change its quotation marks.
  const converts = content.from !== 'translation' && sameLanguage(tree.data.lang, locale.code) && to !== undefined && changesScript(from, to)
  const result = converts ? await convertDocument(tree, { from, to, quotes, phrases: content.phrases }) : tree
  return { ...result, data: { ...result.data, lang: locale.code } }
}

/**
 * The brand as `locale` shows it: its organisation and classification line (`内部资料 注意保密`) in the
 * locale's script, converted as the tree's words are (a Simplified brand's zh-TW pack reads
 * `內部資料 注意保密`), so no renderer converts text itself. The brand's script is its own words' (the
 * config is not the source: a Traditional brand over a Simplified document stays Traditional in zh-TW).
 * Nothing to convert (no Chinese, a locale of another language or in the brand's script): `brand` itself.
 */
export async function localizeBrand(brand: Brand, locale: Locale): Promise<Brand> {
  const { content, quotes } = locale.rules
  const texts = [brand.organisation ?? '', brand.classification ?? '']
  const lang = guessLanguage(texts)
  const to = content.convert ?? (locale.rules.script === 'Hans' ? 'cn' : undefined)
  if (!/\p{Script=Han}/u.test(texts.join('')) || !sameLanguage(lang, locale.code) || to === undefined || !changesScript(scriptOf(lang), to)) return brand
  const [organisation, classification] = await convertTexts(texts, { from: scriptOf(lang), to, quotes, phrases: content.phrases })
  return {
    ...brand,
    ...(brand.organisation !== undefined && { organisation }),
    ...(brand.classification !== undefined && { classification }),
  }
}

/**
 * The translation files a locale would read, as the warning names them:
 * `cases.en-GB.md or cases.en.md` for a file, `*.en-GB.md or *.en.md in cases/` for a folder.
 */
function expectedNames(input: LocalizeInput, code: string): string {
  const codes = translationCodes(code)
  // A folder's only file is the input itself only when the input is a file.
  if (input.files.length === 1 && input.files[0].path === input.input) {
    const stem = basename(input.input, extname(input.input))
    return codes.map((each) => `${stem}.${each}.md`).join(' or ')
  }
  return `${codes.map((each) => `*.${each}.md`).join(' or ')} in ${basename(input.input)}/`
}

/** The locale codes whose files locale `code` reads, as findTranslation looks for them: `en-GB`, then `en`. */
function translationCodes(code: string): string[] {
  const language = code.split('-')[0]
  return language === code ? [code] : [code, language]
}
