/** Zips a package's parts so equal parts give equal bytes: fixed order, fixed dates, fixed compression. */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'

/** A package's parts by path. */
export type PackageParts = Map<string, Uint8Array>

/** Reads a zip file's parts. */
export function readPackage(bytes: Uint8Array): PackageParts {
  return new Map(Object.entries(unzipSync(bytes)))
}

/** A part as text (every part we edit is UTF-8 XML). */
export function partText(parts: PackageParts, path: string): string | undefined {
  const bytes = parts.get(path)
  return bytes && strFromU8(bytes)
}

/** Replaces a part with text. */
export function setPartText(parts: PackageParts, path: string, text: string): void {
  parts.set(path, strToU8(text))
}

/**
 * Writes the package. [Content_Types].xml comes first, as OPC readers expect,
 * then the rest by path. Each entry is dated `date`: zip stores local
 * date-time fields, so the Date handed to fflate carries the UTC fields as its
 * local ones, and the bytes do not depend on the machine's time zone.
 */
export function writePackage(parts: PackageParts, date: Date): Uint8Array {
  const mtime = zipDate(date)
  const paths = [...parts.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  const entries: Zippable = {}
  for (const path of paths) entries[path] = [parts.get(path) as Uint8Array, { mtime, level: 6 }]
  return zipSync(entries)
}

function rank(path: string): number {
  return path === '[Content_Types].xml' ? 0 : path === '_rels/.rels' ? 1 : 2
}

/** Zip dates start in 1980 and have two-second steps. */
function zipDate(date: Date): Date {
  const clamped = date.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : date
  return new Date(clamped.getUTCFullYear(), clamped.getUTCMonth(), clamped.getUTCDate(), clamped.getUTCHours(), clamped.getUTCMinutes(), clamped.getUTCSeconds() & ~1)
}
