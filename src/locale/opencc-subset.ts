/**
 * An OpenCC converter that knows only the dictionary entries a text can use. opencc-js indexes
 * every entry of a conversion's dictionaries when a converter is built (about 100,000 for
 * Simplified → Taiwan, 0.3–0.7 s and a burst of garbage: the largest single cost of a pack
 * with zh-TW). An entry whose source holds a character the text lacks can never match, so
 * only the others are indexed (about 3,000 for the default document, ~70 ms) and the result
 * is the same string. The conversion's later stages read the earlier stages' output, so the
 * characters of every kept entry's replacement count as the text's too.
 */
import type { LocalePreset } from 'opencc-js/core'

type Convert = (text: string) => string

/** A converter from `from` to `to` (opencc-js codes) for strings made of `texts`' characters only. */
export async function converterFor(from: string, to: string, texts: Iterable<string>): Promise<Convert> {
  const [{ ConverterBuilder }, preset] = await Promise.all([import('opencc-js/core'), import('opencc-js/preset')])
  const present = new Uint8Array(0x110000)
  for (const text of texts) markCharacters(text, 0, text.length, present)
  const kept = keptEntries(dictionaries(preset), present)
  // The preset's shape (from, to, configs of chains and groups), each dictionary replaced by its kept entries.
  const subset = (value: unknown): unknown => {
    if (typeof value === 'string') return kept.get(value) ?? value
    if (Array.isArray(value)) return value.map(subset)
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, subset(inner)]))
    return value
  }
  return ConverterBuilder(subset(preset) as LocalePreset)({ from, to })
}

/** Every serialized dictionary (`source replacement|…`) of the preset: its from, to and configs' chains. */
function dictionaries(preset: object): Set<string> {
  const found = new Set<string>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') found.add(value)
    else if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(preset)
  return found
}

/**
 * Each dictionary reduced to the entries whose source is made of present characters, marking
 * their replacements' characters present, until no pass finds more (three for the default document).
 * A dictionary left empty becomes one entry that maps a noncharacter to itself, which changes
 * nothing: opencc-js rejects an empty dictionary, and takes a group of empty lists for a list of groups.
 */
function keptEntries(dictionaries: Set<string>, present: Uint8Array): Map<string, string> {
  const kept = new Map<string, string>()
  for (let grew = true; grew; ) {
    grew = false
    for (const dictionary of dictionaries) {
      const entries: string[] = []
      for (let start = 0; start < dictionary.length; ) {
        const bar = dictionary.indexOf('|', start)
        const end = bar === -1 ? dictionary.length : bar
        const space = dictionary.indexOf(' ', start)
        if (space > start && space < end && allPresent(dictionary, start, space, present)) {
          entries.push(dictionary.slice(start, end))
          grew = markCharacters(dictionary, space + 1, end, present) || grew
        }
        start = end + 1
      }
      kept.set(dictionary, entries.length > 0 ? entries.join('|') : NO_ENTRY)
    }
  }
  return kept
}

const NO_ENTRY = '\uffff \uffff'

function allPresent(text: string, start: number, end: number, present: Uint8Array): boolean {
  for (let index = start; index < end; index++) {
    const code = text.codePointAt(index)!
    if (!present[code]) return false
    if (code > 0xffff) index++
  }
  return true
}

/** Marks the characters of `text.slice(start, end)` present; true if any was not yet. */
function markCharacters(text: string, start: number, end: number, present: Uint8Array): boolean {
  let added = false
  for (let index = start; index < end; index++) {
    const code = text.codePointAt(index)!
    if (!present[code]) {
      present[code] = 1
      added = true
    }
    if (code > 0xffff) index++
  }
  return added
}
