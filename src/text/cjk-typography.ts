/**
 * Chinese typography in running text: half-width punctuation written inside Chinese sentences
 * (`组成部分,它`), and the space between Chinese and Latin letters or digits. Each finding is an
 * edit of the text as written (an index, what is there, what belongs there), so the checks can
 * report it at its line:column, `check --fix` can rewrite only those characters in the source,
 * and the zh-* packs can print the text with the edits made.
 *
 * The engine is autocorrect-node (huacnlee/autocorrect, Rust through N-API), chosen over zhlint
 * after trying both on the seed and on mixed text (times, URLs, 1,000, English sentences, code,
 * `label:text` points). Both fix the seed's commas; but zhlint (0.8, pure JS) judges whole
 * paragraphs, so an English sentence beside Chinese got full-width commas and colons, its
 * findings are worded in Chinese only, and it took 57 ms a run on the seed against autocorrect's
 * 3 ms (warm); it brings 115 packages (14 MB, its CLI's among them) against autocorrect's two
 * (a 12 MB native binary per platform); both publish releases this year. Neither gives a
 * finding per character (autocorrect lints a line at a time), so its output is aligned with the
 * input here. Neither makes `(`…`)` in Chinese full-width, and autocorrect leaves `;` after hanzi,
 * `:` before a digit (`时间:10:30`) and a mark after a closing quote (`”,`): so the marks straight
 * after Chinese are found here, and autocorrect judges the rest (a mark between Latin and Chinese
 * text, `APP,让`) and where a space goes between Chinese and Latin text.
 */
import { createRequire } from 'node:module'

type Autocorrect = typeof import('autocorrect-node')
// A native addon, loaded on the first text with punctuation in it rather than with every command.
let engine: Autocorrect | undefined

/** One change to a text: `before` (its characters at `index`, empty for an insertion) becomes `after`. */
export interface TextEdit {
  index: number
  before: string
  after: string
}

/** Where a text wants the space between Chinese and Latin letters or digits: written (`在 2023 年`) or not (`在2023年`). */
export type CjkSpacing = 'space' | 'none'

/** The half-width marks the checks look for, and their full-width forms. */
export const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' }

/** Han, kana, CJK punctuation and full-width forms: what makes the context Chinese. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF60「」『』]/u
/** Latin letters and digits, which want (or do not want) a space beside hanzi. */
const LATIN = /[A-Za-z0-9]/
/** A hanzi right beside a Latin letter or digit: a text autocorrect may space. */
const LATIN_BESIDE_HAN = /\p{Script=Han}[A-Za-z0-9]|[A-Za-z0-9]\p{Script=Han}/u
/**
 * URLs and e-mail addresses: never touched, whatever punctuation they hold. A URL is printable ASCII
 * and ends before Chinese or a space; a mark closing it (`见https://a.cn/x,然后`) is the sentence's.
 */
