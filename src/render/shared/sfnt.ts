/** Reading and writing an sfnt (TrueType/OpenType) font file as a map of its tables. */

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
