/**
 * Fonts shipped through npm (@fontsource) or given as font files (a brand's), subset to the
 * characters a page uses and inlined, so every artifact looks the same on every machine and
 * loads nothing from the network. A fontsource face's slices are merged into one font
 * (merge-font-slices.ts) where that is faithful.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { ConfigError, EnvironmentError } from '../../errors.js'
import { writeFiles } from '../../io/write-files.js'
import { cacheFolderBeside } from '../../dependency-cache.js'
import type { BrandFace } from '../../config/brand.js'

/** Where a face's glyphs are: a fontsource package's folder, or font files by weight. */
export type FontSource = BrandFace['source']

/** One `@font-face` of a fontsource stylesheet, as kept in the cache (`file` relative to the package). */
interface StoredSlice {
  family: string
  file: string
  unicodeRange: string
  /** The unicode-range's inclusive code point ranges, flat: from, to, from, to… */
  ranges: number[]
}

/** One slice of a fontsource font at one weight: its file (absolute) and the code points it covers. */
export interface Slice extends StoredSlice {
  weight: number
}

const require = createRequire(import.meta.url)
const slicesCache = new Map<string, Promise<Slice[]>>()
const subsetCache = new Map<string, Promise<string>>()
const mergedCache = new Map<string, Promise<string | null>>()
/** Bumped whenever merge-font-slices.ts would merge the same slices into other bytes. */
const MERGE_VERSION = 4

/** One of casebook's own fontsource packages (`noto-serif-sc`), as a source. */
export function casebookFontsource(name: string): FontSource {
  try {
    return { type: 'fontsource', packageDir: dirname(require.resolve(`@fontsource/${name}/package.json`)) }
  } catch (error) {
    throw new EnvironmentError(`Font package @fontsource/${name} is not installed: run npm install @fontsource/${name}`, { cause: error })
  }
}

/**
 * `@font-face` rules with `text`'s glyphs inlined as woff2 data URLs, for
 * regular and bold. Only the fontsource slices that `text` touches are used;
 * font files give the weights they have (the browser makes bold from a
 * regular file alone). `family` renames the faces (the PDF's margin face).
 */
export async function inlineFontFaces(source: FontSource, text: string, weights = [400, 700], family?: string): Promise<string> {
  const unique = new Set<number>()
  for (const char of text) unique.add(char.codePointAt(0)!)
  const codePoints = [...unique].sort((a, b) => a - b)
  if (source.type === 'files') return fileFaces(source.files, codePoints, family ?? 'casebook-file')
  // Every weight and slice at once: most subsets are cached files, and read one after
  // another they kept the process waiting on the disk (~20 ms in a profile of a small build).
  const rules = await Promise.all(
    weights.map(async (weight) => {
      const slices = await loadSlices(source.packageDir, weight)
      const usedBySlice = codePointsBySlice(slices, codePoints)
      const used = slices.flatMap((slice, index) => (usedBySlice[index].length > 0 ? [{ slice, characters: String.fromCodePoint(...usedBySlice[index]) }] : []))
      const rule = (data: string, unicodeRange: string) =>
        `@font-face{font-family:'${family ?? used[0].slice.family}';font-style:normal;font-weight:${weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${unicodeRange}}`
      const merged = used.length > 1 ? await mergedSubset(source.packageDir, used) : null
      // The merged font covers exactly the characters its slices were cut to.
      if (merged) return [rule(merged, unicodeRangeOf(usedBySlice.flat()))]
      return Promise.all(used.map(({ slice, characters }) => subset(source.packageDir, slice.file, characters).then((data) => rule(data, slice.unicodeRange))))
    }),
  )
  return rules.flat().join('\n')
}

/** `codePoints` as a CSS unicode-range, runs of consecutive code points as ranges. */
function unicodeRangeOf(codePoints: number[]): string {
  const runs = codePointRuns(codePoints)
  const hex = (code: number) => code.toString(16).toUpperCase()
  const ranges: string[] = []
  for (let index = 0; index < runs.length; index += 2) ranges.push(runs[index] === runs[index + 1] ? `U+${hex(runs[index]!)}` : `U+${hex(runs[index]!)}-${hex(runs[index + 1]!)}`)
  return ranges.join(',')
}

/** `codePoints` (any order, repeats allowed) as runs of consecutive ones, flat: from, to, from, to… */
export function codePointRuns(codePoints: Iterable<number>): number[] {
  const runs: number[] = []
  for (const code of [...new Set(codePoints)].sort((a, b) => a - b)) {
    if (runs.length > 0 && runs[runs.length - 1] === code - 1) runs[runs.length - 1] = code
    else runs.push(code, code)
  }
  return runs
}

