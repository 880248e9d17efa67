/** The one cut every format makes: visible ("…"), at a phrase or word when one is near, never inside a character. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cutText } from '../src/render/cut-text.js'
import { textWidth } from '../src/render/text-width.js'

/** Measures every prefix from the start, one string per character: the generic path, not the estimate's fast one. */
const naive = (text: string, start = 0, end = text.length, width = 0): number => [...text.slice(start, end)].reduce((sum, char) => sum + textWidth(char), width)
const isWellFormed = (text: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)

describe('cut text', () => {
  it('keeps text that fits as it is', () => {
    expect(cutText('智慧交通', 12)).toBe('智慧交通')
    expect(cutText('Open data', 12)).toBe('Open data')
  })

  it('cuts a long point at a near clause, or between characters, and never inside 10:30', () => {
    expect(cutText('市民热线接入各部门，统一受理、统一分派、统一回访', 12)).toBe('市民热线接入各部门…')
    // The colon of a time is not a clause end; the hard cut lands after it, between two Han characters.
    expect(cutText('上午10:30统一开展在线学习,覆盖全市各区', 12)).toBe('上午10:30统一开展在线…')
    // A clause end keeping too little of the room is passed over.
    expect(cutText('上午，统一开展在线学习覆盖全市各区的中小学校', 12)).toBe('上午，统一开展在线学习…')
  })

  it('keeps a sentence whole when one ends near the cut', () => {
    expect(cutText('第一句说了很多话。第二句也很长很长很长', 12)).toBe('第一句说了很多话。…')
  })

  it('cuts Latin text between words, inside one only when it is longer than half the room', () => {
    expect(cutText('Meetings at 10:30 every weekday morning, with every district office', 12)).toBe('Meetings at 10:30…')
    expect(cutText('Residents apply online, receive a reply within a day', 12)).toBe('Residents apply…')
    expect(cutText('Pneumonoultramicroscopicsilicovolcanoconiosis screening', 12)).toBe('Pneumonoultramicros…')
  })

  it('never splits a surrogate pair', () => {
    expect(cutText('𠮷野家𠮷野家𠮷野家𠮷野家', 6)).toBe('𠮷野家𠮷野…')
  })

  it('gives a prefix of the text, ending with "…", that fits: for any text and room', () => {
    const unit = fc.constantFrom('a', 'Word', ' ', '案例', '。', '，', '、', '：', ':', ',', '. ', '!', '😀', '𠮷', '“', '”', '7', '10:30', '\ud800')
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), fc.integer({ min: 2, max: 40 }), (units, ems) => {
        const text = units.join('')
        const cut = cutText(text, ems)
        if (textWidth(text) <= ems) {
          expect(cut).toBe(text)
          return
        }
        expect(cut.endsWith('…')).toBe(true)
        expect(text.startsWith(cut.slice(0, -1))).toBe(true)
        expect(textWidth(cut)).toBeLessThanOrEqual(ems + 1e-9)
        if (isWellFormed(text)) expect(isWellFormed(cut)).toBe(true)
        // The estimate's fast path cuts where measuring each prefix from the start cuts.
        expect(cutText(text, ems, naive)).toBe(cut)
      }),
      { numRuns: 1000 },
    )
  })

})
