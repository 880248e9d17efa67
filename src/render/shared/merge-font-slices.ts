/**
 * One font made of the slices of one face. fontsource cuts a CJK face into ~100 slices by
 * unicode-range, and a page using 17 of them gave Chromium 17 fonts to decode, shape and embed
 * per face: ~45 ms of the seed's page load and print. Merged, each face is one font.
 *
 * Each slice's glyphs keep their outlines, advances and layout lookups (GSUB/GPOS, whose glyph ids
 * are shifted), so text shapes as it did when each run took its glyphs from one slice: a lookup
 * still sees only its own slice's glyphs. Slices this cannot merge faithfully (CFF outlines, a
 * GDEF, layout lookups of other kinds, differing hinting) give null, and stay separate fonts.
 */
import { hasVariationSequences, readCmap, readSfnt, writeSfnt, type SfntTables } from './sfnt.js'

/** Tables every slice must have identically (hinting, baselines), kept once. */
const SAME_IN_EVERY_SLICE = ['prep', 'fpgm', 'cvt ', 'gasp', 'BASE']
/** Tables taken from the primary slice (names and style, not glyphs). */
const FROM_PRIMARY = ['name', 'OS/2', 'STAT']
/** Tables rebuilt from every slice. */
const REBUILT = ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cmap', 'post', 'vhea', 'vmtx', 'GDEF', 'GSUB', 'GPOS']
const KNOWN = new Set([...SAME_IN_EVERY_SLICE, ...FROM_PRIMARY, ...REBUILT])

/** One slice, read. */
interface Slice {
  tables: SfntTables
  glyphCount: number
  cmap: Map<number, number>
}

/**
 * The TrueType slices `fonts` (sfnt, glyf outlines, in the order their @font-face rules had) as
 * one font, or null when they cannot be merged faithfully. Where two slices map one code point,
 * the later one's glyph wins, as the later @font-face does in the browser.
 */
export function mergeFontSlices(fonts: Buffer[]): Buffer | null {
  const slices: Slice[] = []
  for (const font of fonts) {
    const tables = readSfnt(font)
    if (!tables || !['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cmap'].every((tag) => tables.has(tag))) return null
    if ([...tables.keys()].some((tag) => !KNOWN.has(tag))) return null
    // Variation sequences (a format 14 subtable) would be lost.
    if (hasVariationSequences(tables.get('cmap')!)) return null
    const cmap = readCmap(tables.get('cmap')!)
    slices.push({ tables, glyphCount: tables.get('maxp')!.readUInt16BE(4), cmap })
  }
  if (slices.length === 0) return null
  const unitsPerEm = slices[0].tables.get('head')!.readUInt16BE(18)
  if (slices.some((slice) => slice.tables.get('head')!.readUInt16BE(18) !== unitsPerEm)) return null
  for (const tag of SAME_IN_EVERY_SLICE) {
    const first = slices[0].tables.get(tag)
    if (slices.some((slice) => !sameBytes(slice.tables.get(tag), first))) return null
  }
  // The browser takes a face's line metrics from the slice that has the space.
  const primary = slices.find((slice) => slice.cmap.has(0x20)) ?? slices[0]
  // Glyph 0 is the primary's .notdef; each slice's glyphs follow, its own .notdef included.
  const bases: number[] = []
  let glyphCount = 1
  for (const slice of slices) {
    bases.push(glyphCount)
    glyphCount += slice.glyphCount
  }
  if (glyphCount > 0xffff) return null
  const withVertical = slices.every((slice) => slice.tables.has('vhea') && slice.tables.has('vmtx'))

  const glyphs: Buffer[] = [glyphOf(primary, 0)]
  const horizontal: Array<[number, number]> = [metricsOf(primary, 'hhea', 'hmtx', 0)]
  const vertical: Array<[number, number]> = withVertical ? [metricsOf(primary, 'vhea', 'vmtx', 0)] : []
  slices.forEach((slice, index) => {
    for (let glyph = 0; glyph < slice.glyphCount; glyph++) {
      glyphs.push(shiftComponents(glyphOf(slice, glyph), bases[index]))
      horizontal.push(metricsOf(slice, 'hhea', 'hmtx', glyph))
      if (withVertical) vertical.push(metricsOf(slice, 'vhea', 'vmtx', glyph))
    }
  })
  const cmap = new Map<number, number>()
  slices.forEach((slice, index) => slice.cmap.forEach((glyph, code) => cmap.set(code, glyph + bases[index])))

  const tables: SfntTables = new Map()
  for (const tag of [...SAME_IN_EVERY_SLICE, ...FROM_PRIMARY]) {
    const table = primary.tables.get(tag)
    if (table) tables.set(tag, table)
  }
  const { glyf, loca } = glyfAndLoca(glyphs)
  tables.set('glyf', glyf)
  tables.set('loca', loca)
  tables.set('head', mergedHead(primary, slices))
  tables.set('maxp', mergedMaxp(primary, slices, glyphCount))
  tables.set('hhea', mergedMetricsHeader(primary.tables.get('hhea')!, horizontal, glyphs))
  tables.set('hmtx', metricsTable(horizontal))
  if (withVertical) {
    tables.set('vhea', mergedMetricsHeader(primary.tables.get('vhea')!, vertical, null))
    tables.set('vmtx', metricsTable(vertical))
  }
  tables.set('cmap', cmapTable(cmap))
  tables.set('post', postTable(primary))
  // A slice without GPOS had its marks placed by the shaper's fallback, and one without GSUB its
  // Arabic joined by it; in a font with the others' tables, the shaper would not fall back.
  for (const tag of ['GSUB', 'GPOS']) {
    const lacking = slices.filter((slice) => !slice.tables.has(tag))
    if (lacking.length < slices.length && lacking.some((slice) => [...slice.cmap.keys()].some(needsShaperFallback))) return null
  }
  const gdef = mergeGdef(slices, bases)
  if (gdef === null) return null
  if (gdef) tables.set('GDEF', gdef)
  for (const tag of ['GSUB', 'GPOS'] as const) {
    const merged = mergeLayout(
      slices.map((slice) => slice.tables.get(tag)),
      bases,
      tag,
    )
    if (merged === null) return null
    if (merged) tables.set(tag, merged)
  }
  return writeSfnt(tables)
}

