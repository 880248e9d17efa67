/**
 * A face's fontsource slices, cut to a page's characters and merged into one font, must shape
 * text as the slices did, with HarfBuzz (the shaper Chromium uses): the same outlines, advances
 * and offsets, with casebook's CJK features (kerning, `halt` and `chws` spacing, `locl`) on.
 */
import { readFileSync } from 'node:fs'
import * as hb from 'harfbuzzjs'
import subsetFont from 'subset-font'
import { describe, expect, it } from 'vitest'
import { casebookFontsource, loadSlices } from '../src/render/shared/font-faces.js'
import { mergeFontSlices } from '../src/render/shared/merge-font-slices.js'
import { readSfnt, writeSfnt } from '../src/render/shared/sfnt.js'
import { SEED } from './helpers/cli.js'

const PUNCTUATION = '「引号」『书名』（括号）——破折号……省略号，。：；！？、“引”《书》〈篇〉【注】〔补〕１２３％＆'
const MIXED = `${PUNCTUATION}案例分析：上海“一网通办”（2023年）`
const TEXT = `${readFileSync(SEED, 'utf8')}${MIXED}臺灣與萬象 Latin AVAST To café naïve ﬁ “quoted” — 0123 Ωμέγα`

interface CutSlice {
  characters: string
  font: Buffer
}

/** The slices of `name` at `weight` that `text` uses, each cut to its characters as font-faces.ts cuts them. */
async function cutSlices(name: string, weight: number, text: string): Promise<CutSlice[]> {
  const source = casebookFontsource(name)
  if (source.type !== 'fontsource') throw new Error('a fontsource package was expected')
  const characters = [...new Set(Array.from(text, (character) => character.codePointAt(0)!))].sort((a, b) => a - b)
  const cut: CutSlice[] = []
  for (const slice of await loadSlices(source.packageDir, weight)) {
    const inSlice = characters.filter((code) => {
      for (let range = 0; range < slice.ranges.length; range += 2) if (code >= slice.ranges[range] && code <= slice.ranges[range + 1]) return true
      return false
    })
    if (inSlice.length === 0) continue
    const font = Buffer.from(await subsetFont(readFileSync(slice.file), String.fromCodePoint(...inSlice), { targetFormat: 'truetype' }))
    cut.push({ characters: String.fromCodePoint(...inSlice), font })
  }
  return cut
}

/**
 * What HarfBuzz makes of `text` in `font`: each glyph's outline, cluster, advance and offsets.
 * The script is the language's, as the browser gives punctuation the script of the text around it.
 */
function shape(font: Buffer, text: string, features: string[], language = 'zh-Hans'): unknown[] {
  const hbFont = new hb.Font(new hb.Face(new hb.Blob(font)))
  const buffer = new hb.Buffer()
  buffer.addText(text)
  buffer.guessSegmentProperties()
  buffer.setScript(language === 'en' ? 'Latn' : 'Hani')
  buffer.setLanguage(language)
  hb.shape(hbFont, buffer, features.map((tag) => new hb.Feature(tag, 1)))
  const positions = buffer.getGlyphPositions()
  return buffer.getGlyphInfos().map((info, index) => ({ outline: hbFont.glyphToPath(info.codepoint), cluster: info.cluster, ...positions[index] }))
}

const FEATURE_SETS = [[], ['halt'], ['chws'], ['palt']]

/**
 * The slice whose glyph the browser shows for `character`: the last one that has a glyph for it,
 * as the last-defined of overlapping unicode-range faces wins (fontsource's latin slice and a CJK
 * slice both cover “ and ”), and a face without the glyph passes it on.
 */
function ownerOf(slices: CutSlice[], character: string): CutSlice | undefined {
  return slices.findLast((slice) => slice.characters.includes(character) && hasGlyph(slice.font, character))
}

function hasGlyph(font: Buffer, character: string): boolean {
  const buffer = new hb.Buffer()
  buffer.addText(character)
  buffer.guessSegmentProperties()
  hb.shape(new hb.Font(new hb.Face(new hb.Blob(font))), buffer)
  return buffer.getGlyphInfos()[0].codepoint !== 0
}

