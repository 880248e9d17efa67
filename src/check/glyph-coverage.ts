/**
 * `glyph-missing`: a character of the source that none of the fonts the pack embeds has. The
 * browser draws it in a font of the machine that prints it, so the PDF depends on that machine, or
 * leaves it blank where the machine has none: text lost without a word. Each such character is
 * named once per file, at its first place in the source.
 */
import type { ParsedDocument } from '../types.js'
import { report } from '../messages/report.js'
import { locate } from '../text/locate.js'

/** Which code points the fonts a pack embeds have, and the fonts' family names, for messages (render/shared/font-coverage.ts reads them). */
export interface FontCoverage {
  has(codePoint: number): boolean
  families: string[]
}

/** Characters no font is asked to draw: spaces, controls, joiners and variation selectors. */
const INVISIBLE = /^[\s\p{Cc}\p{Default_Ignorable_Code_Point}]$/u

/** Adds a `glyph-missing` warning to `document`'s files for each character `coverage` lacks. */
export function checkGlyphCoverage(document: ParsedDocument, coverage: FontCoverage): void {
  for (const file of document.files) {
    // The source as written, markup and all: faster than the tree's words, and a character in a
    // code block or a link's text is printed too. ASCII is in every face.
    const source = String(file.value ?? '')
    const named = new Set<number>()
    let point: ReturnType<typeof locate> | undefined
    for (let index = 0; index < source.length; index++) {
      if (source.charCodeAt(index) < 0x80) continue
      const code = source.codePointAt(index)!
      const character = String.fromCodePoint(code)
      const at = index
      if (code > 0xffff) index++
      if (coverage.has(code) || named.has(code) || INVISIBLE.test(character)) continue
      named.add(code)
      point ??= locate(file)
      const hex = code.toString(16).toUpperCase().padStart(4, '0')
      report(
        file,
        `“${character}” (U+${hex}) is in none of the fonts the pack embeds (${coverage.families.join(', ')}): a PDF shows it in a font of the machine that prints it, or as a blank where it has none. Name a font that has it in brand.fonts, or write it otherwise`,
        { place: { start: point(at), end: point(at + character.length) }, ruleId: 'glyph-missing', severity: 'warning' },
      )
    }
  }
}