/** A combining mark, or a letter of a script whose joining the shaper does itself when a font cannot. */
function needsShaperFallback(code: number): boolean {
  return /[\p{M}\p{Script=Arabic}\p{Script=Syriac}]/u.test(String.fromCodePoint(code))
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b)
}

// --- glyphs and metrics ---

function glyphOf(slice: Slice, glyph: number): Buffer {
  const long = slice.tables.get('head')!.readInt16BE(50) === 1
  const loca = slice.tables.get('loca')!
  const start = long ? loca.readUInt32BE(glyph * 4) : loca.readUInt16BE(glyph * 2) * 2
  const end = long ? loca.readUInt32BE(glyph * 4 + 4) : loca.readUInt16BE(glyph * 2 + 2) * 2
  return slice.tables.get('glyf')!.subarray(start, end)
}

/** A composite glyph with its components' glyph ids moved by `base`; a simple glyph as it is. */
function shiftComponents(glyph: Buffer, base: number): Buffer {
  if (glyph.length === 0 || glyph.readInt16BE(0) >= 0) return glyph
  const shifted = Buffer.from(glyph)
  let offset = 10
  for (;;) {
    const flags = shifted.readUInt16BE(offset)
    shifted.writeUInt16BE(shifted.readUInt16BE(offset + 2) + base, offset + 2)
    offset += 4 + (flags & 0x0001 ? 4 : 2)
    if (flags & 0x0008) offset += 2
    else if (flags & 0x0040) offset += 4
    else if (flags & 0x0080) offset += 8
    if (!(flags & 0x0020)) return shifted
  }
}

/** A glyph's advance and side bearing, from hmtx (or vmtx), where trailing glyphs repeat the last advance. */
function metricsOf(slice: Slice, headerTag: 'hhea' | 'vhea', tag: 'hmtx' | 'vmtx', glyph: number): [number, number] {
  const longCount = slice.tables.get(headerTag)!.readUInt16BE(34)
  const table = slice.tables.get(tag)!
  const advance = table.readUInt16BE(Math.min(glyph, longCount - 1) * 4)
  const bearing = glyph < longCount ? table.readInt16BE(glyph * 4 + 2) : table.readInt16BE(longCount * 4 + (glyph - longCount) * 2)
  return [advance, bearing]
}

function glyfAndLoca(glyphs: Buffer[]): { glyf: Buffer; loca: Buffer } {
  const loca = Buffer.alloc((glyphs.length + 1) * 4)
  const padded: Buffer[] = []
  let offset = 0
  glyphs.forEach((glyph, index) => {
    loca.writeUInt32BE(offset, index * 4)
    const length = (glyph.length + 3) & ~3
    padded.push(length === glyph.length ? glyph : Buffer.concat([glyph, Buffer.alloc(length - glyph.length)]))
    offset += length
  })
  loca.writeUInt32BE(offset, glyphs.length * 4)
  return { glyf: Buffer.concat(padded), loca }
}

