/**
 * Locale codes as people type them (`zh-cn`, `EN`, `zh_CN`) matched to the
 * catalogs there are, so a code's spelling never decides whether a locale exists.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { UsageError } from '../errors.js'

// BCP 47's shape, loosely: a language of 2–8 letters, then subtags of 1–8 letters or digits.
const LOCALE_CODE = /^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i

/**
 * `code` with BCP 47's casing (language lower case, script title case, region
 * upper case) and `_` read as `-`; null when it is not shaped like a locale code.
 */
export function canonicalLocaleCode(code: string): string | null {
  const tag = code.trim().replace(/_/g, '-')
  if (!LOCALE_CODE.test(tag)) return null
  return tag
    .split('-')
    .map((part, index) => {
      if (index === 0) return part.toLowerCase()
      if (/^[a-z]{4}$/i.test(part)) return part[0].toUpperCase() + part.slice(1).toLowerCase()
      if (/^(?:[a-z]{2}|\d{3})$/i.test(part)) return part.toUpperCase()
      return part.toLowerCase()
    })
    .join('-')
}

/** The locales with a catalog in `dirs` (`<dir>/locales/<code>.json`), sorted, as their files spell them. */
export function availableLocales(dirs: string[]): string[] {
  const codes = new Map<string, string>()
  for (const dir of dirs) {
    let names: string[]
    try {
      names = readdirSync(join(dir, 'locales'))
    } catch {
      continue
    }
    for (const name of names) {
      if (!name.endsWith('.json')) continue
      const code = name.slice(0, -'.json'.length)
      // The first folder wins, as it does for the catalog's contents.
      if (!codes.has(code.toLowerCase())) codes.set(code.toLowerCase(), code)
    }
  }
  return [...codes.values()].sort()
}

/** The catalog code in `available` that `code` names, ignoring case and `_`/`-`; null if none. */
export function matchLocale(code: string, available: readonly string[]): string | null {
  const key = code.trim().replace(/_/g, '-').toLowerCase()
  return available.find((candidate) => candidate.toLowerCase() === key) ?? null
}

/** “the locales there are: en, zh-CN …”, for messages about a locale that is not among them. */
export function describeLocales(available: readonly string[]): string {
  return available.length > 0 ? `the locales there are: ${available.join(', ')}` : 'there are no locale catalogs'
}

/** The message for a locale `code` with no catalog among `available`. */
export function unknownLocaleMessage(code: string, available: readonly string[]): string {
  return `No catalog for locale “${code}”; ${describeLocales(available)} (another needs its catalog, locales/${code}.json, in the folder the config's “templates” names)`
}

/**
 * Each of `codes` as its catalog in `dirs` spells it, or a UsageError for the first
 * with no catalog, listing those there are: for a build to check its locales before
 * it creates or locks anything.
 */
export function catalogLocales(codes: readonly string[], dirs: string[]): string[] {
  const available = availableLocales(dirs)
  return codes.map((code) => {
    const match = matchLocale(code, available)
    if (!match) throw new UsageError(unknownLocaleMessage(code, available))
    return match
  })
}
