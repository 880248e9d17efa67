/**
 * Where a locale's translation lives: beside the source. For a file
 * `content/x.txt`, `content/x.<locale>.md`; for a folder, its `*.<locale>.md`
 * files in name order. A locale with a region (en-GB) falls back to its language (en).
 */
import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { compareNaturally } from '../text/natural-order.js'
// `name.en.md`, `name.zh-TW.md`: the names read-input.ts leaves out of a folder's sources (one rule for both).
import { canonicalLocaleCode } from '../config/locale-code.js'
import { isMarkdown, translationName } from '../parse/source-names.js'

/** The translation files for locale `code` beside `input`, in reading order; empty when there is none. */
export async function findTranslation(input: string, code: string): Promise<string[]> {
  const found = await listTranslations(input)
  const language = code.split('-')[0]
  return found.get(canonicalLocaleCode(code) ?? code) ?? found.get(language) ?? []
}

/** Every translation beside `input`, by the locale code in its file names. */
export async function listTranslations(input: string): Promise<Map<string, string[]>> {
  const isFolder = await stat(input).then((info) => info.isDirectory(), () => false)
  const folder = isFolder ? input : dirname(input)
  const stem = isFolder ? null : basename(input, extname(input))
  const names = await readdir(folder, { withFileTypes: true }).then(
    (entries) => entries.filter((entry) => entry.isFile() && isMarkdown(entry.name)).map((entry) => entry.name),
    () => [] as string[],
  )
  // Matched before sorting: most folders hold no translation, and sorting starts ICU's collator.
  const translations = names.flatMap((name) => {
    const match = translationName(name)
    return match?.markdown && (stem === null || match.stem === stem) ? [{ name, code: match.code }] : []
  })
  const byCode = new Map<string, string[]>()
  for (const { name, code } of translations.sort((a, b) => compareNaturally(a.name, b.name))) {
    const paths = byCode.get(code) ?? []
    paths.push(join(folder, name))
    byCode.set(code, paths)
  }
  return byCode
}