/** A brand's font files, each subset to every character of the page it holds (a file has no slices). */
async function fileFaces(files: Extract<FontSource, { type: 'files' }>['files'], codePoints: number[], family: string): Promise<string> {
  const characters = String.fromCodePoint(...codePoints)
  const rules = await Promise.all(
    files.map(async (file) => {
      const data = await subset(dirname(file.path), file.path, characters)
      return `@font-face{font-family:'${family}';font-style:${file.style};font-weight:${file.weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2')}`
    }),
  )
  return rules.join('\n')
}

/**
 * The family name a page uses for a brand's font files: its own, from the files' bytes (their
 * fingerprint) rather than the name the font carries, so a font installed on the machine under
 * that name never stands in for it, and rather than their paths, so a moved project makes the
 * same bytes.
 */
export function brandFileFamily(face: BrandFace): string {
  const identity = face.fingerprint ?? (face.source.type === 'files' ? face.source.files.map((file) => basename(file.path)).join('\0') : face.family)
  return `casebook-file-${createHash('sha256').update(identity).digest('hex').slice(0, 12)}`
}

/**
 * For each slice, the (sorted) code points it covers. A CJK font has a hundred
 * slices of many ranges each: testing every code point against every range took
 * ~40 ms a build, so each range instead finds its code points by binary search.
 */
function codePointsBySlice(slices: Slice[], sortedCodePoints: number[]): number[][] {
  return slices.map((slice) => {
    const used: number[] = []
    for (let range = 0; range < slice.ranges.length; range += 2) {
      const from = slice.ranges[range]
      const to = slice.ranges[range + 1]
      for (let index = firstAtLeast(sortedCodePoints, from); index < sortedCodePoints.length && sortedCodePoints[index] <= to; index++) {
        used.push(sortedCodePoints[index])
      }
    }
    // Ranges may come in any order or overlap; the subset's characters must not.
    return [...new Set(used)].sort((a, b) => a - b)
  })
}

/** The index of the first value ≥ `target` in ascending `values` (`values.length` if none). */
function firstAtLeast(values: number[], target: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle] < target) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The used slices of one fontsource face, each cut to its characters and merged into one font
 * (merge-font-slices.ts), as base64 woff2; null when they cannot be merged, which is cached too.
 */
function mergedSubset(packageDir: string, used: Array<{ slice: Slice; characters: string }>): Promise<string | null> {
  const key = used.map(({ slice, characters }) => `${slice.file}\u0000${characters}`).join('\u0001')
  let result = mergedCache.get(key)
  if (!result) {
    const folder = fontCacheFolder(packageDir)
    // The version names how merge-font-slices.ts merges: a change there must change it, or old merges are served.
    const identity = createHash('sha256').update(`merged slices ${MERGE_VERSION}`)
    for (const { slice, characters } of used) identity.update('\u0000').update(slice.file.slice(slice.file.lastIndexOf('@fontsource'))).update('\u0000').update(characters)
    result = cachedFont(folder, `merged-${identity.digest('hex')}.woff2`, async () => {
      const { default: subsetFont } = await import('subset-font')
      const { mergeFontSlices } = await import('./merge-font-slices.js')
      const parts = await Promise.all(used.map(async ({ slice, characters }) => Buffer.from(await subsetFont(await readFile(slice.file), characters, { targetFormat: 'truetype' }))))
      const merged = mergeFontSlices(parts)
      // Written as woff2 by harfbuzz, which also packs the merged layout tables anew.
      return merged ? subsetFont(merged, used.map(({ characters }) => characters).join(''), { targetFormat: 'woff2' }) : new Uint8Array(0)
    }).then((bytes) => (bytes.length > 0 ? Buffer.from(bytes).toString('base64') : null))
    mergedCache.set(key, result)
  }
  return result
}

function subset(folder: string, file: string, characters: string): Promise<string> {
  const key = `${file}\u0000${characters}`
  let result = subsetCache.get(key)
  if (!result) {
    result = cachedSubset(folder, file, characters).then((bytes) => Buffer.from(bytes).toString('base64'))
    subsetCache.set(key, result)
  }
  return result
}

/**
 * Subsetting starts a harfbuzz wasm and costs ~30 ms a slice, so results are
 * kept on disk (node_modules/.cache) keyed by font file and characters; a
 * rebuild of unchanged text then subsets nothing. A fontsource file is named
 * by its path from `@fontsource` (its package and version pin its bytes); any
 * other file by its bytes, which a user may change under the same name.
 */
