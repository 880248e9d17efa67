/**
 * A catalog file's shape, checked when it is read: an unknown rule or a message ICU cannot parse
 * is a config error naming the file, the key and its line, not a crash when a renderer asks for it.
 */
import { parse } from '@formatjs/icu-messageformat-parser'
import { ConfigError } from '../errors.js'
import { locate } from '../text/locate.js'
import type { LocaleRules } from './locale-rules.js'

/** What a catalog file holds (other top-level keys, such as a `comment`, are the author's). */
export interface CatalogJson {
  $base?: string
  rules?: Partial<LocaleRules>
  messages?: Record<string, string>
}

type Check = (value: unknown) => string | null

const isString: Check = (value) => (typeof value === 'string' && value !== '' ? null : 'a non-empty string')
const isStringList: Check = (value) => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? null : 'a list of strings')
const oneOf =
  (...options: string[]): Check =>
  (value) =>
    typeof value === 'string' && options.includes(value) ? null : `one of ${options.join(', ')}`
const isObject: Check = (value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? null : 'an object')
const isQuotes: Check = (value) => (Array.isArray(value) && value.length === 4 && value.every((item) => typeof item === 'string') ? null : 'four strings: open, close, inner open, inner close')
const isStringMap: Check = (value) => isObject(value) ?? (Object.values(value as object).every((item) => typeof item === 'string') ? null : 'an object of strings')

/** Every rule a catalog may set, with what it takes; nested objects list their own keys. */
const RULES: Record<string, Check | Record<string, Check>> = {
  script: isString,
  ordinal: oneOf('chinese', 'arabic'),
  pageSize: oneOf('A4', 'Letter'),
  // Intl.DateTimeFormat judges the options themselves, when a date is first formatted.
  dateFormat: isObject,
  quotes: isQuotes,
  fonts: { fontsource: isString, serif: isStringList, docxEastAsia: isString, docxLatin: isString, pptxEastAsia: isString, pptxLatin: isString },
  content: { from: oneOf('source', 'translation'), convert: isString, phrases: isStringMap },
}

/** `json` as a catalog, or a ConfigError naming `path`, the key and its line in `text`. */
export function checkCatalog(json: unknown, path: string, text: string): CatalogJson {
  const fail = (key: string[], reason: string): never => {
    throw new ConfigError(`${path}${lineOf(text, key)}: ${reason}`)
  }
  if (isObject(json)) fail([], 'a catalog is a JSON object with "rules" and "messages"')
  const catalog = json as Record<string, unknown>
  if (catalog.$base !== undefined && typeof catalog.$base !== 'string') fail(['$base'], '“$base” names a locale, such as "en"')
  if (catalog.rules !== undefined) checkRules(catalog.rules, RULES, ['rules'], fail)
  if (catalog.messages !== undefined) {
    if (isObject(catalog.messages)) fail(['messages'], '“messages” is an object of labels')
    for (const [key, message] of Object.entries(catalog.messages as object)) {
      if (typeof message !== 'string') fail(['messages', key], `message “${key}” is not text`)
      try {
        parse(message as string)
      } catch (error) {
        fail(['messages', key], `message “${key}” is not valid ICU message syntax (${(error as Error).message}): ${JSON.stringify(message)}`)
      }
    }
  }
  return catalog as CatalogJson
}

function checkRules(value: unknown, rules: Record<string, Check | Record<string, Check>>, at: string[], fail: (key: string[], reason: string) => never): void {
  const where = at.join('.')
  if (isObject(value)) fail(at, `“${where}” is an object`)
  for (const [key, item] of Object.entries(value as object)) {
    const path = `${where}.${key}`
    const rule = rules[key]
    if (!rule) fail([...at, key], `unknown rule “${path}”; the rules ${where === 'rules' ? 'a catalog may set' : `under “${where}”`} are ${Object.keys(rules).join(', ')}`)
    if (typeof rule === 'function') {
      const expected = rule(item)
      if (expected) fail([...at, key], `rule “${path}” takes ${expected}, got ${JSON.stringify(item)}`)
    } else checkRules(item, rule, [...at, key], fail)
  }
}

/**
 * `:line:column` of the last segment of `key` in `text` (searched after each earlier
 * segment in turn), or '' when it cannot be found: JSON.parse keeps no positions, and a plain
 * search finds the key in any catalog written by hand.
 */
function lineOf(text: string, key: string[]): string {
  if (key.length === 0) return ''
  let offset = 0
  for (const segment of key) {
    const found = text.indexOf(JSON.stringify(segment), offset)
    if (found < 0) return ''
    offset = found
  }
  const point = locate(text)(offset)
  return `:${point.line}:${point.column}`
}