function mergedHead(primary: Slice, slices: Slice[]): Buffer {
  const head = Buffer.from(primary.tables.get('head')!)
  const heads = slices.map((slice) => slice.tables.get('head')!)
  head.writeInt16BE(Math.min(...heads.map((each) => each.readInt16BE(36))), 36)
  head.writeInt16BE(Math.min(...heads.map((each) => each.readInt16BE(38))), 38)
  head.writeInt16BE(Math.max(...heads.map((each) => each.readInt16BE(40))), 40)
  head.writeInt16BE(Math.max(...heads.map((each) => each.readInt16BE(42))), 42)
  head.writeInt16BE(1, 50) // long loca offsets
  return head
}

function mergedMaxp(primary: Slice, slices: Slice[], glyphCount: number): Buffer {
  const maxp = Buffer.from(primary.tables.get('maxp')!)
  maxp.writeUInt16BE(glyphCount, 4)
  // Version 1.0 lists the largest glyph, program and stack sizes: the largest of any slice.
  for (let offset = 6; offset + 2 <= maxp.length; offset += 2) {
    maxp.writeUInt16BE(Math.max(...slices.map((slice) => slice.tables.get('maxp')!.readUInt16BE(offset))), offset)
  }
  return maxp
}

/** hhea (or vhea) with the extremes of `metrics` and one long metric per glyph. */
function mergedMetricsHeader(header: Buffer, metrics: Array<[number, number]>, glyphs: Buffer[] | null): Buffer {
  const merged = Buffer.from(header)
  merged.writeUInt16BE(Math.max(...metrics.map(([advance]) => advance)), 10)
  if (glyphs) {
    // Bearings and extents of glyphs with outlines, from their bounding boxes (xMin at 2, xMax at 6).
    let minLeft = 0x7fff
    let minRight = 0x7fff
    let maxExtent = -0x8000
    glyphs.forEach((glyph, index) => {
      if (glyph.length === 0) return
      const [advance, left] = metrics[index]
      const width = glyph.readInt16BE(6) - glyph.readInt16BE(2)
      minLeft = Math.min(minLeft, left)
      minRight = Math.min(minRight, advance - left - width)
      maxExtent = Math.max(maxExtent, left + width)
    })
    if (maxExtent > -0x8000) {
      merged.writeInt16BE(minLeft, 12)
      merged.writeInt16BE(minRight, 14)
      merged.writeInt16BE(maxExtent, 16)
    }
  }
  merged.writeUInt16BE(metrics.length, 34)
  return merged
}

function metricsTable(metrics: Array<[number, number]>): Buffer {
  const table = Buffer.alloc(metrics.length * 4)
  metrics.forEach(([advance, bearing], index) => {
    table.writeUInt16BE(advance, index * 4)
    table.writeInt16BE(bearing, index * 4 + 2)
  })
  return table
}

/** post version 3: the primary's italic angle and underline, no glyph names. */
function postTable(primary: Slice): Buffer {
  const post = Buffer.alloc(32)
  primary.tables.get('post')?.copy(post, 0, 0, 32)
  post.writeUInt32BE(0x00030000, 0)
  return post
}

// --- cmap ---

/** A cmap of one format 12 subtable, for the Windows and Unicode full repertoires. */
function cmapTable(mapping: Map<number, number>): Buffer {
  const codes = [...mapping.keys()].sort((a, b) => a - b)
  const groups: Array<[number, number, number]> = []
  for (const code of codes) {
    const glyph = mapping.get(code)!
    const last = groups[groups.length - 1]
    if (last && last[1] === code - 1 && last[2] + (code - last[0]) === glyph) last[1] = code
    else groups.push([code, code, glyph])
  }
  const subtable = Buffer.alloc(16 + groups.length * 12)
  subtable.writeUInt16BE(12, 0)
  subtable.writeUInt32BE(subtable.length, 4)
  subtable.writeUInt32BE(groups.length, 12)
  groups.forEach(([start, end, glyph], index) => {
    subtable.writeUInt32BE(start, 16 + index * 12)
    subtable.writeUInt32BE(end, 20 + index * 12)
    subtable.writeUInt32BE(glyph, 24 + index * 12)
  })
  const header = Buffer.alloc(4 + 2 * 8)
  header.writeUInt16BE(2, 2)
  header.writeUInt16BE(0, 4) // Unicode, full repertoire (encoding 4)
  header.writeUInt16BE(4, 6)
  header.writeUInt32BE(header.length, 8)
  header.writeUInt16BE(3, 12) // Windows, full repertoire (encoding 10)
  header.writeUInt16BE(10, 14)
  header.writeUInt32BE(header.length, 16)
  return Buffer.concat([header, subtable])
}

