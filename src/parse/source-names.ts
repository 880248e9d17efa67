/**
 * The file-name rules, in one place: which names are sources, which are Markdown,
 * which are translations beside a source, and which are casebook's own output.
 * The folder reader, the parser, the translation finder, the watcher and the
 * manifest all decide by these, so a name means the same thing everywhere.
 *
 * Extensions are matched whatever their case (`.MD`, `.Markdown`).
 */
import { extname } from 'node:path'
import { canonicalLocaleCode } from '../config/locale-code.js'

/** Extensions of Markdown sources. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const
/** Extensions of every source a folder is read for: outline text and Markdown. */
export const SOURCE_EXTENSIONS = ['.txt', ...MARKDOWN_EXTENSIONS] as const
/** The names, for messages: “.txt, .md and .markdown”. */
export const SOURCE_EXTENSIONS_TEXT = '.txt, .md and .markdown'

/** Names casebook writes into an output folder besides the locale folders. */
export const PACK_FILES = { changes: 'CHANGES.md', manifest: 'manifest.json', lock: '.casebook.lock' } as const

/** True for a Markdown path (`.md`, `.markdown`, any case). */
export function isMarkdown(path: string | undefined): boolean {
  return (MARKDOWN_EXTENSIONS as readonly string[]).includes(extname(path ?? '').toLowerCase())
}

/** True for a name with a source extension (`.txt`, `.md`, `.markdown`, any case). */
export function hasSourceExtension(name: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase())
}

/** A translation's file name taken apart: `cases.en-GB.md` is `{ stem: 'cases', code: 'en-GB' }`. */
export interface TranslationName {
  stem: string
  /** The locale code as BCP 47 spells it (`en-gb` in the name is `en-GB` here). */
  code: string
  /** False for an outline-text name (`cases.en.txt`): shaped like a translation, but translations are Markdown. */
  markdown: boolean
}

// `<stem>.<locale>.<extension>`: the locale is the last dotted part before the extension.
const TRANSLATION_SHAPE = /^(.+)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)\.([A-Za-z]+)$/

let languageNames: Intl.DisplayNames | null | undefined
/**
 * The two-letter language codes (ISO 639-1, as CLDR names them): checked without ICU, whose
 * language names take ~10 ms to load, a cost every build of a folder with `x.en.md` would pay.
 */
const TWO_LETTER_LANGUAGES = new Set(
  'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'.split(' '),
)

/**
 * `name` as a translation beside a source, or null. The part before the extension
 * must be a locale code whose language is a language (`en`, `zh-TW`, `fr`), so
 * `notes.old.md` or `case.one.md` stay sources, not translations of a language “old”.
 */
export function translationName(name: string): TranslationName | null {
  const match = TRANSLATION_SHAPE.exec(name)
  if (!match || !hasSourceExtension(name)) return null
  const code = canonicalLocaleCode(match[2])
  if (!code || !isLanguage(code.split('-')[0])) return null
  return { stem: match[1], code, markdown: isMarkdown(name) }
}

/** Whether CLDR knows `language` as a language (not just a code-shaped word). */
function isLanguage(language: string): boolean {
  if (language.length === 2) return TWO_LETTER_LANGUAGES.has(language)
  // Made on first use: three-letter codes (yue, fil) are rare in file names.
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
    } catch {
      languageNames = null
    }
  }
  // Without ICU's names, every code-shaped part counts, as before.
  if (!languageNames) return true
  try {
    return languageNames.of(language) !== undefined
  } catch {
    return false
  }
}
