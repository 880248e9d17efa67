/**
 * The script converter built from only the dictionary entries a text can use converts exactly as
 * opencc-js's own converter built from every entry: on the default document, and on text made of
 * the dictionaries' own phrases (which exercise the later stages of each conversion's chain).
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { Converter } from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { converterFor } from '../src/locale/opencc-subset.js'

const seed = readFileSync(new URL('../content/000_26baee1053dad71d.txt', import.meta.url), 'utf8')
/** Phrases of the dictionaries the conversions use, as sources and as replacements. */
const phrases = (await Promise.all(['STPhrases', 'TWPhrases', 'HKVariantsRevPhrases', 'TSPhrases', 'TWVariantsRevPhrases'].map((name) => import(`opencc-js/dict/${name}`))))
  .flatMap((module) => (module.default as string).split('|').flatMap((entry) => entry.split(' ')))
/** The conversions casebook's catalogs name (cn → tw, twp, hk) and the way back from Traditional sources. */
const PAIRS: [string, string][] = [['cn', 'twp'], ['cn', 'tw'], ['cn', 'hk'], ['tw', 'cn'], ['hk', 'cn'], ['tw', 'twp']]

describe('a converter for the text’s own characters', () => {
  it.each(PAIRS)('converts the default document %s → %s as the whole dictionary does', async (from, to) => {
    expect((await converterFor(from, to, [seed]))(seed)).toBe(Converter({ from, to })(seed))
  })

  it('converts text made of dictionary phrases and other characters as the whole dictionary does', async () => {
    const whole = new Map(PAIRS.map(([from, to]) => [`${from}>${to}`, Converter({ from, to })]))
    const text = fc.array(fc.oneof(fc.constantFrom(...phrases), fc.string({ unit: 'grapheme', maxLength: 3 })), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''))
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom(...PAIRS), async (value, [from, to]) => {
        expect((await converterFor(from, to, [value]))(value)).toBe(whole.get(`${from}>${to}`)!(value))
      }),
      { numRuns: 60 },
    )
  })
})