// --- GDEF ---

/**
 * One GDEF holding the glyph classes of every slice: a slice's own, shifted; for a slice without
 * GDEF, "base" for each glyph, which is what the shaper would have made up from its characters
 * (none of which may then be a combining mark). Ligature carets and attachment points, which
 * shaping does not read, are left out. Undefined when no slice has a GDEF; null when one has
 * mark classes or variations.
 */
function mergeGdef(slices: Slice[], bases: number[]): Buffer | null | undefined {
  if (slices.every((slice) => !slice.tables.has('GDEF'))) return undefined
  const ranges: Array<[number, number, number]> = []
  for (const [index, slice] of slices.entries()) {
    const gdef = slice.tables.get('GDEF')
    const base = bases[index]
    if (!gdef) {
      if ([...slice.cmap.keys()].some((code) => /\p{M}/u.test(String.fromCodePoint(code)))) return null
      ranges.push([base, base + slice.glyphCount - 1, 1])
      continue
    }
    const minor = gdef.readUInt16BE(2)
    if (gdef.readUInt16BE(0) !== 1 || gdef.readUInt16BE(10) !== 0) return null
    if (minor >= 2 && gdef.readUInt16BE(12) !== 0) return null
    if (minor >= 3 && gdef.readUInt32BE(14) !== 0) return null
    const classDef = gdef.readUInt16BE(4)
    if (!classDef) continue
    for (const [start, end, value] of readClassDef(gdef, classDef)) ranges.push([start + base, end + base, value])
  }
  const table = Buffer.alloc(12 + 4 + ranges.length * 6)
  table.writeUInt16BE(1, 0)
  table.writeUInt16BE(12, 4)
  table.writeUInt16BE(2, 12)
  table.writeUInt16BE(ranges.length, 14)
  ranges.forEach(([start, end, value], index) => {
    table.writeUInt16BE(start, 16 + index * 6)
    table.writeUInt16BE(end, 18 + index * 6)
    table.writeUInt16BE(value, 20 + index * 6)
  })
  return table
}

/** A class definition's classes as ranges of glyphs (class 0, the default, left out). */
function readClassDef(bytes: Buffer, at: number): Array<[number, number, number]> {
  const ranges: Array<[number, number, number]> = []
  if (bytes.readUInt16BE(at) === 1) {
    const start = bytes.readUInt16BE(at + 2)
    const count = bytes.readUInt16BE(at + 4)
    for (let index = 0; index < count; index++) {
      const value = bytes.readUInt16BE(at + 6 + index * 2)
      const last = ranges[ranges.length - 1]
      if (value === 0) continue
      if (last && last[2] === value && last[1] === start + index - 1) last[1]++
      else ranges.push([start + index, start + index, value])
    }
    return ranges
  }
  const count = bytes.readUInt16BE(at + 2)
  for (let index = 0; index < count; index++) {
    const record = at + 4 + index * 6
    const value = bytes.readUInt16BE(record + 4)
    if (value !== 0) ranges.push([bytes.readUInt16BE(record), bytes.readUInt16BE(record + 2), value])
  }
  return ranges
}

// --- GSUB and GPOS ---

/**
 * One GSUB or GPOS of the slices' own: each slice's table is copied whole with its glyph ids
 * and lookup indices shifted, and a new script, feature and lookup list points at the copies'
 * lookups. Each script and language gets, from each slice, the features the shaper would have
 * chosen in that slice for it. Undefined when no slice has the table; null when one cannot be shifted.
 */