const URL = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[!-~]*?(?=[,.:;!?)'"]*(?:[^!-~]|$))|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu
const CLOSING_QUOTES = new Set(['”', '’'])

/** autocorrect formats with only the two rules casebook reports: full-width punctuation and the space between words. */
function autocorrect(value: string): string {
  if (!engine) {
    engine = createRequire(import.meta.url)('autocorrect-node') as Autocorrect
    // Every other rule off, so each change to the text is a replaced mark or an inserted space and can be aligned.
    const off = ['space-punctuation', 'space-bracket', 'space-backticks', 'space-dash', 'space-dollar', 'no-space-fullwidth', 'no-space-fullwidth-quote', 'halfwidth-word', 'halfwidth-punctuation', 'spellcheck']
    engine.loadConfig(JSON.stringify({ rules: { 'space-word': 1, fullwidth: 1, ...Object.fromEntries(off.map((rule) => [rule, 0])) } }))
  }
  return engine.format(value)
}

/**
 * The edits autocorrect makes to `value`: replaced characters (at the same place, one for one)
 * and inserted spaces. A change of any other shape ends the alignment: what follows it is left
 * to the checks of this file, never reported at a wrong place.
 */
function autocorrectEdits(value: string): { replaced: TextEdit[]; inserted: TextEdit[] } {
  const output = autocorrect(value)
  const replaced: TextEdit[] = []
  const inserted: TextEdit[] = []
  if (output === value) return { replaced, inserted }
  let i = 0
  let j = 0
  while (i < value.length && j < output.length) {
    if (value[i] === output[j]) {
      i++
      j++
    } else if (output[j] === ' ') {
      inserted.push({ index: i, before: '', after: ' ' })
      j++
    } else if (FULL_WIDTH[value[i]!] === output[j]) {
      replaced.push({ index: i, before: value[i]!, after: output[j]! })
      i++
      j++
    } else if (value[i] === '.' && output[j] === '。') {
      // A full stop is not among the marks reported (`1.` and `e.g.` are too easily meant); it is passed over.
      i++
      j++
    } else {
      break
    }
  }
  // A space appended at the very end.
  if (i === value.length && output.slice(j) === ' ') inserted.push({ index: i, before: '', after: ' ' })
  return { replaced, inserted }
}

/** Code quoted in backticks, as outline text may hold it (Markdown's is its own node, never checked). */
const CODE = /`[^`\n]*`/g

/** The spans of `value` never touched: URLs, addresses and code in backticks. */
function urlSpans(value: string): Array<[number, number]> {
  return [...value.matchAll(URL), ...value.matchAll(CODE)].map((match) => [match.index, match.index + match[0].length])
}

function inSpans(spans: Array<[number, number]>, index: number): boolean {
  return spans.some(([start, end]) => index >= start && index < end)
}

/**
 * Whether the text just before `index` is Chinese: a hanzi or CJK mark (or a mark `made` full-width:
 * `是吗?!`), or a closing quote after one.
 */
function chineseBefore(value: string, index: number, made: ReadonlyMap<number, unknown> = new Map()): boolean {
  const previous = value[index - 1]
  if (previous === undefined) return false
  if (CLOSING_QUOTES.has(previous)) return chineseBefore(value, index - 1, made)
  return CJK.test(previous) || made.has(index - 1)
}

/** Whether a space and then a Latin letter follow the mark at `index`: English going on after a Chinese name (`杭州, known for`). */
function englishAfter(value: string, index: number): boolean {
  return /^[ \t]+[A-Za-z]/.test(value.slice(index + 1, index + 3))
}

/** Whether English comes just before `index`: a Latin letter or digit, then spaces (`Hangzhou (杭州)`). */
function englishBefore(value: string, index: number): boolean {
  return /[A-Za-z0-9][ \t]+$/.test(value.slice(Math.max(0, index - 8), index))
}

/**
 * Half-width `, : ; ! ?` written straight after Chinese (or between Latin and Chinese, as autocorrect
 * judges), `(`…`)` around Chinese words, each with its full-width form, straight quotes around Chinese
 * words (`"水清了"`) with `quotes`, and a comma after a space after Chinese (`"水清了" ,大家`, the space
 * dropped: the one edit longer than its replacement). Times (10:30), numbers
 * (1,000), URLs, code and English text are left alone: their marks follow Latin letters or digits, and a
 * mark after a Chinese name in English (`杭州, known for`) is followed by English.
 */
export function punctuationEdits(value: string, before = '', quotes: Quotes = SIMPLIFIED_QUOTES): readonly TextEdit[] {
  if (!/[,:;!?()"']/.test(value)) return []
  // The check reads every text, then the zh-CN pack prints the same texts: each is judged once.
  let judged = judgedByQuotes.get(quotes)
  if (!judged) judgedByQuotes.set(quotes, (judged = new Map()))
  const key = `${before.slice(-40)}\u0000${value}`
  let edits = judged.get(key)
  if (!edits) {
    // Bounded, for a long `watch`: a build's texts are judged again after a clear, never wrongly.
    if (judged.size >= MAX_JUDGED) judged.clear()
    judged.set(key, (edits = judgePunctuation(value, before, quotes)))
  }
  return edits
}

/** Texts judged, by the quotes used: a build's own texts, at most. */
const judgedByQuotes = new Map<Quotes, Map<string, readonly TextEdit[]>>()
const MAX_JUDGED = 200_000

function judgePunctuation(value: string, before: string, quotes: Quotes): TextEdit[] {
  // The words before (a link's text before `),然后`) are context: judged with `value`, never edited.
  if (before) {
    const context = before.slice(-40)
    return typographyEdits(context + value, quotes, context.length).flatMap((edit) => (edit.index >= context.length ? [{ ...edit, index: edit.index - context.length }] : []))
  }
  return typographyEdits(value, quotes, 0)
}

/** The edits of `value` (its first `from` characters being context, whose quotes open no pair edited). */
function typographyEdits(value: string, quotes: Quotes, from: number): TextEdit[] {
  const edits = new Map<number, TextEdit>()
  // Straight quotes around Chinese words first: a closing “”” then makes the mark after it Chinese (`"好",然后`).
  const urls = urlSpans(value)
  const quoted = quoteEdits(value, urls, quotes, from)
  for (const edit of quoted) edits.set(edit.index, edit)
  let current = quoted.length > 0 ? applyEdits(value, quoted) : value
  // A mark made full-width makes what follows it Chinese (`(,城市)`: the comma after `（`), so passes are made
  // until one finds nothing (each makes one more at least, of finitely many); each replaces a mark by one
  // character, so every pass's indexes are the text's.
  // `"水清了" ,大家`, a comma written after spaces that follow Chinese, is made full-width in the passes too (what
  // follows it is then Chinese: `城市 ,;`), and only at the end does its edit take the spaces with it.
  const spaced = new Map<number, number>()
  for (;;) {
    const found = onePass(current)
    for (const match of current.matchAll(/[ \t]+[,，]/g)) {
      const comma = match.index + match[0].length - 1
      if (value[comma] !== ',' || spaced.has(comma) || inSpans(urls, comma) || !chineseBefore(current, match.index, edits) || englishAfter(current, comma)) continue
      spaced.set(comma, match.index)
      if (current[comma] === ',' && !found.some((edit) => edit.index === comma)) found.push({ index: comma, before: ',', after: '，' })
    }
    if (found.length === 0) break
    found.sort((a, b) => a.index - b.index)
    for (const edit of found) edits.set(edit.index, edit)
    current = applyEdits(current, found)
  }
  for (const [comma, start] of spaced) {
    edits.delete(comma)
    edits.set(start, { index: start, before: value.slice(start, comma + 1), after: '，' })
  }
  return [...edits.values()].sort((a, b) => a.index - b.index)
}

/** Quotation marks: open, close, inner open, inner close. */
export type Quotes = readonly [string, string, string, string] | readonly string[]

/** The quotation marks of Simplified Chinese, which `check --fix` writes in a Simplified source. */
export const SIMPLIFIED_QUOTES: Quotes = ['“', '”', '‘', '’']
/** Those of Traditional Chinese (zh-TW, zh-HK). */
export const TRADITIONAL_QUOTES: Quotes = ['「', '」', '『', '』']

/** The quotation marks a Chinese source in `lang` writes: Traditional for Taiwan, Hong Kong, Macau and `zh-Hant`, else Simplified. */
export function quotesOf(lang: string): Quotes {
  const tag = lang.toLowerCase()
  return /^zh-(tw|hk|mo)$|^zh-hant|-hk$/.test(tag) ? TRADITIONAL_QUOTES : SIMPLIFIED_QUOTES
}

/**
 * Straight quotes `"…"` (and `'…'`) around Chinese words (`他说:"水清了"`), each pair with `quotes`' marks.
 * A pair encloses a hanzi and no line break; an opening quote has no letter or digit before it and no
 * space after it, a closing one no space before it (and, for `'`, no letter or digit after it). Left
 * alone: quotes around Latin text only (`"OK"`), an attribute's value (`a="b"`), inches (`5"`: a quote
 * after a digit opens nothing), apostrophes (`it's`, `杭州's`), and a pair that opens before `from` (in
 * the words before the text, which are judged on their own: both of its quotes stay as written).
 */
