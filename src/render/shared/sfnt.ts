/** Reading and writing an sfnt (TrueType/OpenType) font file as a map of its tables. */
import { brotliDecompressSync } from 'node:zlib'

/** A font's tables by tag, each its own bytes. */
export type SfntTables = Map<string, Buffer>

/** The tables of an sfnt font (not woff or woff2), or null when `font` is not one. */
export function readSfnt(font: Buffer): SfntTables | null {
  if (font.length < 12) return null
  const version = font.readUInt32BE(0)
  if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */ && version !== 0x4f54544f /* 'OTTO' */) return null
  const count = font.readUInt16BE(4)
  if (font.length < 12 + count * 16) return null
  const tables: SfntTables = new Map()
  for (let index = 0; index < count; index++) {
    const record = 12 + index * 16
    const offset = font.readUInt32BE(record + 8)
    const length = font.readUInt32BE(record + 12)
    if (offset + length > font.length) return null
    tables.set(font.toString('latin1', record, record + 4), font.subarray(offset, offset + length))
  }
  return tables
}

/** An sfnt font of `tables`, with its table directory, checksums and head.checksumAdjustment. */
export function writeSfnt(tables: SfntTables, version = 0x00010000): Buffer {
  const tags = [...tables.keys()].sort()
  const count = tags.length
  const power = 2 ** Math.floor(Math.log2(count))
  const header = Buffer.alloc(12 + count * 16)
  header.writeUInt32BE(version, 0)
  header.writeUInt16BE(count, 4)
  header.writeUInt16BE(power * 16, 6)
  header.writeUInt16BE(Math.log2(power), 8)
  header.writeUInt16BE(count * 16 - power * 16, 10)
  const parts: Buffer[] = [header]
  let offset = header.length
  tags.forEach((tag, index) => {
    let data = tables.get(tag)!
    if (tag === 'head') {
      data = Buffer.from(data)
      data.writeUInt32BE(0, 8)
    }
    const record = 12 + index * 16
    header.write(tag, record, 4, 'latin1')
    header.writeUInt32BE(checksum(data), record + 4)
    header.writeUInt32BE(offset, record + 8)
    header.writeUInt32BE(data.length, record + 12)
    const padded = Buffer.alloc((data.length + 3) & ~3)
    data.copy(padded)
    parts.push(padded)
    offset += padded.length
  })
  const font = Buffer.concat(parts)
  const head = tags.indexOf('head')
  if (head >= 0) font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, header.readUInt32BE(12 + head * 16 + 8) + 8)
  return font
}

/** The OpenType checksum: the sum of big-endian 32-bit words, the last one zero-padded. */
function checksum(data: Buffer): number {
  let sum = 0
  const whole = data.length & ~3
  for (let offset = 0; offset < whole; offset += 4) sum = (sum + data.readUInt32BE(offset)) >>> 0
  if (whole < data.length) {
    const last = Buffer.alloc(4)
    data.copy(last, 0, whole)
    sum = (sum + last.readUInt32BE(0)) >>> 0
  }
  return sum
}

/** A font's Unicode mapping from its format 12 or format 4 subtable (empty when it has neither). */
export function readCmap(cmap: Buffer): Map<number, number> {
  const count = cmap.readUInt16BE(2)
  const subtables = new Map<number, number>()
  for (let index = 0; index < count; index++) {
    const record = 4 + index * 8
    const offset = cmap.readUInt32BE(record + 4)
    const key = cmap.readUInt16BE(record) * 0x10000 + cmap.readUInt16BE(record + 2)
    subtables.set(key, offset)
  }
  const mapping = new Map<number, number>()
  // Windows full repertoire, Unicode full repertoire; then Windows BMP, Unicode BMP.
  for (const key of [0x3000a, 0x00004, 0x30001, 0x00003]) {
    const offset = subtables.get(key)
    if (offset === undefined) continue
    const format = cmap.readUInt16BE(offset)
    if (format === 12) {
      const groups = cmap.readUInt32BE(offset + 12)
      for (let group = 0; group < groups; group++) {
        const at = offset + 16 + group * 12
        const start = cmap.readUInt32BE(at)
        const end = cmap.readUInt32BE(at + 4)
        const glyph = cmap.readUInt32BE(at + 8)
        for (let code = start; code <= end; code++) mapping.set(code, glyph + code - start)
      }
      return mapping
    }
    if (format === 4) {
      const segments = cmap.readUInt16BE(offset + 6) / 2
      const ends = offset + 14
      const starts = ends + segments * 2 + 2
      const deltas = starts + segments * 2
      const rangeOffsets = deltas + segments * 2
      for (let segment = 0; segment < segments; segment++) {
        const start = cmap.readUInt16BE(starts + segment * 2)
        const end = cmap.readUInt16BE(ends + segment * 2)
        const delta = cmap.readUInt16BE(deltas + segment * 2)
        const rangeOffset = cmap.readUInt16BE(rangeOffsets + segment * 2)
        for (let code = start; code <= end && code !== 0xffff; code++) {
          let glyph: number
          if (rangeOffset === 0) glyph = (code + delta) & 0xffff
          else {
            const at = rangeOffsets + segment * 2 + rangeOffset + (code - start) * 2
            glyph = cmap.readUInt16BE(at)
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff
          }
          if (glyph !== 0) mapping.set(code, glyph)
        }
      }
      return mapping
    }
  }
  // No Unicode subtable: a slice cut to characters it does not have maps none.
  return mapping
}

/** Whether a cmap has variation sequences (a format 14 subtable). */
export function hasVariationSequences(cmap: Buffer): boolean {
  const count = cmap.readUInt16BE(2)
  for (let index = 0; index < count; index++) if (cmap.readUInt16BE(cmap.readUInt32BE(4 + index * 8 + 4)) === 14) return true
  return false
}

/** The table tags a WOFF2 directory names by index (WOFF2 specification, 5.1), 63 meaning “spelled out”. */
const WOFF2_KNOWN_TAGS = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill']

/**
 * Table `tag` of a WOFF2 font (not a collection), as stored: a table WOFF2 transforms (glyf,
 * loca, hmtx) comes back transformed. Undefined when the font has no such table or is no WOFF2.
 */
export function woff2Table(font: Buffer, tag: string): Buffer | undefined {
  if (font.length < 48 || font.toString('latin1', 0, 4) !== 'wOF2' || font.readUInt32BE(4) === 0x74746366 /* ttcf */) return undefined
  const tableCount = font.readUInt16BE(12)
  let at = 48
  // UIntBase128: seven bits a byte, most significant first.
  const base128 = () => {
    let value = 0
    for (let byte = 0; byte < 5; byte++) {
      const next = font[at++]!
      value = value * 128 + (next & 0x7f)
      if (!(next & 0x80)) return value
    }
    throw new Error('WOFF2: a length longer than five bytes')
  }
  let offset = 0
  let found: { offset: number; length: number } | undefined
  for (let index = 0; index < tableCount; index++) {
    const flags = font[at++]!
    const name = (flags & 63) === 63 ? font.toString('latin1', at, (at += 4)) : WOFF2_KNOWN_TAGS[flags & 63]
    const length = base128()
    const version = flags >> 6
    // glyf and loca are transformed unless version 3; every other table only with a version other than 0.
    const transformed = name === 'glyf' || name === 'loca' ? version !== 3 : version !== 0
    const stored = transformed ? base128() : length
    if (name === tag) found = { offset, length: stored }
    offset += stored
  }
  if (!found) return undefined
  const tables = brotliDecompressSync(font.subarray(at, at + font.readUInt32BE(20)))
  return tables.subarray(found.offset, found.offset + found.length)
}
