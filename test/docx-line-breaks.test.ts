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

  it('does not start a line with closing punctuation: the character before it goes along', () => {
    // 42 fit; the comma would start line 2, so 字 moves down with it and line 2 holds 2 + 40.
    expect(lineCount(`${'字'.repeat(42)}，${'字'.repeat(40)}`, 42.26)).toBe(2)
    expect(lineCount(`${'字'.repeat(42)}，${'字'.repeat(41)}`, 42.26)).toBe(3)
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
