/** A catalog that lacks labels, as a warning a command can print beside content diagnostics. */
import { readFileSync } from 'node:fs'
import { VFile } from 'vfile'
import { report } from '../messages/report.js'
import type { Locale } from './load-locale.js'

/** A file for `locale`'s catalog carrying a `locale-missing-key` warning, or null when the catalog is complete. */
export function reportMissingKeys(locale: Locale): VFile | null {
  if (locale.missingKeys.length === 0 && locale.borrowedKeys.length === 0) return null
  const value = readFileSync(locale.file, 'utf8')
  const file = new VFile({ path: locale.file, value })
  // Point at the catalog's `"messages"` key, where the missing labels belong.
  const index = Math.max(0, value.indexOf('"messages"'))
  const before = value.slice(0, index).split('\n')
  const place = { line: before.length, column: before.at(-1)!.length + 1, offset: index }
  const keys = locale.missingKeys.map((key) => `“${key}”`).join(', ')
  const count = locale.missingKeys.length
  const missing = count > 0 ? `Catalog ${locale.code} lacks ${count === 1 ? 'label' : `${count} labels`} ${keys}; the base locale's text is used` : ''
  // A label only some of the user's catalogs define (one their template added) is shown from the first that has it.
  const borrowed = locale.borrowedKeys.map(({ key, from }) => `“${key}” (from ${from})`).join(', ')
  const others = borrowed ? `Catalog ${locale.code} and its bases lack ${borrowed}; that catalog's text is used` : ''
  report(file, [missing, others].filter(Boolean).join('. '), { place: { start: place, end: place }, ruleId: 'locale-missing-key', severity: 'warning' })
  return file
}