function mergeLayout(tables: Array<Buffer | undefined>, bases: number[], tag: 'GSUB' | 'GPOS'): Buffer | null | undefined {
  if (tables.every((table) => table === undefined)) return undefined
  // Lookups are numbered slice after slice.
  const lookupBase: number[] = []
  let lookupCount = 0
  for (const table of tables) {
    lookupBase.push(lookupCount)
    const lookupList = table ? table.readUInt16BE(8) : 0
    lookupCount += table && lookupList ? table.readUInt16BE(lookupList) : 0
  }
  const read: Array<LayoutTable | null> = []
  for (const [index, table] of tables.entries()) {
    if (!table) {
      read.push(null)
      continue
    }
    const shifted = shiftLayout(table, bases[index], lookupBase[index], tag)
    if (!shifted) return null
    read.push(shifted)
  }
  // Script → language ('' for the default) → feature → lookups.
  const scripts = new Map<string, Map<string, Map<string, Set<number>>>>()
  const scriptTags = new Set(read.flatMap((table) => (table ? [...table.scripts.keys()] : [])))
  for (const script of scriptTags) {
    const languages = new Map<string, Map<string, Set<number>>>()
    const languageTags = new Set([''])
    read.forEach((table) => selectScript(table, script)?.forEach((_, language) => languageTags.add(language)))
    for (const language of languageTags) {
      const features = new Map<string, Set<number>>()
      read.forEach((table, index) => {
        if (!table) return
        const chosen = selectScript(table, script)
        const featureIndices = chosen?.get(language) ?? chosen?.get('') ?? []
        for (const featureIndex of featureIndices) {
          const feature = table.features[featureIndex]
          if (!feature) continue
          const lookups = features.get(feature.tag) ?? new Set<number>()
          for (const lookup of feature.lookups) lookups.add(lookup + lookupBase[index])
          features.set(feature.tag, lookups)
        }
      })
      languages.set(language, features)
    }
    scripts.set(script, languages)
  }
  return writeLayout(scripts, read, lookupBase)
}

/** A slice's GSUB or GPOS, shifted, with its lists read. */
interface LayoutTable {
  bytes: Buffer
  /** Script → language ('' for the default) → feature indices. */
  scripts: Map<string, Map<string, number[]>>
  features: Array<{ tag: string; lookups: number[] }>
  /** Each lookup's offset in `bytes`. */
  lookups: number[]
}

/** The script a shaper uses in `table` for `script`: itself, or the default ones it falls back to. */
function selectScript(table: LayoutTable | null, script: string): Map<string, number[]> | undefined {
  if (!table) return undefined
  for (const tag of [script, 'DFLT', 'dflt', 'latn']) {
    const found = table.scripts.get(tag)
    if (found) return found
  }
  return undefined
}

/** `original` read, its lookups' glyph ids moved by `glyphBase` and lookup indices by `lookupBase`; null if it has what this file cannot shift. */
function shiftLayout(original: Buffer, glyphBase: number, lookupBase: number, tag: 'GSUB' | 'GPOS'): LayoutTable | null {
  const bytes = Buffer.from(original)
  const major = bytes.readUInt16BE(0)
  const minor = bytes.readUInt16BE(2)
  if (major !== 1 || minor > 1) return null
  if (minor === 1 && bytes.readUInt32BE(10) !== 0) return null // feature variations
  const scriptList = bytes.readUInt16BE(4)
  const featureList = bytes.readUInt16BE(6)
  const lookupList = bytes.readUInt16BE(8)
  const scripts = new Map<string, Map<string, number[]>>()
  const readLanguage = (at: number): number[] | null => {
    if (bytes.readUInt16BE(at + 2) !== 0xffff) return null // a required feature
    const count = bytes.readUInt16BE(at + 4)
    return Array.from({ length: count }, (_, index) => bytes.readUInt16BE(at + 6 + index * 2))
  }
  if (scriptList) {
    const count = bytes.readUInt16BE(scriptList)
    for (let index = 0; index < count; index++) {
      const record = scriptList + 2 + index * 6
      const script = scriptList + bytes.readUInt16BE(record + 4)
      const languages = new Map<string, number[]>()
      const defaultLanguage = bytes.readUInt16BE(script)
      if (defaultLanguage) {
        const features = readLanguage(script + defaultLanguage)
        if (!features) return null
        languages.set('', features)
      }
      const languageCount = bytes.readUInt16BE(script + 2)
      for (let language = 0; language < languageCount; language++) {
        const languageRecord = script + 4 + language * 6
        const features = readLanguage(script + bytes.readUInt16BE(languageRecord + 4))
        if (!features) return null
        languages.set(bytes.toString('latin1', languageRecord, languageRecord + 4), features)
      }
      scripts.set(bytes.toString('latin1', record, record + 4), languages)
    }
  }
  const features: LayoutTable['features'] = []
  if (featureList) {
    const count = bytes.readUInt16BE(featureList)
    for (let index = 0; index < count; index++) {
      const record = featureList + 2 + index * 6
      const feature = featureList + bytes.readUInt16BE(record + 4)
      if (bytes.readUInt16BE(feature) !== 0) return null // feature parameters
      const lookupCount = bytes.readUInt16BE(feature + 2)
      features.push({
        tag: bytes.toString('latin1', record, record + 4),
        lookups: Array.from({ length: lookupCount }, (_, lookup) => bytes.readUInt16BE(feature + 4 + lookup * 2)),
      })
    }
  }
  const lookups: number[] = []
  const shifter = new GlyphShifter(bytes, glyphBase, lookupBase)
  if (lookupList) {
    const count = bytes.readUInt16BE(lookupList)
    for (let index = 0; index < count; index++) {
      const lookup = lookupList + bytes.readUInt16BE(lookupList + 2 + index * 2)
      const type = bytes.readUInt16BE(lookup)
      // Mark attachment classes and mark filtering sets: GDEF parts a merge does not carry.
      if (bytes.readUInt16BE(lookup + 2) & 0xff10) return null
      const subtables = bytes.readUInt16BE(lookup + 4)
      for (let subtable = 0; subtable < subtables; subtable++) {
        if (!shifter.subtable(tag, type, lookup + bytes.readUInt16BE(lookup + 6 + subtable * 2))) return null
      }
      lookups.push(lookup)
    }
  }
  return { bytes, scripts, features, lookups }
}

