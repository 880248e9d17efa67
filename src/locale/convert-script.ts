/**
 * Script conversion of a whole case tree with OpenCC (Simplified ⇄ Traditional
 * with regional phrasing), plus the target locale's quotation marks.
 */
import type { CaseDocument } from '../types.js'
import { mapTreeText } from './map-tree-text.js'
import { converterFor } from './opencc-subset.js'

/**
 * The opencc-js code of a source's script: Simplified (`cn`), Taiwan (`tw`) or Hong Kong
 * (`hk`) Traditional. A Traditional source converts character by character: OpenCC's
 * phrase tables would put mainland words in its author's mouth (整合 → 集成).
 */
export type Script = 'cn' | 'tw' | 'hk'

/** The script a Chinese source in `lang` is written in: Taiwan and Hong Kong write Traditional, the rest Simplified. */
export function scriptOf(lang: string): Script {
  const tag = lang.toLowerCase()
  if (tag === 'zh-hk' || tag === 'zh-mo' || tag.endsWith('-hk')) return 'hk'
  if (tag === 'zh-tw' || tag.startsWith('zh-hant')) return 'tw'
  return 'cn'
}

/** Whether converting a `from` source to opencc-js target `to` changes anything: a zh-TW source needs no `twp`. */
export function changesScript(from: Script, to: string): boolean {
  return from !== (to === 'twp' ? 'tw' : to)
}

/** The quotation marks each script's sources use: open, close, inner open, inner close. */
const TRADITIONAL_QUOTES = ['「', '」', '『', '』']
const SOURCE_QUOTES: Record<Script, readonly string[]> = { cn: ['“', '”', '‘', '’'], tw: TRADITIONAL_QUOTES, hk: TRADITIONAL_QUOTES }

type Convert = (text: string) => string

/** How to convert: the source's script, the opencc-js target, the locale's quotation marks, and phrases that override OpenCC. */
export interface ConvertRule {
  from: Script
  to: string
  quotes: readonly string[]
  /** Source phrases in Simplified Chinese, so they apply to Simplified sources only. */
  phrases?: Record<string, string>
}

/** Returns `tree` converted by `rule`; `tree` is not changed. */
export async function convertDocument(tree: CaseDocument, rule: ConvertRule): Promise<CaseDocument> {
  // The converter indexes only the dictionary entries this tree's words can use: a first walk gathers them.
  const words: string[] = []
  mapTreeText(tree, (value) => (words.push(value), value))
  const convert = await converterOf(rule, words)
  return mapTreeText(tree, convert)
}

/** `texts` converted by `rule`, each in its place: words outside the tree (the brand's organisation and classification line). */
export async function convertTexts(texts: readonly string[], rule: ConvertRule): Promise<string[]> {
  const convert = await converterOf(rule, texts)
  return texts.map(convert)
}

/** One text converted by `rule`: script, phrases and quotation marks; it knows the dictionary entries `words` can use. */
async function converterOf(rule: ConvertRule, words: readonly string[]): Promise<Convert> {
  const script = withPhrases(await converterFor(rule.from, rule.to, words), rule.from === 'cn' ? (rule.phrases ?? {}) : {})
  const sourceMarks = SOURCE_QUOTES[rule.from]
  const marks = new Map<string, string>(sourceMarks.map((mark, index) => [mark, rule.quotes[index] ?? mark]))
  const pattern = new RegExp(`[${sourceMarks.join('')}]`, 'g')
  return (value) => script(value).replace(pattern, (mark) => marks.get(mark) ?? mark)
}

/**
 * Wraps `convert` so each source phrase in `phrases` comes out as its given wording:
 * the phrase is swapped for a private-use token OpenCC passes through, then swapped back.
 */
function withPhrases(convert: Convert, phrases: Record<string, string>): Convert {
  const sources = Object.keys(phrases).filter(Boolean).sort((a, b) => b.length - a.length)
  if (sources.length === 0) return convert
  const pattern = new RegExp(sources.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')
  return (value) =>
    convert(value.replace(pattern, (phrase) => `\uE000${sources.indexOf(phrase)}\uE001`)).replace(
      /\uE000(\d+)\uE001/g,
      (_, index: string) => phrases[sources[Number(index)]],
    )
}
