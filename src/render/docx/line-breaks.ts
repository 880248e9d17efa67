/**
 * Text width and line breaking for the page estimate (estimate-pages.ts): how
 * wide text is in ems at the document's fonts, and how many lines it takes.
 */

/**
 * Width of one UTF-16 code unit in ems: Han, kana, Hangul and full-width forms
 * take a whole em; ASCII its width in Times New Roman (the Chinese locales'
 * Latin face, and Liberation Serif's, which LibreOffice draws it with);
 * anything else half an em.
 */
function charEms(code: number): number {
  if (code >= 0x20 && code < 0x7f) return TIMES[code - 0x20] / 1000
  return isWide(code) ? 1 : 0.5
}

/** Han, kana, Hangul and full-width forms: a whole em, and a line may break before or after each. */
function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)
}

/**
 * Lines `text` takes at `capacity` ems a line, the first keeping `room` ems
 * free, broken as Word and LibreOffice break it: anywhere between wide (Han)
 * characters, but not before closing punctuation such as ，or 。 (which takes
 * the character before it to the next line), and between Latin words only at
 * spaces and after hyphens. Filling lines as one continuous width instead
 * came out two lines short in a long paragraph of mixed Chinese and English.
 */
export function lineCount(text: string, capacity: number, room = 0): number {
  let lines = 1
  let width = room
  let word = 0
  const flushWord = (): void => {
    if (word === 0) return
    if (width > 0 && width + word > capacity) {
      lines++
      width = 0
    }
    // A word longer than a line is broken where it must be.
    while (width + word > capacity && capacity > 0) {
      word -= capacity - width
      lines++
      width = 0
    }
    width += word
    word = 0
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (isWide(code)) {
      flushWord()
      if (width + 1 > capacity && width > 0) {
        lines++
        // Closing punctuation may not start a line: the character before it comes along.
        width = NO_LINE_START.has(code) ? 2 : 1
      } else width += 1
    } else if (code === 0x20) {
      flushWord()
      width += charEms(code)
    } else {
      word += charEms(code)
      if (code === 0x2d) flushWord()
    }
  }
  flushWord()
  return lines
}

/** Closing punctuation a line may not start with (kinsoku). */
const NO_LINE_START = new Set(Array.from('，。、；：！？）」』》〉”’】〕…', (char) => char.charCodeAt(0)))

/** Advance widths of ASCII 0x20–0x7E in Times Roman, in thousandths of an em (Adobe's Times-Roman metrics). */
const TIMES = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
]