/** Lookup types whose glyph ids this file knows how to shift. */
const SHIFTABLE = {
  // Single, ligature; context and chained context in their coverage-based format (3).
  GSUB: new Set([1, 4, 5, 6]),
  // Single, pair, mark to base, ligature and mark; context and chained context (format 3).
  GPOS: new Set([1, 2, 4, 5, 6, 7, 8]),
}
const EXTENSION = { GSUB: 7, GPOS: 9 }
const CONTEXT = { GSUB: 5, GPOS: 7 }
const CHAINED_CONTEXT = { GSUB: 6, GPOS: 8 }

/** The subtable of an extension lookup: its type and where it is. */
function unwrapExtension(bytes: Buffer, tag: 'GSUB' | 'GPOS', type: number, at: number): { type: number; at: number } {
  return type === EXTENSION[tag] ? { type: bytes.readUInt16BE(at + 2), at: at + bytes.readUInt32BE(at + 4) } : { type, at }
}

/**
 * Moves the glyph ids of lookup subtables in place by `glyphBase`, and the lookup indices that
 * contextual lookups call by `lookupBase`; each shared coverage, class or set moved once.
 */
class GlyphShifter {
  private readonly done = new Set<number>()

  constructor(
    private readonly bytes: Buffer,
    private readonly glyphBase: number,
    private readonly lookupBase: number,
  ) {}

  /** Shifts the subtable at `at` of lookup `type`; false for a kind it cannot. */
  subtable(tag: 'GSUB' | 'GPOS', lookupType: number, offset: number): boolean {
    const bytes = this.bytes
    const { type, at } = unwrapExtension(bytes, tag, lookupType, offset)
    if (!SHIFTABLE[tag].has(type)) return false
    if (this.done.has(at)) return true
    this.done.add(at)
    const format = bytes.readUInt16BE(at)
    if (type === CONTEXT[tag] || type === CHAINED_CONTEXT[tag]) {
      if (format !== 3) return false
      let cursor = at + 2
      // Context: glyph count, lookup count, coverages. Chained: three counted lists of coverages.
      const lists = type === CONTEXT[tag] ? 1 : 3
      let lookupCount = 0
      if (lists === 1) {
        const count = bytes.readUInt16BE(cursor)
        lookupCount = bytes.readUInt16BE(cursor + 2)
        for (let index = 0; index < count; index++) this.coverage(at + bytes.readUInt16BE(cursor + 4 + index * 2))
        cursor += 4 + count * 2
      } else {
        for (let list = 0; list < 3; list++) {
          const count = bytes.readUInt16BE(cursor)
          for (let index = 0; index < count; index++) this.coverage(at + bytes.readUInt16BE(cursor + 2 + index * 2))
          cursor += 2 + count * 2
        }
        lookupCount = bytes.readUInt16BE(cursor)
        cursor += 2
      }
      for (let index = 0; index < lookupCount; index++) this.shiftBy(cursor + index * 4 + 2, this.lookupBase)
      return true
    }
    this.coverage(at + bytes.readUInt16BE(at + 2))
    if (tag === 'GSUB' && type === 1) {
      // Format 1 adds a delta to a covered glyph, which moves with it; format 2 lists substitutes.
      if (format === 2) this.glyphArray(at + 4)
      return format === 1 || format === 2
    }
    if (tag === 'GSUB' && type === 4) {
      this.eachOffset(at, at + 4, (set) => this.eachOffset(set, set, (ligature) => {
        this.shift(ligature)
        const components = bytes.readUInt16BE(ligature + 2)
        for (let index = 1; index < components; index++) this.shift(ligature + 2 + index * 2)
      }))
      return format === 1
    }
    if (type === 1) return format === 1 || format === 2
    // Mark attachment: a second coverage (bases, ligatures or marks); its anchors hold no glyph ids.
    if (type >= 4 && type <= 6) {
      this.coverage(at + bytes.readUInt16BE(at + 4))
      return format === 1
    }
    if (format === 1) {
      const recordSize = 2 + valueSize(bytes.readUInt16BE(at + 4)) + valueSize(bytes.readUInt16BE(at + 6))
      this.eachOffset(at, at + 8, (set) => {
        const pairs = bytes.readUInt16BE(set)
        for (let pair = 0; pair < pairs; pair++) this.shift(set + 2 + pair * recordSize)
      })
      return true
    }
    if (format === 2) {
      this.classes(at + bytes.readUInt16BE(at + 8))
      this.classes(at + bytes.readUInt16BE(at + 10))
      return true
    }
    return false
  }

