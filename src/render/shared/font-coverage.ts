/**
 * The characters the fonts a pack embeds can show. A character none of them has is drawn by
 * whatever font the printing machine has, or left blank where it has none (an emoji, a rare
 * character): the `glyph-missing` check names it at its place in the source.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { FontCoverage } from '../../check/glyph-coverage.js'
import type { Brand, BrandFace } from '../../config/brand.js'
import { availableLocales } from '../../config/locale-code.js'
import { loadLocale } from '../../locale/load-locale.js'
import { writeFiles } from '../../io/write-files.js'
import { fontCacheFolder, loadSlices } from './font-faces.js'
import { readCmap, woff2Table } from './sfnt.js'
import { DEFAULT_LATIN_FONTSOURCE, defaultFace } from './font-stack.js'


/**
 * The coverage of every face a pack of `brand` can embed, whatever its locale: the brand's faces
 * where it names them, else casebook's Latin face and each catalog's CJK face (Noto Serif SC, TC).
 * Each face is known by its character maps: a fontsource package's slices', a brand's files'.
 */
export async function fontCoverage(brand: Brand, dirs: string[]): Promise<FontCoverage> {
  const catalogFaces = await Promise.all(availableLocales(dirs).map(async (code) => defaultFace((await loadLocale(code, dirs)).rules.fonts.fontsource)))
  const latin = defaultFace(DEFAULT_LATIN_FONTSOURCE)
  const faces = new Map<string, BrandFace>()
  for (const role of [brand.fonts.body, brand.fonts.headings]) {
    for (const face of [role.latin ?? brand.fonts.body.latin ?? latin, ...(role.cjk ? [role.cjk] : brand.fonts.body.cjk ? [brand.fonts.body.cjk] : catalogFaces)]) faces.set(face.family, face)
  }
  const covered = new Uint8Array(0x110000 >> 3)
  const mark = (code: number) => (covered[code >> 3] |= 1 << (code & 7))
  await Promise.all(
    [...faces.values()].map(async ({ source }) => {
      if (source.type === 'fontsource') {
        const ranges = await packageCoverage(source.packageDir)
        for (let range = 0; range < ranges.length; range += 2) for (let code = ranges[range]!; code <= ranges[range + 1]!; code++) mark(code)
        return
      }
      const { create } = await import('fontkit')
      for (const file of source.files) {
        const font = create(await readFile(file.path))
        for (const code of 'fonts' in font ? font.fonts.flatMap((each) => each.characterSet) : font.characterSet) mark(code)
      }
    }),
  )
  return { has: (code) => (covered[code >> 3] & (1 << (code & 7))) !== 0, families: [...faces.keys()] }
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
  const codes = new Set<number>()
  for (const slice of await loadSlices(packageDir, 400)) {
    const cmap = woff2Table(await readFile(slice.file), 'cmap')
    if (cmap) for (const code of readCmap(cmap).keys()) codes.add(code)
  }
  const sorted = [...codes].sort((a, b) => a - b)
  const ranges: number[] = []
  for (const code of sorted) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === code - 1) ranges[ranges.length - 1] = code
    else ranges.push(code, code)
  }
  await writeFiles(folder, [{ path: name, bytes: JSON.stringify(ranges) }]).catch(() => undefined)
  return ranges
}