async function cachedSubset(sourceFolder: string, file: string, characters: string): Promise<Uint8Array> {
  const fromPackage = file.lastIndexOf('@fontsource')
  const folder = fromPackage >= 0 ? fontCacheFolder(sourceFolder) : cacheFolderBeside('@fontsource/noto-serif-sc', 'casebook-fonts')
  const font = fromPackage >= 0 ? null : await readFile(file)
  const identity = font ? createHash('sha256').update(font).digest('hex') : file.slice(fromPackage)
  const name = createHash('sha256').update(identity).update('\u0000').update(characters).digest('hex')
  return cachedFont(folder, `${name}.woff2`, async () => {
    // Loaded lazily: the harfbuzz wasm is only needed when a renderer asks for fonts.
    const { default: subsetFont } = await import('subset-font')
    try {
      return await subsetFont(font ?? (await readFile(file)), characters, { targetFormat: 'woff2' })
    } catch (error) {
      // A brand's file cut short or damaged; casebook's own packages are npm's to keep whole.
      if (!font) throw error
      throw new ConfigError(`The brand's font file ${file} cannot be read as a font (${(error as Error).message}); name a whole .ttf, .otf, .woff or .woff2 file in brand.fonts`, { cause: error })
    }
  })
}

/** The font file `name` in the cache `folder`, made by `make` and kept when it is not there. */
async function cachedFont(folder: string, name: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const cached = await readFile(join(folder, name)).catch(() => null)
  if (cached) return cached
  const bytes = await make()
  // Temp file + rename, so a concurrent build never reads half a font; a read-only install just goes without the cache.
  await writeFiles(folder, [{ path: name, bytes }]).catch(() => undefined)
  return bytes
}

/** node_modules/.cache/casebook-fonts in the node_modules that holds the fontsource package in `packageDir`. */
export function fontCacheFolder(packageDir: string): string {
  const scope = dirname(packageDir)
  return basename(dirname(scope)) === 'node_modules' ? join(dirname(scope), '.cache', 'casebook-fonts') : join(packageDir, '.cache', 'casebook-fonts')
}

/** The slices of the fontsource package in `packageDir` at `weight`, read once per process (the deck measures text with them). */
export function loadSlices(packageDir: string, weight: number): Promise<Slice[]> {
  const key = `${packageDir}@${weight}`
  let slices = slicesCache.get(key)
  if (!slices) {
    slices = readSlices(packageDir, weight)
    slicesCache.set(key, slices)
  }
  return slices
}

/**
 * The slices of one weight: `400.css` and `700.css` of a static package; a variable package
 * (@fontsource-variable) has one `index.css` whose faces span every weight.
 */
async function readSlices(folder: string, weight: number): Promise<Slice[]> {
  const weightCss = join(folder, `${weight}.css`)
  if (!existsSync(weightCss) && weight !== 400 && !existsSync(join(folder, 'wght.css'))) return []
  const css = await readFile(existsSync(weightCss) ? weightCss : join(folder, existsSync(join(folder, 'wght.css')) ? 'wght.css' : 'index.css'), 'utf8')
  // Parsing a CJK stylesheet's hundred slices of ranges took ~15 ms a weight, every
  // build; the parsed slices are kept beside the subsets, keyed by the stylesheet's text.
  const slicesFolder = fontCacheFolder(folder)
  const name = `slices-${createHash('sha256').update(css).digest('hex').slice(0, 32)}.json`
  let stored = await readFile(join(slicesFolder, name), 'utf8')
    .then((text) => JSON.parse(text) as StoredSlice[])
    .catch(() => null)
  if (!stored) {
    stored = parseSlices(css)
    await writeFiles(slicesFolder, [{ path: name, bytes: JSON.stringify(stored) }]).catch(() => undefined)
  }
  return stored.map((slice) => ({ ...slice, weight, file: join(folder, slice.file) }))
}

function parseSlices(css: string): StoredSlice[] {
  const slices: StoredSlice[] = []
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1]
    const family = /font-family:\s*'([^']+)'/.exec(body)?.[1]
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body)?.[1]
    const unicodeRange = /unicode-range:\s*([^;]+);/.exec(body)?.[1].trim()
    if (!family || !file || !unicodeRange) continue
    slices.push({ family, file, unicodeRange, ranges: parseUnicodeRange(unicodeRange) })
  }
  return slices
}

function parseUnicodeRange(value: string): number[] {
  const ranges: number[] = []
  for (const [, from, to] of value.matchAll(/U\+([0-9a-f]+)(?:-([0-9a-f]+))?/gi)) {
    const start = parseInt(from, 16)
    ranges.push(start, to === undefined ? start : parseInt(to, 16))
  }
  return ranges
}