function quoteEdits(value: string, urls: Array<[number, number]>, quotes: Quotes, from = 0): TextEdit[] {
  const edits: TextEdit[] = []
  const word = /[A-Za-z0-9]/
  const space = /\s/
  for (const [mark, open, close] of [['"', quotes[0]!, quotes[1]!], ["'", quotes[2]!, quotes[3]!]] as const) {
    let opened: number | undefined
    let attribute = false
    for (let index = 0; index < value.length; index++) {
      if (value[index] !== mark || inSpans(urls, index)) continue
      const previous = value[index - 1] ?? ''
      const next = value[index + 1] ?? ''
      if (attribute) {
        attribute = false
        continue
      }
      const closes = opened !== undefined && previous !== '' && !space.test(previous) && !(mark === "'" && word.test(next)) && !value.slice(opened + 1, index).includes('\n')
      if (closes) {
        if (opened! >= from && /\p{Script=Han}/u.test(value.slice(opened! + 1, index))) edits.push({ index: opened!, before: mark, after: open }, { index, before: mark, after: close })
        opened = undefined
        continue
      }
      // Not a closing quote: an attribute's opening one, an opening one, or neither (an inch mark, an apostrophe).
      if (previous === '=' && opened === undefined) attribute = true
      else opened = !word.test(previous) && next !== '' && !space.test(next) && !(mark === "'" && word.test(next)) ? index : undefined
    }
  }
  return edits.sort((a, b) => a.index - b.index)
}

