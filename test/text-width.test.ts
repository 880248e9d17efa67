/** Estimated text widths (the overview's cuts): by code point, astral characters and lone surrogates included. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hardCut } from '../src/render/cut-text.js'
import { textWidth } from '../src/render/text-width.js'

describe('text width', () => {
  it('gives CJK 1 em, Latin capitals 0.7, digits 0.6, spaces 0.3', () => {
    expect(textWidth('AB 案9')).toBeCloseTo(0.7 + 0.7 + 0.3 + 1 + 0.6)
    expect(textWidth('')).toBe(0)
  })

  it('is the sum of its characters’ widths, a character being a code point', () => {
    const unit = fc.constantFrom('a', 'Z', '7', ' ', '案', '“', 'ｱ', '😀', '𠀀', '\ud800', '\udc00', 'é', '\u2014')
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('')
        // Summed in the same order, so the floating-point result is exactly equal.
        expect(textWidth(text)).toBe([...text].reduce((width, char) => width + textWidth(char), 0))
        // An astral character is one character, not two halves.
        expect(textWidth('😀')).toBe(textWidth('案'))
      }),
    )
  })
})

describe('hard cut', () => {
  // The measurement as first written: one string per character.
  const referenceHardCut = (text: string, ems: number): string => {
    let width = 0
    let end = 0
    for (const char of text) {
      width += textWidth(char)
      if (width > ems) break
      end += char.length
    }
    return text.slice(0, end)
  }

  it('cuts where measuring character by character cut, never inside a surrogate pair', () => {
    const unit = fc.constantFrom('a', 'Word', ' ', '案例', '。', '，', '、', '：', '. ', '!', '😀', '“', '”', '7')
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), fc.integer({ min: 2, max: 40 }), (units, ems) => {
        const text = units.join('')
        expect(hardCut(text, ems)).toBe(referenceHardCut(text, ems))
      }),
      { numRuns: 1000 },
    )
  })
})
