/**
 * The advances of the slide font's glyphs, read from the very font files the deck inlines
 * (@fontsource slices, with fontkit, which reads woff2), so the deck is paginated in Node with
 * the widths Chromium will lay out: no browser, and no estimate of how wide a letter is.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import * as fontkit from 'fontkit'
import { writeFiles } from '../../io/write-files.js'
import { fontCacheFolder, loadSlices, type FontSource, type Slice } from '../shared/font-faces.js'

/** A font the slides name, in the order the stylesheet falls back through them. */
export interface SlideFont {
  /** Where its glyphs are: a fontsource package's unicode-range slices, or font files (a brand's). */
  source: FontSource
  /** Characters the page leaves out of its subset, so the next font sets them (a Latin face's “” in Chinese). */
  excludes: string
}

/** Advances in em by code point, regular and bold; a code point no font has is absent. */
export interface FontMetrics {
  advance(code: number, bold: boolean): number | undefined
}

/** Advances in em per code point of one slice file, kept once per process. */
const sliceAdvances = new Map<string, Promise<Map<number, number>>>()

/** The advances of every character of `text` in `fonts` (the first font that has a glyph wins, as in CSS). */
export async function loadFontMetrics(fonts: SlideFont[], text: string): Promise<FontMetrics> {
  const codes = [...new Set(Array.from(text, (char) => char.codePointAt(0)!))]
  const [regular, bold] = await Promise.all([400, 700].map((weight) => advancesAt(fonts, weight, codes)))
  return { advance: (code, isBold) => (isBold ? bold : regular).get(code) }
}

async function advancesAt(fonts: SlideFont[], weight: number, codes: number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>()
  for (const font of fonts) {
    const missing = codes.filter((code) => !result.has(code) && !font.excludes.includes(String.fromCodePoint(code)))
    if (missing.length === 0) continue
    const { source } = font
    if (source.type === 'files') {
      // The file of that weight, else the regular one (the browser emboldens it, with the same advances).
      const file = source.files.find((item) => item.weight === weight && item.style === 'normal') ?? source.files.find((item) => item.style === 'normal') ?? source.files[0]
      // A face named without files has no advances to read: the next face, or the estimate, sets its characters.
      if (!file) continue
      const table = await advancesOf(file.path, () => readAdvances(file.path))
      for (const code of missing) if (table.has(code)) result.set(code, table.get(code)!)
      continue
    }
    const slices = await loadSlices(source.packageDir, weight)
    const used = slices.filter((slice) => missing.some((code) => covers(slice, code)))
    const tables = await Promise.all(used.map((slice) => advancesOf(slice.file, () => readAdvances(slice.file, fontCacheFolder(source.packageDir)))))
    used.forEach((slice, index) => {
      // A slice's unicode-range decides which file the browser takes a character from.
      for (const code of missing) if (!result.has(code) && covers(slice, code) && tables[index].has(code)) result.set(code, tables[index].get(code)!)
    })
  }
  return result
}

function covers(slice: Slice, code: number): boolean {
  for (let index = 0; index < slice.ranges.length; index += 2) if (code >= slice.ranges[index] && code <= slice.ranges[index + 1]) return true
  return false
}

/**
 * Every glyph advance of a slice file, in em. Decoding a woff2 takes ~10 ms, and a CJK deck
 * touches a hundred slices, so the table is kept on disk beside the font subsets.
 */
function advancesOf(file: string, read: () => Promise<Map<number, number>>): Promise<Map<number, number>> {
  let table = sliceAdvances.get(file)
  if (!table) {
    table = read()
    sliceAdvances.set(file, table)
  }
  return table
}

/** The advances of `file`, kept in `cacheFolder` (a package's slices; a brand's own file is read each process). */
async function readAdvances(file: string, cacheFolder?: string): Promise<Map<number, number>> {
  const name = `advances-${createHash('sha256').update(file.slice(file.lastIndexOf('@fontsource'))).digest('hex').slice(0, 32)}.json`
  const cached = cacheFolder
    ? await readFile(`${cacheFolder}/${name}`, 'utf8')
        .then((text) => JSON.parse(text) as Array<[number, number]>)
        .catch(() => null)
    : null
  if (cached) return new Map(cached)
  const font = fontkit.create(await readFile(file)) as fontkit.Font
  const entries: Array<[number, number]> = font.characterSet.map((code) => [code, font.glyphForCodePoint(code).advanceWidth / font.unitsPerEm])
  if (cacheFolder) await writeFiles(cacheFolder, [{ path: name, bytes: JSON.stringify(entries) }]).catch(() => undefined)
  return new Map(entries)
}