/** One reading of `value`: the marks in Chinese as it stands. */
function onePass(value: string): TextEdit[] {
  const urls = urlSpans(value)
  const edits = new Map<number, TextEdit>()
  const undecided = new Set<number>()
  for (let index = 0; index < value.length; index++) {
    const mark = value[index]!
    if (!',:;!?'.includes(mark) || inSpans(urls, index)) continue
    const chinese = chineseBefore(value, index, edits)
    if (chinese && !englishAfter(value, index)) edits.set(index, { index, before: mark, after: FULL_WIDTH[mark]! })
    else if (!chinese && CJK.test(value[index + 1] ?? '')) undecided.add(index)
  }
  // A mark between Latin and Chinese text (`APP,让`, but `Hello, world,中文`?) is autocorrect's to judge. Only
  // then is it asked: it costs far more than the loop above, and the check and the packs both read every text.
  if (undecided.size > 0) for (const edit of autocorrectEdits(value).replaced) if (undecided.has(edit.index)) edits.set(edit.index, edit)
  for (const edit of bracketEdits(value, urls)) edits.set(edit.index, edit)
  return [...edits.values()].sort((a, b) => a.index - b.index)
}

/**
 * `(`…`)` pairs in Chinese: after Chinese (`城市更新(urban renewal)的`) or around Chinese words
 * (`数据(2023年)显示`) unless in English (`Hangzhou (杭州)`); not `f(x)`.
 */
function bracketEdits(value: string, urls: Array<[number, number]>): TextEdit[] {
  const edits: TextEdit[] = []
  const open: number[] = []
  for (let index = 0; index < value.length; index++) {
    if (inSpans(urls, index)) continue
    if (value[index] === '(') open.push(index)
    else if (value[index] === ')' && open.length > 0) {
      const start = open.pop()!
      if (chineseBefore(value, start) || (CJK.test(value.slice(start + 1, index)) && !englishBefore(value, start))) edits.push({ index: start, before: '(', after: '（' }, { index, before: ')', after: '）' })
    }
  }
  return edits
}

/**
 * The spacing between Chinese and Latin letters or digits that `spacing` asks for: with `space`,
 * the spaces autocorrect inserts (`在2023年` → `在 2023 年`, never inside a URL); with `none`, each run of spaces
 * between a hanzi and a Latin letter or digit, removed. Spaces beside a URL stay: without them
 * the URL's end could not be told.
 */
export function spacingEdits(value: string, spacing: CjkSpacing): TextEdit[] {
  const urls = urlSpans(value)
  if (spacing === 'space') return !LATIN_BESIDE_HAN.test(value) ? [] : autocorrectEdits(value).inserted.filter((edit) => !urls.some(([start, end]) => edit.index > start && edit.index < end))
  const edits: TextEdit[] = []
  for (const match of value.matchAll(/[ \t]+/g)) {
    const start = match.index
    const end = start + match[0].length
    const [before, after] = [value[start - 1], value[end]]
    if (before === undefined || after === undefined || inSpans(urls, start - 1) || inSpans(urls, end)) continue
    const hanzi = (char: string) => /\p{Script=Han}/u.test(char)
    if ((hanzi(before) && LATIN.test(after)) || (LATIN.test(before) && hanzi(after))) edits.push({ index: start, before: match[0], after: '' })
  }
  return edits
}

/** `value` with `edits` (sorted, not overlapping) made. */
export function applyEdits(value: string, edits: readonly TextEdit[]): string {
  let out = ''
  let at = 0
  for (const edit of edits) {
    out += value.slice(at, edit.index) + edit.after
    at = edit.index + edit.before.length
  }
  return out + value.slice(at)
}

/** `value` with its half-width punctuation in Chinese context made full-width: how the zh-* packs print it. */
export function normalizePunctuation(value: string, before = '', quotes: Quotes = SIMPLIFIED_QUOTES): string {
  const edits = punctuationEdits(value, before, quotes)
  return edits.length === 0 ? value : applyEdits(value, edits)
}
