/**
 * Zips a package's parts so equal parts give equal bytes: fixed order, fixed
 * dates, fixed compression. Written here over node:zlib because fflate's
 * JavaScript deflate took seconds on a 10,000-case document.xml (about ten
 * times zlib's time); reading stays with fflate.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib'
import { strFromU8, strToU8, unzipSync } from 'fflate'

/** A package's parts by path; a large part may stay in the chunks it was written in. */
export type PackageParts = Map<string, Uint8Array | Uint8Array[]>

/** Reads a zip file's parts. */
export function readPackage(bytes: Uint8Array): PackageParts {
  return new Map(Object.entries(unzipSync(bytes)))
}

/** A part as text (every part we edit is UTF-8 XML). */
export function partText(parts: PackageParts, path: string): string | undefined {
  const bytes = parts.get(path)
  return bytes && strFromU8(Array.isArray(bytes) ? Buffer.concat(bytes) : bytes)
}

/** Replaces a part with text. */
export function setPartText(parts: PackageParts, path: string, text: string): void {
  parts.set(path, strToU8(text))
}

/**
 * Writes the package. [Content_Types].xml comes first, as OPC readers expect,
 * then the rest by path. Each entry is dated `date` in UTC, so the bytes do
 * not depend on the machine's time zone.
 */
export function writePackage(parts: PackageParts, date: Date): Uint8Array {
  const { time, day } = dosDate(date)
  const paths = [...parts.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  const chunks: Uint8Array[] = []
  const directory: Uint8Array[] = []
  let offset = 0
  for (const path of paths) {
    const data = parts.get(path) as Uint8Array | Uint8Array[]
    const { packed, crc, size } = deflateChunks(Array.isArray(data) ? data : [data])
    const name = Buffer.from(path, 'utf8')
    // Version 2.0, UTF-8 names (bit 11), deflate, date, CRC-32 and sizes; no extra fields.
    const fields = [20, 0x0800, 8, time, day]
    const local = header(0x04034b50, fields, crc, packed.length, size, name.length, [0])
    const central = header(0x02014b50, [20, ...fields], crc, packed.length, size, name.length, [0, 0, 0, 0], 0, offset)
    chunks.push(local, name, packed)
    directory.push(central, name)
    offset += local.length + name.length + packed.length
  }
  const size = directory.reduce((sum, chunk) => sum + chunk.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(paths.length, 8)
  end.writeUInt16LE(paths.length, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...chunks, ...directory, end])
}

/**
 * Deflates chunks one by one, each ending in a sync flush rather than a final
 * block, then adds an empty final block: a valid deflate stream (as pigz
 * writes them) without first copying the chunks into one buffer.
 */
function deflateChunks(chunks: Uint8Array[]): { packed: Buffer; crc: number; size: number } {
  let crc = 0
  let size = 0
  const packed = chunks.map((chunk) => {
    crc = crc32(chunk, crc)
    size += chunk.length
    return deflateRawSync(chunk, { level: 6, finishFlush: constants.Z_SYNC_FLUSH })
  })
  return { packed: Buffer.concat([...packed, deflateRawSync(Buffer.alloc(0))]), crc, size }
}

/** A local or central header: signature, 16-bit fields, CRC and sizes, name length, trailing 16-bit fields, then 32-bit ones. */
function header(signature: number, fields: number[], crc: number, packed: number, size: number, nameLength: number, tail: number[], ...tail32: number[]): Buffer {
  const bytes = Buffer.alloc(4 + fields.length * 2 + 12 + 2 + tail.length * 2 + tail32.length * 4)
  let at = bytes.writeUInt32LE(signature, 0)
  for (const field of fields) at = bytes.writeUInt16LE(field, at)
  at = bytes.writeUInt32LE(crc, at)
  at = bytes.writeUInt32LE(packed, at)
  at = bytes.writeUInt32LE(size, at)
  at = bytes.writeUInt16LE(nameLength, at)
  for (const field of tail) at = bytes.writeUInt16LE(field, at)
  for (const field of tail32) at = bytes.writeUInt32LE(field, at)
  return bytes
}

function rank(path: string): number {
  return path === '[Content_Types].xml' ? 0 : path === '_rels/.rels' ? 1 : 2
}

/** Zip dates start in 1980 and have two-second steps. */
function dosDate(date: Date): { time: number; day: number } {
  const clamped = date.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : date
  return {
    time: (clamped.getUTCHours() << 11) | (clamped.getUTCMinutes() << 5) | (clamped.getUTCSeconds() >> 1),
    day: ((clamped.getUTCFullYear() - 1980) << 9) | ((clamped.getUTCMonth() + 1) << 5) | clamped.getUTCDate(),
  }
}
