/** The page estimate's line breaking: where Word and LibreOffice break Chinese, English and mixed text. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lineCount } from '../src/render/docx/line-breaks.js'

describe('lineCount', () => {
  it('fills lines with whole Han characters', () => {
    expect(lineCount('', 42)).toBe(1)
    expect(lineCount('字'.repeat(42), 42.26)).toBe(1)
    expect(lineCount('字'.repeat(43), 42.26)).toBe(2)
    expect(lineCount('字'.repeat(84), 42.26)).toBe(2)
  })

  it('does not start a line with a closing bracket or quotation mark: the character before it goes along', () => {
    // 42 fit; the bracket would start line 2, so 字 moves down with it and line 2 holds 2 + 40.
    expect(lineCount(`${'字'.repeat(42)}）${'字'.repeat(40)}`, 42.26)).toBe(2)
    expect(lineCount(`${'字'.repeat(42)}）${'字'.repeat(41)}`, 42.26)).toBe(3)
  })

  // Each as LibreOffice 7.4 set it (A4, 11 pt, 42.26 ems a line).
  it('hangs a comma or full stop after Han text past the end of a full line', () => {
    expect(lineCount(`${'字'.repeat(42)}，${'字'.repeat(41)}`, 42.26)).toBe(2)
    // A paragraph one full stop too long for its last line: “…提升。” is not a line longer.
    expect(lineCount(`${'字'.repeat(42)}。`, 42.26)).toBe(1)
    expect(lineCount(`${'字'.repeat(84)}。`, 42.26)).toBe(2)
    for (const mark of '，。、；：！？') expect(lineCount(`${'字'.repeat(42)}${mark}`, 42.26)).toBe(1)
    // One mark at most: “升。。” goes down together, and a line of 41 and 。 hangs the second.
    expect(lineCount(`${'字'.repeat(42)}。。`, 42.26)).toBe(2)
    expect(lineCount(`${'字'.repeat(42)}。。${'字'.repeat(39)}`, 42.26)).toBe(2)
    expect(lineCount(`${'字'.repeat(42)}。。${'字'.repeat(40)}`, 42.26)).toBe(3)
    expect(lineCount(`${'字'.repeat(41)}。。`, 42.26)).toBe(1)
  })

  it('does not hang a mark after a Latin word or a space: the word goes down with it', () => {
    // “ab” is 0.94 em and fits after 41 Han characters (and the fifth of an em between them); “ab。” does not.
    expect(lineCount(`${'字'.repeat(41)}ab。${'字'.repeat(40)}`, 42.26)).toBe(2)
    expect(lineCount(`${'字'.repeat(41)}ab。${'字'.repeat(41)}`, 42.26)).toBe(3)
    expect(lineCount(`${'字'.repeat(40)}a。。`, 42.26)).toBe(2)
    expect(lineCount(`${'字'.repeat(40)} 。。`, 42.26)).toBe(1)
    expect(lineCount(`${'字'.repeat(41)} 。。`, 42.26)).toBe(2)
  })

  it('puts a fifth of an em between Han text and Latin letters or digits that touch', () => {
    // 39 Han, “ab” (0.94 em) and 字 are 40.94 ems, 41.34 with the spacing on each side of “ab”: one more 字 does not fit.
    expect(lineCount(`${'字'.repeat(39)}ab字`, 42.26)).toBe(1)
    expect(lineCount(`${'字'.repeat(39)}ab字字`, 42.26)).toBe(2)
    // A space written between them is all there is: 41 + 0.25 + 0.94 fit (with the spacing too they would not).
    expect(lineCount(`${'字'.repeat(41)} ab`, 42.26)).toBe(1)
    // Not beside punctuation: “，2008” touches a full-width comma.
    expect(lineCount(`${'字'.repeat(38)}，2008，`, 42.26)).toBe(1)
  })

  it('breaks English only at spaces and hyphens, with Times New Roman widths', () => {
    // "Government" is 4.78 ems: it does not fit after 40 Han characters in 42.26 ems, so it starts a line.
    expect(lineCount(`${'字'.repeat(40)}Government`, 42.26)).toBe(2)
    expect(lineCount(`${'字'.repeat(36)}Government`, 42.26)).toBe(1)
    // After a hyphen the rest of the word may go to the next line.
    expect(lineCount(`${'字'.repeat(40)}e-Government`, 42.26)).toBe(2)
    expect(lineCount('word '.repeat(40), 42.26)).toBe(3)
  })

  it('keeps room on the first line (a contents entry’s dot leader and page number)', () => {
    expect(lineCount('字'.repeat(40), 42.26)).toBe(1)
    expect(lineCount('字'.repeat(40), 42.26, 4)).toBe(2)
  })

  it('gives at least one line, and more lines when two lines’ worth of text is added', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('字', '，', 'a', 'W', ' ', '-', '2', '。'), { maxLength: 400 }), fc.integer({ min: 10, max: 60 }), (chars, capacity) => {
        const text = chars.join('')
        const lines = lineCount(text, capacity)
        expect(lines).toBeGreaterThanOrEqual(1)
        expect(lineCount(text + '字'.repeat(capacity * 2), capacity)).toBeGreaterThan(lines)
      }),
    )
  })
})
