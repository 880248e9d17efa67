/**
 * Locale catalogs are data (`templates/locales/<code>.json`): every label a
 * renderer prints and every locale rule. Adding a locale means adding a file.
 */
import { parse, TYPE } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import { ConfigError, UsageError } from '../errors.js'
import { readCatalog, type CatalogFile } from './read-catalog.js'
import type { LocaleRules } from './locale-rules.js'
import { availableLocales, matchLocale, unknownLocaleMessage } from '../config/locale-code.js'
import { formatChineseNumber } from '../text/chinese-number.js'

export type { ContentRule, LocaleRules } from './locale-rules.js'

/** A loaded locale: its rules and a translator for its labels. */
export interface Locale {
  code: string
  /** The catalog file this locale was loaded from. */
  file: string
  rules: LocaleRules
  /** Formats label `key` with ICU `values`. */
  t(key: string, values?: Record<string, string | number>): string
  /** `案例十` or `Case 10`. */
  caseLabel(number: number): string
  /** A date in the locale's format; `date` is YYYY-MM-DD. */
  formatDate(date: string): string
  /** Keys taken from a base locale because this catalog lacks them. */
  missingKeys: string[]
  /** Keys no catalog of this locale's chain has, taken from another locale's catalog in the user's folder. */
  borrowedKeys: Array<{ key: string; from: string }>
  /** Every message as written (ICU source), e.g. for the characters a page may show. */
  messages: Readonly<Record<string, string>>
}

/** The catalog every other falls back to at the end, and that defines the full set of keys. */
const ROOT_LOCALE = 'en'

/**
 * Loads locale `code` from the template folders, following `$base` and then `en` for missing keys.
 * Each catalog is the user's file laid over casebook's (read-catalog.ts); a key no catalog of the
 * chain has, such as one only a user's template uses, comes from another catalog in the user's folder.
 */
export async function loadLocale(code: string, dirs: string[]): Promise<Locale> {
  const chain = await loadChain(code, dirs)
  const rules = mergeRules(chain)
  const chained = Object.assign({}, ...chain.map((catalog) => catalog.messages).reverse()) as Record<string, string>
  const borrowed = await borrowedMessages(chained, chain, dirs)
  const messages = { ...Object.fromEntries(borrowed.map(({ key, message }) => [key, message])), ...chained }
  const own = chain[0].messages ?? {}
  const rootKeys = Object.keys(chain.at(-1)?.messages ?? {})
  const missingKeys = code === ROOT_LOCALE ? [] : rootKeys.filter((key) => !(key in own) && !inheritsDeliberately(chain, rules.script, key))
  const formats = new Map<string, MessageFormatter>()
  const t = (key: string, values: Record<string, string | number> = {}): string => {
    const message = messages[key]
    if (message === undefined) throw new ConfigError(`Locale ${code}: no message “${key}” in any catalog`)
    let format = formats.get(key)
    if (!format) {
      try {
        format = compileMessage(message, code)
      } catch (error) {
        throw new ConfigError(`Locale ${code}: message “${key}” is not valid ICU syntax: ${(error as Error).message}`, { cause: error })
      }
      formats.set(key, format)
    }
    return format(values)
  }
  // Made on first use: a pack without a date never shows one (~4 ms once ICU has started, ~20 ms as its first object).
  let dateFormat: Intl.DateTimeFormat | undefined
  // Renderers ask for every case's label several times (contents, heading, overview, slides).
  const caseLabels = new Map<number, string>()
  return {
    code,
    file: chain[0].path,
    rules,
    t,
    caseLabel: (number) => {
      let label = caseLabels.get(number)
      if (label === undefined) {
        label = t('caseLabel', { number, ordinal: rules.ordinal === 'chinese' ? formatChineseNumber(number) : String(number) })
        caseLabels.set(number, label)
      }
      return label
    },
    formatDate: (date) => (dateFormat ??= makeDateFormat(code, rules.dateFormat, chain[0].path)).format(new Date(`${date}T00:00:00Z`)),
    missingKeys,
    borrowedKeys: borrowed.map(({ key, from }) => ({ key, from })),
    messages,
  }
}

/** The catalog of `code`, then its bases, ending with the root locale. */
async function loadChain(code: string, dirs: string[]): Promise<CatalogFile[]> {
  const chain: CatalogFile[] = []
  const seen = new Set<string>()
  for (let next: string | undefined = code; next && !seen.has(next); ) {
    seen.add(next)
    const catalog = await findCatalog(next, dirs, next === code)
    chain.push(fallback(catalog, chain))
    next = catalog.$base ?? (next === ROOT_LOCALE ? undefined : ROOT_LOCALE)
  }
  return chain
}

