/**
 * Estimated widths of text in ems, so the deck can be paginated in
 * TypeScript without a browser: CJK and full-width characters are 1em,
 * Latin letters about 0.55em.
 */

/** Width of `text` in ems at any font size. */
export function textWidth(text: string): number {
  let width = 0
  for (const char of text) width += charWidth(char.codePointAt(0)!)
  return width
}

/** Lines `text` takes in a box `ems` wide; never fewer than one. */
export function lineCount(text: string, ems: number): number {
  return Math.max(1, Math.ceil(textWidth(text) / usableWidth(text, ems)))
}

/** How much of a line `ems` wide `text` fills before it wraps. */
export function usableWidth(text: string, ems: number): number {
  // Lines break at words and before closing punctuation, so each line loses a little width.
  return ems * (isMostlyLatin(text) ? 0.86 : 0.95) - 1
}

function charWidth(code: number): number {
  if (code === 0x20) return 0.3
  if (code < 0x7f) return code >= 0x41 && code <= 0x5a ? 0.7 : code >= 0x30 && code <= 0x39 ? 0.6 : 0.55
  if (code >= 0xff61 && code <= 0xffdc) return 0.55 // half-width forms
  if (code >= 0x2e80) return 1 // CJK, kana, hangul, full-width forms and punctuation
  if (code >= 0x2000 && code <= 0x206f) return 1 // general punctuation such as “ ” … —
  return 0.6
}

function isMostlyLatin(text: string): boolean {
  let latin = 0
  for (const char of text) if (char.codePointAt(0)! < 0x2000) latin++
  return latin * 2 > text.length
}
