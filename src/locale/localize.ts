/** The localize stage: the case tree as one locale's readers get it. */
import type { VFile } from 'vfile'
import { basename, extname } from 'node:path'
import { report } from '../parse/report.js'
import type { CaseDocument } from '../types.js'
import { applyTranslation } from './apply-translation.js'
import { changesScript, convertDocument, scriptOf } from './convert-script.js'
import type { Locale } from './load-locale.js'
import { loadTranslation } from './load-translation.js'
import { sameLanguage } from '../text/guess-language.js'

/** Where the source came from, for finding a locale's translation beside it. */
export interface LocalizeInput {
  /** The input path as given (a file or a folder). */
  input: string
  /** The document's files; translation problems are reported on them. */
  files: VFile[]
}

/**
 * Returns the tree for `locale`; the source tree is never changed. The catalog's
 * `content` rule says how: the source as written, the source converted to another
 * script (`convert`), or the translation beside the input (`from: translation`).
 */
export async function localizeDocument(tree: CaseDocument, locale: Locale, input: LocalizeInput): Promise<CaseDocument> {
  const { content, quotes } = locale.rules
  // A source already in the locale's language (an English document, the en-GB pack) needs no translation.
  if (content.from === 'translation' && !sameLanguage(tree.data.lang, locale.code)) {
    const translation = await loadTranslation(input.input, locale.code)
    if (translation) return applyTranslation(tree, translation.tree, locale.code)
    if (input.files[0]) {
      // A folder's only file is the input itself only when the input is a file.
      const expected = input.files.length === 1 && input.files[0].path === input.input
        ? `${basename(input.input, extname(input.input))}.${locale.code}.md`
        : `*.${locale.code}.md in ${basename(input.input)}/`
      report(input.files[0], `No ${locale.code} translation beside the source (expected ${expected}); the ${locale.code} pack shows the source text`, undefined, 'translation-missing', 'warning')
    }
    return applyTranslation(tree, { type: 'document', data: { title: '', lang: locale.code }, children: [] }, locale.code)
  }
  // A catalog names the script it converts to; a Simplified one without that converts a Traditional source back.
  const from = scriptOf(tree.data.lang)
  const to = content.convert ?? (locale.rules.script === 'Hans' ? 'cn' : undefined)
  // A source already in the target script (a zh-TW source's zh-TW pack) is shown as written.
  const converted = to && changesScript(from, to) ? await convertDocument(tree, { from, to, quotes, phrases: content.phrases }) : tree
  return { ...converted, data: { ...converted.data, lang: locale.code } }
}