describe('merging the slices of a face', () => {
  for (const [name, weight, language] of [
    ['noto-serif-sc', 400, 'zh-Hans'],
    ['noto-serif-sc', 700, 'zh-Hans'],
    ['noto-sans-sc', 400, 'zh-Hans'],
    ['noto-serif-tc', 400, 'zh-Hant'],
    ['noto-serif', 400, 'en'],
    ['noto-serif', 700, 'en'],
  ] as const) {
    it(`shapes each slice's text as the slice did: ${name} ${weight}`, async () => {
      const slices = await cutSlices(name, weight, TEXT)
      expect(slices.length).toBeGreaterThan(1)
      const merged = mergeFontSlices(slices.map((slice) => slice.font))
      expect(merged).not.toBeNull()
      let compared = 0
      for (const slice of slices) {
        // The slice's characters in a row, and its punctuation in the page's order, where spacing features act on pairs.
        const own = (character: string) => ownerOf(slices, character) === slice
        const characters = Array.from(slice.characters).filter(own).join('')
        const punctuation = Array.from(PUNCTUATION).filter(own).join('')
        for (const text of [characters, punctuation].filter(Boolean)) {
          for (const features of FEATURE_SETS) {
            expect(shape(merged!, text, features, language)).toEqual(shape(slice.font, text, features, language))
            compared++
          }
        }
      }
      expect(compared).toBeGreaterThanOrEqual(slices.length * FEATURE_SETS.length)
    })
  }

  it('keeps each slice to itself: text across slices shapes as one run per slice', async () => {
    const slices = await cutSlices('noto-serif-sc', 400, TEXT)
    const merged = mergeFontSlices(slices.map((slice) => slice.font))!
    const text = MIXED
    // Split as the browser splits a run among unicode-range faces: by the slice that has each character.
    const runs: Array<{ text: string; font: Buffer }> = []
    for (const character of text) {
      const slice = ownerOf(slices, character)!
      const last = runs[runs.length - 1]
      if (last?.font === slice.font) last.text += character
      else runs.push({ text: character, font: slice.font })
    }
    expect(runs.length).toBeGreaterThan(3)
    const withoutClusters = (glyphs: unknown[]) => glyphs.map((glyph) => ({ ...(glyph as object), cluster: 0 }))
    for (const features of FEATURE_SETS) {
      expect(withoutClusters(shape(merged, text, features))).toEqual(withoutClusters(runs.flatMap((run) => shape(run.font, run.text, features))))
    }
  })

  it('gives the font harfbuzz writes as woff2, as font-faces.ts serves it', async () => {
    const slices = await cutSlices('noto-sans-sc', 400, TEXT)
    const merged = mergeFontSlices(slices.map((slice) => slice.font))!
    const characters = slices.map((slice) => slice.characters).join('')
    const woff2 = Buffer.from(await subsetFont(merged, characters, { targetFormat: 'woff2' }))
    expect(woff2.toString('latin1', 0, 4)).toBe('wOF2')
    const again = Buffer.from(await subsetFont(woff2, characters, { targetFormat: 'truetype' }))
    expect(shape(again, PUNCTUATION, ['halt'])).toEqual(shape(merged, PUNCTUATION, ['halt']))
  })

  it('refuses what it cannot merge faithfully, and the slices then stay separate', async () => {
    // Noto Serif's whole Latin slices filter marks with mark glyph sets, a GDEF part a merge does not carry.
    const source = casebookFontsource('noto-serif')
    if (source.type !== 'fontsource') throw new Error('a fontsource package was expected')
    const { default: fontverter } = await import('fontverter')
    const latin = await Promise.all(
      (await loadSlices(source.packageDir, 400)).slice(-2).map(async (slice) => Buffer.from(await fontverter.convert(readFileSync(slice.file), 'truetype'))),
    )
    expect(mergeFontSlices(latin)).toBeNull()
    // Slices hinted differently.
    const [first, second] = await cutSlices('noto-serif-sc', 400, TEXT)
    const tables = readSfnt(second.font)!
    const prep = Buffer.from(tables.get('prep')!)
    prep[0] ^= 1
    tables.set('prep', prep)
    expect(mergeFontSlices([first.font, writeSfnt(tables)])).toBeNull()
    // A slice without GPOS whose combining mark the shaper placed by itself, beside slices with GPOS.
    const withMark = await cutSlices('noto-serif-sc', 400, `${TEXT} Приве\u0301т`)
    const markSlice = withMark.find((slice) => slice.characters.includes('\u0301') && hasGlyph(slice.font, '\u0301'))!
    const others = withMark.filter((slice) => slice !== markSlice && readSfnt(slice.font)!.has('GPOS'))
    expect(mergeFontSlices([others[0].font, markSlice.font])).not.toBeNull()
    const withoutGpos = readSfnt(markSlice.font)!
    withoutGpos.delete('GPOS')
    expect(mergeFontSlices([others[0].font, writeSfnt(withoutGpos)])).toBeNull()
    // Not an sfnt at all.
    expect(mergeFontSlices([first.font, Buffer.from('wOF2 is not a TrueType font')])).toBeNull()
  })
})
