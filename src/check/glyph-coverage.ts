/**
 * `glyph-missing`: a character of the source's words that none of the fonts a pack embeds has.
 * The browser draws it in a font of the machine that prints it, so the PDF depends on that
 * machine, or leaves it blank where the machine has none: text lost without a word. Each such
 * character is named once per file, at its first place; past ten, one more message counts the rest.
 */
import type { ParsedDocument } from '../types.js'
import { report } from '../messages/report.js'
import { locate } from '../text/locate.js'
import { sourceTexts } from './source-texts.js'

/** Which code points the fonts a locale's pack embeds have, and the fonts' family names, for messages (render/shared/font-coverage.ts reads them). */
export interface FontCoverage {
  locale: string
  has(codePoint: number): boolean
  families: string[]
}

/** A pack's coverage, and how the source's words become its text when it converts their script. */
export interface PackCoverage {
  coverage: FontCoverage
  convert?: (characters: string[]) => Promise<string[]>
}

/** Characters no font is asked to draw: spaces, controls, joiners and variation selectors. */
const INVISIBLE = /^[\s\p{Cc}\p{Default_Ignorable_Code_Point}]$/u
/** Characters named one by one in a file before one message counts the rest. */
const NAMED_PER_FILE = 10

/** Adds `glyph-missing` warnings to `document`'s files for the characters some pack's fonts lack. */
export async function checkGlyphCoverage(document: ParsedDocument, packs: PackCoverage[]): Promise<void> {
  if (packs.length === 0) return
  // First the source as written, markup and all, which is fast: most documents stop here.
  const candidates = new Set<number>()
  for (const file of document.files) {
    const source = String(file.value ?? '')
    for (let index = 0; index < source.length; index++) {
      if (source.charCodeAt(index) < 0x80) continue
      const code = source.codePointAt(index)!
      if (code > 0xffff) index++
      if (!packs.every((pack) => pack.coverage.has(code)) && !INVISIBLE.test(String.fromCodePoint(code))) candidates.add(code)
    }
  }
  if (candidates.size === 0) return
  // Which packs lack each, after their script conversion (鄉 prints as 乡 in a zh-CN pack).
  const characters = [...candidates].map((code) => String.fromCodePoint(code))
  const lacking = new Map<number, FontCoverage[]>()
  for (const pack of packs) {
    const printed = pack.convert ? await pack.convert(characters) : characters
    printed.forEach((text, index) => {
      if ([...text].every((character) => pack.coverage.has(character.codePointAt(0)!) || INVISIBLE.test(character))) return
      const code = characters[index]!.codePointAt(0)!
      lacking.set(code, [...(lacking.get(code) ?? []), pack.coverage])
    })
  }
  if (lacking.size === 0) return
  // Then the words the packs print (not link targets, comments or code), for each character's first place.
  const firsts = new Map<ParsedDocument['files'][number], Map<number, number>>()
  for (const text of sourceTexts(document.tree, document.files)) {
    let index = 0
    for (const character of text.value) {
      const at = index
      index += character.length
      const code = character.codePointAt(0)!
      if (!lacking.has(code)) continue
      const start = text.offsetOf(at)
      if (start === undefined) continue
      const places = firsts.get(text.file) ?? new Map<number, number>()
      firsts.set(text.file, places)
      if (!places.has(code) || places.get(code)! > start) places.set(code, start)
    }
  }
  for (const [file, places] of firsts) {
    const point = locate(file)
    const ordered = [...places].sort(([, a], [, b]) => a - b)
    const place = (start: number, code: number) => ({ start: point(start), end: point(start + String.fromCodePoint(code).length) })
    for (const [code, start] of ordered.slice(0, NAMED_PER_FILE)) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0')
      const reason = `“${String.fromCodePoint(code)}” (U+${hex}) is in none of the fonts ${packsEmbed(lacking.get(code)!)}: a PDF shows it in a font of the machine that prints it, or as a blank where it has none. Name a font that has it in brand.fonts, or write it otherwise`
      report(file, reason, { place: place(start, code), ruleId: 'glyph-missing', severity: 'warning' })
    }
    const rest = ordered.slice(NAMED_PER_FILE)
    if (rest.length > 0) {
      const [code, start] = rest[0]!
      const packsLacking = [...new Map(rest.flatMap(([each]) => lacking.get(each)!).map((coverage) => [coverage.locale, coverage])).values()]
      const reason = `${rest.length} more characters, “${String.fromCodePoint(code)}” here the first, are in none of the fonts ${packsEmbed(packsLacking)}: is a font in brand.fonts one without them?`
      report(file, reason, { place: place(start, code), ruleId: 'glyph-missing', severity: 'warning' })
    }
  }
}

/** “the zh-CN pack embeds (Noto Serif, Noto Serif SC)”, or for several, each pack with its fonts. */
function packsEmbed(coverages: FontCoverage[]): string {
  const each = coverages.map((coverage) => `the ${coverage.locale} pack (${coverage.families.join(', ')})`)
  return each.length === 1 ? `${each[0]!.replace(/^the (\S+) pack \(/, 'the $1 pack embeds (')}` : `${each.slice(0, -1).join(', ')} and ${each.at(-1)} embed`
}
