/** The engine of the Chinese punctuation and spacing checks, on mixed Chinese and English text. */
import { describe, expect, it } from 'vitest'
import { applyEdits, normalizePunctuation, punctuationEdits, spacingEdits } from '../src/text/cjk-typography.js'

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
