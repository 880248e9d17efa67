/**
 * Estimated widths of text in ems, so the deck can be paginated and the
 * overview's text cut in TypeScript without a browser: CJK and full-width
 * characters are 1em, Latin letters about 0.55em.
 */

/**
 * Width of `text` in ems at any font size; of `text.slice(start, end)` added to
 * `width` when those are given, which is the same sum, character by character,
 * as measuring `text.slice(0, end)` when `width` is the width up to `start`.
 */
export function textWidth(text: string, start = 0, end = text.length, width = 0): number {
  // By code point, without `for…of`: it makes a string of each character, and the deck
  // measures every line of every case (135 MB of garbage at 10,000 cases).
  for (let index = start; index < end; index++) {
    const code = text.codePointAt(index)!
    if (code > 0xffff) index++
    width += codePointWidth(code)
  }
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

/** Width of one character in ems. */
export function codePointWidth(code: number): number {
  if (code === 0x20) return 0.3
  if (code < 0x7f) return code >= 0x41 && code <= 0x5a ? 0.7 : code >= 0x30 && code <= 0x39 ? 0.6 : 0.55
  if (code >= 0xff61 && code <= 0xffdc) return 0.55 // half-width forms
  if (code >= 0x2e80) return 1 // CJK, kana, hangul, full-width forms and punctuation
  if (code >= 0x2000 && code <= 0x206f) return 1 // general punctuation such as “ ” … —
  return 0.6
}

function isMostlyLatin(text: string): boolean {
  let latin = 0
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) < 0x2000) latin++
  return latin * 2 > text.length
}
