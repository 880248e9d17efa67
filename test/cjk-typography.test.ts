/** The engine of the Chinese punctuation and spacing checks, on mixed Chinese and English text. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEdits, FULL_WIDTH, normalizePunctuation, punctuationEdits, quotesOf, spacingEdits, TRADITIONAL_QUOTES } from '../src/text/cjk-typography.js'

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

describe('straight quotes around Chinese text', () => {
  it('makes "…" and \'…\' around Chinese words the script\'s quotation marks, and a comma after a space full-width without the space', () => {
    expect(normalizePunctuation('他说:"水清了" ,大家都很高兴?')).toBe('他说：“水清了”，大家都很高兴？')
    expect(punctuationEdits('他说:"水清了" ,大家')).toEqual([
      { index: 2, before: ':', after: '：' },
      { index: 3, before: '"', after: '“' },
      { index: 7, before: '"', after: '”' },
      { index: 8, before: ' ,', after: '，' },
    ])
    expect(normalizePunctuation("他说:\"他说'好'\"")).toBe('他说：“他说‘好’”')
    expect(normalizePunctuation('"水清了",然后')).toBe('“水清了”，然后')
    expect(normalizePunctuation('他说"共5"个')).toBe('他说“共5”个')
    expect(normalizePunctuation('水清了 ,大家')).toBe('水清了，大家')
    // The comma made full-width makes the mark after it Chinese.
    expect(normalizePunctuation('城市 ,;')).toBe('城市，；')
  })

  it('writes the locale\'s marks: 「」 for Traditional', () => {
    expect(normalizePunctuation('他說:"水清了" ,大家', '', TRADITIONAL_QUOTES)).toBe('他說：「水清了」，大家')
    expect(normalizePunctuation("他說\"他說'好'\"", '', TRADITIONAL_QUOTES)).toBe('他說「他說『好』」')
    expect(quotesOf('zh-TW')).toEqual(TRADITIONAL_QUOTES)
    expect(quotesOf('zh-Hant-TW')).toEqual(TRADITIONAL_QUOTES)
    expect(quotesOf('zh-HK')).toEqual(TRADITIONAL_QUOTES)
    expect(quotesOf('zh-CN')[0]).toBe('“')
  })

  it('leaves English, code, URLs, attributes, inches and apostrophes alone', () => {
    for (const text of [
      'He said "hello", then left.',
      "It's 杭州's lake, don't you think",
      '<a href="链接">',
      'a="城市" b="治理"',
      '屏幕5"大',
      '代码`x = "中文"`照旧',
      '见https://a.cn/?q="中文"',
      '杭州 , known for its lake',
      '"OK"',
    ]) {
      expect(punctuationEdits(text), text).toEqual([])
    }
    expect(normalizePunctuation('屏幕5"的手机,"很好"')).toBe('屏幕5"的手机，“很好”')
    expect(normalizePunctuation("杭州's lake, 他说'好'")).toBe("杭州's lake, 他说‘好’")
    // A stray quote does not pair with the next one's opening quote.
    expect(normalizePunctuation('他说" 好的 "abc"')).toBe('他说" 好的 "abc"')
  })

  it('leaves a pair that opens in the words before the text (a link\'s text) as written, both its quotes', () => {
    // `"[水清了](url)"`: the link's text and the closing quote are each their own text.
    expect(punctuationEdits('"', '他说:')).toEqual([])
    expect(punctuationEdits('",然后', '他说:"水清了')).toEqual([])
    expect(normalizePunctuation('"水清了",然后', '他说:')).toBe('“水清了”，然后')
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
  const pieces = fc.constantFrom('城市', '治理', ',', ':', ';', '!', '?', '(', ')', ' ', '10', '30', 'APP', 'known', '“', '”', 'https://a.cn/x,y', '`a,b`', '，', '。', '\n', '"', "'", 'a=', '5')
  const text = fc.array(pieces, { maxLength: 16 }).map((parts) => parts.join(''))

  it('only turns marks into their full-width forms, and a second pass finds nothing', () => {
    fc.assert(
      fc.property(text, (value) => {
        const edits = punctuationEdits(value)
        for (const edit of edits) expect(value.slice(edit.index, edit.index + edit.before.length)).toBe(edit.before)
        // A mark becomes its full-width form, a straight quote a quotation mark, spaces and a comma one full-width comma.
        for (const edit of edits) expect(edit.after).toBe(/^[ \t]+,$/.test(edit.before) ? '，' : (FULL_WIDTH[edit.before] ?? (edit.before === '"' ? /[“”]/.exec(edit.after)?.[0] : /[‘’]/.exec(edit.after)?.[0])))
        const fixed = applyEdits(value, edits)
        expect(fixed).toHaveLength(value.length - edits.reduce((sum, edit) => sum + edit.before.length - edit.after.length, 0))
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
