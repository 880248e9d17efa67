/** The engine of the Chinese punctuation and spacing checks, on mixed Chinese and English text. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEdits, FULL_WIDTH, normalizePunctuation, punctuationEdits, spacingEdits } from '../src/text/cjk-typography.js'

describe('punctuation in Chinese text', () => {
  it('makes half-width marks after hanzi full-width, each at its index', () => {
    expect(punctuationEdits('组成部分,它直接关系到')).toEqual([{ index: 4, before: ',', after: '，' }])
    expect(normalizePunctuation('为什么?因为政府主导;效果不错!要点:文本')).toBe('为什么？因为政府主导；效果不错！要点：文本')
    expect(normalizePunctuation('时间:10:30,地点')).toBe('时间：10:30，地点')
    expect(normalizePunctuation('“引用”,然后')).toBe('“引用”，然后')
    expect(normalizePunctuation('是吗?!')).toBe('是吗？！')
    expect(normalizePunctuation('使用iPhone拍照,效果不错')).toBe('使用iPhone拍照，效果不错')
  })

  it('makes brackets around or after Chinese words full-width, not f(x)', () => {
    expect(normalizePunctuation('数据(2023年)显示')).toBe('数据（2023年）显示')
    expect(normalizePunctuation('城市更新(urban renewal)的样本')).toBe('城市更新（urban renewal）的样本')
    expect(normalizePunctuation('(政府)主导, 它')).toBe('（政府）主导， 它')
    expect(normalizePunctuation('函数f(x)的值')).toBe('函数f(x)的值')
  })

  it('leaves times, URLs, numbers, English sentences and code alone', () => {
    for (const text of [
      '会议在10:30开始',
      'This is an English sentence, with commas: and colons; right? (Yes!)',
      '今年投入1,000万元',
      '见https://example.com/a,b?x=1:2',
      '联系 someone@example.com',
      '代码`a,b:c`不应改动',
      '第1,2条',
      'Hangzhou (杭州), known for its lake; 西湖, for one.',
    ]) {
      expect(punctuationEdits(text), text).toEqual([])
    }
    // The mark after a URL belongs to the sentence.
    expect(normalizePunctuation('详情见https://example.com/a,b?x=1:2,或者联系我们')).toBe('详情见https://example.com/a,b?x=1:2，或者联系我们')
  })
})

describe('spacing between Chinese and Latin text', () => {
  it('space: the spaces to insert, never inside a URL', () => {
    const text = '会议在10:30开始,使用iPhone拍照'
    expect(applyEdits(text, spacingEdits(text, 'space'))).toBe('会议在 10:30 开始,使用 iPhone 拍照')
    expect(applyEdits('见https://a.cn/x然后', spacingEdits('见https://a.cn/x然后', 'space'))).toBe('见 https://a.cn/x 然后')
    expect(spacingEdits('在 2023 年', 'space')).toEqual([])
  })

  it('none: the spaces to remove, not those beside a URL', () => {
    const text = '在 2023 年,使用 iPhone 拍照'
    expect(applyEdits(text, spacingEdits(text, 'none'))).toBe('在2023年,使用iPhone拍照')
    expect(spacingEdits('见 https://a.cn 然后', 'none')).toEqual([])
    expect(spacingEdits('English words stay apart', 'none')).toEqual([])
  })
})

describe('properties', () => {
  const pieces = fc.constantFrom('城市', '治理', ',', ':', ';', '!', '?', '(', ')', ' ', '10', '30', 'APP', 'known', '“', '”', 'https://a.cn/x,y', '`a,b`', '，', '。', '\n')
  const text = fc.array(pieces, { maxLength: 16 }).map((parts) => parts.join(''))

  it('only turns marks into their full-width forms, and a second pass finds nothing', () => {
    fc.assert(
      fc.property(text, (value) => {
        const edits = punctuationEdits(value)
        for (const edit of edits) expect(value.slice(edit.index, edit.index + edit.before.length)).toBe(edit.before)
        for (const edit of edits) expect(edit.after).toBe(FULL_WIDTH[edit.before])
        const fixed = applyEdits(value, edits)
        expect(fixed).toHaveLength(value.length)
        expect(punctuationEdits(fixed)).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it('spacing edits, made, leave nothing to space', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('space', 'none') as fc.Arbitrary<'space' | 'none'>, (value, spacing) => {
        const fixed = applyEdits(value, spacingEdits(value, spacing))
        expect(spacingEdits(fixed, spacing)).toEqual([])
      }),
      { numRuns: 500 },
    )
  })
})
