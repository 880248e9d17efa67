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
 * free, broken as LibreOffice breaks it: anywhere between wide (Han)
 * characters, but not before closing punctuation such as ，or 。 (which takes
 * what it is attached to, the character or Latin word before it, to the next
 * line), and between Latin words only at spaces and after hyphens. A comma or
 * full stop after Han text that just misses the line hangs past its end
 * instead, so a paragraph ending “…提升。” one character too long for its
 * last line is not a line longer. Where Han text and a Latin letter or digit
 * meet with no space between (“于2008年”), LibreOffice puts a fifth of an em
 * between them (its spacing between Asian and Western text, on by default).
 * Filling lines as one continuous width instead came out two lines short in a
 * long paragraph of mixed Chinese and English.
 */
export function lineCount(text: string, capacity: number, room = 0): number {
  let lines = 1
  let width = room
  let word = 0
  // What a closing mark would take with it to the next line: the width at the line's end that
  // may not be broken from what follows (the last Han character or Latin word and the closing
  // marks after it), and whether that begins with a Han character (only then may a mark hang).
  let attached = 0
  let attachedWide = false
  // The previous character: a Han one, a Latin letter or digit, or anything else (spaces, punctuation).
  let previous: 'han' | 'alnum' | 'other' = 'other'
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
    attached = word
    attachedWide = false
    word = 0
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (isWide(code)) {
      const han = isHan(code)
      // A Han character right after a Latin word: the word's line holds the space between them too.
      if (han && previous === 'alnum') word += AUTOSPACE
      flushWord()
      previous = han ? 'han' : 'other'
      const closing = NO_LINE_START.has(code)
      if (width + 1 > capacity && width > 0) {
        // A comma or full stop that just misses the line hangs past its end, one at most, unless
        // what follows may not start a line either (。。, 。」), or it follows a Latin word: then
        // it goes down with what it is attached to.
        if (HANGING.has(code) && attachedWide && width <= capacity && !NO_LINE_START.has(text.charCodeAt(index + 1))) {
          width += 1
          attached += 1
          continue
        }
        lines++
        // Closing punctuation may not start a line: what it is attached to comes along.
        width = closing && attached > 0 && attached + 1 <= capacity ? attached + 1 : 1
      } else width += 1
      if (closing && attached > 0) attached += 1
      else {
        // A closing mark after a space is attached to nothing that could carry it: it does not hang.
        attached = 1
        attachedWide = !closing
      }
    } else if (code === 0x20) {
      flushWord()
      width += charEms(code)
      attached = 0
      attachedWide = false
      previous = 'other'
    } else {
      const alnum = isAlnum(code)
      // A Latin word right after a Han character starts with the space between them.
      if (alnum && previous === 'han') word += AUTOSPACE
      word += charEms(code)
      previous = alnum ? 'alnum' : 'other'
      if (code === 0x2d) flushWord()
    }
  }
  flushWord()
  return lines
}

/** The space LibreOffice puts between Han text and Latin letters or digits, in ems (a fifth of the font's height). */
const AUTOSPACE = 0.2

/** Han ideographs and kana, not the CJK and full-width punctuation around them: only these are spaced from Latin text. */
function isHan(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)
}

/** ASCII letters and digits. */
function isAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

/** Closing punctuation a line may not start with (kinsoku). LibreOffice does start a line with …, so it is not here. */
const NO_LINE_START = new Set(Array.from('，。、；：！？．）」』》〉”’】〕', (char) => char.charCodeAt(0)))

/**
 * Punctuation LibreOffice lets hang past the end of a full line rather than
 * start the next one (its zh hanging characters): a paragraph whose last line
 * would hold only a character and its 。 is a line shorter. Brackets and
 * quotation marks do not hang; they take the character before them along.
 */
const HANGING = new Set(Array.from('，。、；：！？．', (char) => char.charCodeAt(0)))

/** Advance widths of ASCII 0x20–0x7E in Times Roman, in thousandths of an em (Adobe's Times-Roman metrics). */
const TIMES = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
]