  /** Calls `visit` once for each table of the counted list of offsets (from `from`) at `list`. */
  private eachOffset(from: number, list: number, visit: (at: number) => void): void {
    const count = this.bytes.readUInt16BE(list)
    for (let index = 0; index < count; index++) {
      const target = from + this.bytes.readUInt16BE(list + 2 + index * 2)
      if (this.done.has(target)) continue
      this.done.add(target)
      visit(target)
    }
  }

  private shift(at: number): void {
    this.shiftBy(at, this.glyphBase)
  }

  private shiftBy(at: number, base: number): void {
    this.bytes.writeUInt16BE(this.bytes.readUInt16BE(at) + base, at)
  }

  /** A class definition: format 1 starts at one glyph, format 2 lists ranges. */
  private classes(at: number): void {
    if (this.done.has(at)) return
    this.done.add(at)
    if (this.bytes.readUInt16BE(at) === 1) this.shift(at + 2)
    else this.glyphRanges(at + 2)
  }

  /** A coverage table: format 1 lists glyphs, format 2 ranges. */
  private coverage(at: number): void {
    if (this.done.has(at)) return
    this.done.add(at)
    if (this.bytes.readUInt16BE(at) === 1) this.glyphArray(at + 2)
    else this.glyphRanges(at + 2)
  }

  /** A count followed by that many glyph ids. */
  private glyphArray(at: number): void {
    const count = this.bytes.readUInt16BE(at)
    for (let index = 0; index < count; index++) this.shift(at + 2 + index * 2)
  }

  /** A count followed by that many ranges of six bytes: first glyph, last glyph, and a value that is no glyph id. */
  private glyphRanges(at: number): void {
    const count = this.bytes.readUInt16BE(at)
    for (let index = 0; index < count; index++) {
      this.shift(at + 2 + index * 6)
      this.shift(at + 4 + index * 6)
    }
  }
}

/** Bytes of a value record of `format`: two per field it has. */
function valueSize(format: number): number {
  let size = 0
  for (let bits = format & 0xff; bits; bits >>= 1) size += (bits & 1) * 2
  return size
}

/**
 * The merged table: a header and script, feature and lookup lists of its own, then each slice's
 * (shifted) table, whose lookups the new lookup list points into. Null when a pointer overflows.
 */
