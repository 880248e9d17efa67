/** Chinese numerals (一 … 十二 … 一百零一) and Arabic digits, both ways. */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** Characters that can appear in an ordinal: used to build the parsers' patterns. */
export const ORDINAL_PATTERN = '[0-9０-９]+|[零〇一二两兩三四五六七八九十百千]+'

/** Parses `十二`, `一百零一`, `12` or `１２`; null when the text is not a number. */
export function parseOrdinal(text: string): number | null {
  if (/^[0-9０-９]+$/.test(text)) {
    return Number(text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)))
  }
  if (!/^[零〇一二两兩三四五六七八九十百千]+$/.test(text)) return null
  // Digit-by-digit form such as 一〇一.
  if (!/[十百千]/.test(text)) {
    return Number([...text].map((c) => DIGITS[c]).join(''))
  }
  let total = 0
  let pending = 0
  let lastUnit = Infinity
  for (const char of text) {
    if (char in DIGITS) {
      pending = DIGITS[char]
    } else {
      const unit = UNITS[char]
      if (unit >= lastUnit) return null
      lastUnit = unit
      // A leading 十 means 一十.
      total += (pending || 1) * unit
      pending = 0
    }
  }
  return total + pending
}

/** Formats a positive integer the way Chinese prose counts: 10 → 十, 21 → 二十一, 101 → 一百零一. */
export function formatChineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`Not a count: ${value}`)
  if (value === 0) return '零'
  if (value >= 10000) return String(value)
  const names = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
  const units = ['千', '百', '十', '']
  const digits = String(value).padStart(4, '0').split('').map(Number)
  let result = ''
  let zero = false
  digits.forEach((digit, index) => {
    if (digit === 0) {
      zero = result !== ''
      return
    }
    if (zero) result += '零'
    zero = false
    result += names[digit] + units[index]
  })
  // 一十二 is written 十二.
  return result.startsWith('一十') ? result.slice(1) : result
}
