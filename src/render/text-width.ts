/**
 * Estimated widths of text in ems, for the cuts that need no exact width (the
 * start of an unlabelled key point in every format's overview): CJK and
 * full-width characters are 1em, Latin letters about 0.55em. The deck is
 * measured with its font's real advances instead (slides/text-lines.ts).
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

/** Width of one character in ems. */
export function codePointWidth(code: number): number {
  if (code === 0x20) return 0.3
  if (code < 0x7f) return code >= 0x41 && code <= 0x5a ? 0.7 : code >= 0x30 && code <= 0x39 ? 0.6 : 0.55
  if (code >= 0xff61 && code <= 0xffdc) return 0.55 // half-width forms
  if (code >= 0x2e80) return 1 // CJK, kana, hangul, full-width forms and punctuation
  if (code >= 0x2000 && code <= 0x206f) return 1 // general punctuation such as “ ” … —
  return 0.6
}
