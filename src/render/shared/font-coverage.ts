/**
 * The characters the fonts a locale's pack embeds can show. A character none of them has is
 * drawn by whatever font the printing machine has, or left blank where it has none (an emoji, a
 * rare character): the `glyph-missing` check names it at its place in the source.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { FontCoverage, PackCoverage } from '../../check/glyph-coverage.js'
import type { Brand } from '../../config/brand.js'
import { ConfigError } from '../../errors.js'
import { writeFiles } from '../../io/write-files.js'
import { changesScript, convertTexts, scriptOf } from '../../locale/convert-script.js'
import { loadLocale, type Locale } from '../../locale/load-locale.js'
import type { ParsedDocument } from '../../types.js'
import { codePointRuns, fontCacheFolder, loadSlices } from './font-faces.js'
import { pageFonts } from './font-stack.js'
import { readCmap, woff2Table } from './sfnt.js'

/**
 * The coverage of the faces `locale`'s pack embeds for `brand` (pageFonts': the brand's where it
 * names them, else casebook's Latin face and the catalog's CJK face). Each face is known by its character maps:
 * a fontsource package's slices', a brand's files'.
 */
export async function fontCoverage(brand: Brand, locale: Locale): Promise<FontCoverage> {
  const faces = pageFonts(brand, locale).faces
  const covered = new Uint8Array(0x110000 >> 3)
  const mark = (code: number) => (covered[code >> 3] |= 1 << (code & 7))
  await Promise.all(
    faces.map(async ({ source }) => {
      if (source.type === 'fontsource') {
        const ranges = await packageCoverage(source.packageDir)
        for (let range = 0; range < ranges.length; range += 2) for (let code = ranges[range]!; code <= ranges[range + 1]!; code++) mark(code)
        return
      }
      const { create } = await import('fontkit')
      for (const file of source.files) {
        let codes: number[]
        try {
          const font = create(await readFile(file.path))
          codes = 'fonts' in font ? font.fonts.flatMap((each) => each.characterSet) : font.characterSet
        } catch (error) {
          throw new ConfigError(`The brand's font file ${file.path} cannot be read as a font (${(error as Error).message}); name a whole .ttf, .otf, .woff or .woff2 file in brand.fonts`, { cause: error })
        }
        for (const code of codes) mark(code)
      }
    }),
  )
  return { locale: locale.code, has: (code) => (covered[code >> 3]! & (1 << (code & 7))) !== 0, families: faces.map((face) => face.name) }
}

/**
 * The code points a fontsource package's slices have glyphs for, as inclusive ranges (from, to,
 * from, to…). Not the slices' unicode-ranges, which name characters a slice may lack (Noto Serif
 * TC's list 🎉 and 👍): each slice's own character map, read once (~100 ms a package) and kept
 * beside the subsets, keyed by the package's version.
 */
async function packageCoverage(packageDir: string): Promise<number[]> {
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  const folder = fontCacheFolder(packageDir)
  const name = `coverage-${createHash('sha256').update(`${basename(packageDir)}@${version}`).digest('hex').slice(0, 32)}.json`
  const cached = await readFile(join(folder, name), 'utf8')
    .then((text) => JSON.parse(text) as number[])
    .catch(() => null)
  if (cached) return cached
  const codes: number[] = []
  for (const slice of await loadSlices(packageDir, 400)) {
    const cmap = woff2Table(await readFile(slice.file), 'cmap')
    if (cmap) codes.push(...readCmap(cmap).keys())
  }
  const ranges = codePointRuns(codes)
  await writeFiles(folder, [{ path: name, bytes: JSON.stringify(ranges) }]).catch(() => undefined)
  return ranges
}

/**
 * The coverage of each pack among `codes` whose text is the source's (converted or not; a pack
 * from a translation prints the translation's words), with the conversion its words go through.
 */
export async function packCoverages(document: ParsedDocument, brand: Brand, codes: readonly string[], dirs: string[]): Promise<PackCoverage[]> {
  const from = scriptOf(document.tree.data.lang)
  const packs = await Promise.all(
    codes.map(async (code): Promise<PackCoverage | null> => {
      const locale = await loadLocale(code, dirs)
      const content = locale.rules.content
      if (content.from !== 'source') return null
      const coverage = await fontCoverage(brand, locale)
      if (!content.convert || !changesScript(from, content.convert)) return { coverage }
      const rule = { from, to: content.convert, quotes: locale.rules.quotes, phrases: content.phrases }
      return { coverage, convert: (characters) => convertTexts(characters, rule) }
    }),
  )
  return packs.filter((pack): pack is PackCoverage => pack !== null)
}