function writeLayout(scripts: Map<string, Map<string, Map<string, Set<number>>>>, read: Array<LayoutTable | null>, lookupBase: number[]): Buffer | null {
  // One feature per tag and set of lookups, however many languages share it.
  const featureIds = new Map<string, number>()
  const featureList: Array<{ tag: string; lookups: number[] }> = []
  const languageFeatures = new Map<string, Map<string, number[]>>()
  const byTag = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  for (const [script, languages] of [...scripts].sort(([a], [b]) => byTag(a, b))) {
    const out = new Map<string, number[]>()
    for (const [language, features] of [...languages].sort(([a], [b]) => byTag(a, b))) {
      const indices: number[] = []
      for (const [tag, lookupSet] of [...features].sort(([a], [b]) => byTag(a, b))) {
        const lookups = [...lookupSet].sort((a, b) => a - b)
        const key = `${tag}:${lookups.join(',')}`
        let id = featureIds.get(key)
        if (id === undefined) {
          id = featureList.length
          featureIds.set(key, id)
          featureList.push({ tag, lookups })
        }
        indices.push(id)
      }
      out.set(language, indices)
    }
    languageFeatures.set(script, out)
  }
  // Feature records sorted by tag, as the format asks; languages refer to the sorted order.
  const order = featureList.map((_, index) => index).sort((a, b) => byTag(featureList[a].tag, featureList[b].tag) || a - b)
  const position = new Map(order.map((index, sorted) => [index, sorted]))

  const writer = new Writer()
  writer.u16(1).u16(0)
  const header = { scripts: writer.reserve(), features: writer.reserve(), lookups: writer.reserve() }

  writer.patch(header.scripts, writer.length)
  const scriptListStart = writer.length
  writer.u16(languageFeatures.size)
  const scriptRecords = [...languageFeatures].map(([script]) => {
    writer.tag(script)
    return writer.reserve()
  })
  ;[...languageFeatures.values()].forEach((languages, index) => {
    const scriptStart = writer.length
    writer.patch(scriptRecords[index], scriptStart - scriptListStart)
    const defaultOffset = writer.reserve()
    const others = [...languages].filter(([language]) => language !== '')
    writer.u16(others.length)
    const languageRecords = others.map(([language]) => {
      writer.tag(language)
      return writer.reserve()
    })
    const writeLanguage = (features: number[]) => {
      writer.u16(0).u16(0xffff).u16(features.length)
      for (const feature of features.map((id) => position.get(id)!).sort((a, b) => a - b)) writer.u16(feature)
    }
    const defaults = languages.get('')
    if (defaults) {
      writer.patch(defaultOffset, writer.length - scriptStart)
      writeLanguage(defaults)
    }
    others.forEach(([, features], language) => {
      writer.patch(languageRecords[language], writer.length - scriptStart)
      writeLanguage(features)
    })
  })

  writer.patch(header.features, writer.length)
  const featureListStart = writer.length
  writer.u16(order.length)
  const featureRecords = order.map((index) => {
    writer.tag(featureList[index].tag)
    return writer.reserve()
  })
  order.forEach((index, sorted) => {
    writer.patch(featureRecords[sorted], writer.length - featureListStart)
    writer.u16(0).u16(featureList[index].lookups.length)
    for (const lookup of featureList[index].lookups) writer.u16(lookup)
  })

  writer.patch(header.lookups, writer.length)
  const lookupListStart = writer.length
  const lookupTotal = read.reduce((sum, table) => sum + (table?.lookups.length ?? 0), 0)
  writer.u16(lookupTotal)
  const lookupOffsets = Array.from({ length: lookupTotal }, () => writer.reserve())
  const blobs: Buffer[] = []
  let blobStart = writer.length
  for (const [index, table] of read.entries()) {
    if (!table) continue
    for (const [lookup, offset] of table.lookups.entries()) {
      const relative = blobStart + offset - lookupListStart
      if (relative > 0xffff) return null
      writer.patch(lookupOffsets[lookupBase[index] + lookup], relative)
    }
    blobs.push(table.bytes)
    blobStart += table.bytes.length
  }
  if (writer.overflowed) return null
  return Buffer.concat([writer.bytes(), ...blobs])
}

/** Big-endian fields, with 16-bit offsets filled in once known. */
class Writer {
  private readonly data: number[] = []
  overflowed = false

  get length(): number {
    return this.data.length
  }

  u16(value: number): this {
    this.data.push((value >> 8) & 0xff, value & 0xff)
    return this
  }

  tag(tag: string): this {
    for (let index = 0; index < 4; index++) this.data.push(tag.charCodeAt(index) & 0xff)
    return this
  }

  /** Room for an offset, filled by `patch`. */
  reserve(): number {
    const at = this.data.length
    this.u16(0)
    return at
  }

  patch(at: number, value: number): void {
    if (value > 0xffff) this.overflowed = true
    this.data[at] = (value >> 8) & 0xff
    this.data[at + 1] = value & 0xff
  }

  bytes(): Buffer {
    return Buffer.from(this.data)
  }
}