async function findCatalog(code: string, dirs: string[], requested: boolean): Promise<CatalogFile> {
  // `zh-cn` and `zh_CN` name zh-CN.json: a code's spelling does not decide whether a locale exists.
  const catalog = (await readCatalog(dirs, code)) ?? (await readMatching(code, dirs))
  if (catalog) return catalog
  const message = unknownLocaleMessage(code, availableLocales(dirs))
  throw requested ? new UsageError(message) : new ConfigError(message)
}

async function readMatching(code: string, dirs: string[]): Promise<CatalogFile | null> {
  const match = matchLocale(code, availableLocales(dirs))
  return match ? readCatalog(dirs, match) : null
}

/**
 * The chain's rules, the locale's own over its bases'. A rule is one value (a `content` rule's
 * phrases belong to its conversion; a date format is one set of options), except `fonts`, whose
 * fields are inherited one by one: a catalog that names only its serif list keeps its base's font files.
 */
function mergeRules(chain: CatalogFile[]): LocaleRules {
  return chain.reduceRight<Partial<LocaleRules>>((below, { rules = {} }) => {
    const fonts = below.fonts || rules.fonts ? { ...below.fonts, ...rules.fonts } : undefined
    return { ...below, ...rules, ...(fonts ? { fonts: fonts as LocaleRules['fonts'] } : {}) }
  }, {}) as LocaleRules
}

/** Messages the user's catalogs of other locales hold and `messages` lacks, each from the first such catalog by name. */
async function borrowedMessages(messages: Record<string, string>, chain: CatalogFile[], dirs: string[]): Promise<Array<{ key: string; message: string; from: string }>> {
  if (dirs.length < 2) return []
  const borrowed = new Map<string, { key: string; message: string; from: string }>()
  const inChain = new Set(chain.map((catalog) => catalog.path))
  for (const other of availableLocales([dirs[0]])) {
    const catalog = await readCatalog(dirs, other)
    if (!catalog || inChain.has(catalog.path)) continue
    for (const [key, message] of Object.entries(catalog.messages ?? {})) {
      if (!(key in messages) && !borrowed.has(key)) borrowed.set(key, { key, message, from: other })
    }
  }
  return [...borrowed.values()]
}

/**
 * A key a catalog leaves to a `$base` in the same script (zh-HK → zh-TW, en-US → en)
 * is deliberate, not missing; one that falls through to another script or to the
 * last-resort root would print foreign text, so the user must hear about it.
 */
function inheritsDeliberately(chain: CatalogFile[], script: string, key: string): boolean {
  const index = chain.findIndex((catalog, position) => position > 0 && catalog.messages !== undefined && key in catalog.messages)
  if (index < 0 || chain[index].fallback) return false
  return chain.slice(index).find((catalog) => catalog.rules?.script)?.rules?.script === script
}

/** Marks the root catalog when the chain reaches it without anyone naming it as `$base`. */
function fallback(catalog: CatalogFile, chain: CatalogFile[]): CatalogFile {
  const previous = chain.at(-1)
  return previous && !previous.$base ? { ...catalog, fallback: true } : catalog
}

function makeDateFormat(code: string, options: Intl.DateTimeFormatOptions, file: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(code, { ...options, timeZone: 'UTC' })
  } catch (error) {
    throw new ConfigError(`${file}: rules.dateFormat is not a valid date format: ${(error as Error).message}`, { cause: error })
  }
}

type MessageFormatter = (values: Record<string, string | number>) => string

/**
 * A message as a function of its values. Messages of plain text and `{name}`
 * arguments (case labels and headings, asked for once per case) are joined
 * directly, as IntlMessageFormat would join them, without its formatter;
 * plurals, selects, number formats and invalid messages go through IntlMessageFormat.
 *
 * Its parser alone decides which: constructing an IntlMessageFormat resolves the
 * locale through Intl.NumberFormat, whose first use costs ~20 ms here (ICU's list
 * of number-format locales), a fifth of a 10-case build; catalogs of plain messages never pay it.
 */
export function compileMessage(message: string, code: string): MessageFormatter {
  let intlFormat: IntlMessageFormat | undefined
  const full: MessageFormatter = (values) => String((intlFormat ??= new IntlMessageFormat(message, code)).format(values))
  let ast: ReturnType<typeof parse> | undefined
  try {
    ast = parse(message)
  } catch {
    // Invalid syntax: IntlMessageFormat raises its own error, as it would have.
  }
  if (!ast?.every((element) => element.type === TYPE.literal || element.type === TYPE.argument)) {
    intlFormat = new IntlMessageFormat(message, code)
    return full
  }
  const parts = ast.map((element) => (element.type === TYPE.literal ? element.value : { name: element.value }))
  return (values) => {
    let text = ''
    for (const part of parts) {
      const value = typeof part === 'string' ? part : values[part.name]
      if (typeof value === 'string' || typeof value === 'number') text += String(value)
      // A missing value is IntlMessageFormat's error to raise; other kinds are its to render.
      else return full(values)
    }
    return text
  }
}
