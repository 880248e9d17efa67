/**
 * Offsets into a source's text as line:column points: the one place that turns one
 * into the other. vfile-location ends lines at \n, \r\n and a lone \r, as the parsers do.
 */
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'

// Made once per file: a partial translation can have a gap per block, each located.
const located = new WeakMap<VFile, (offset: number) => Point>()

/** A function from an offset (UTF-16 code units; the text's length allowed) to its 1-based line and column. */
export function locate(source: VFile | string): (offset: number) => Point {
  const cached = typeof source === 'string' ? undefined : located.get(source)
  if (cached) return cached
  const { toPoint } = location(source)
  const length = String(typeof source === 'string' ? source : source.value ?? '').length
  const pointAt = (offset: number): Point => {
    // Offsets past the end (none is asked for, but a guard costs nothing) are the end.
    const point = toPoint(Math.min(Math.max(offset, 0), length))
    return point ? { line: point.line, column: point.column, offset: point.offset ?? offset } : { line: 1, column: 1, offset: 0 }
  }
  if (typeof source !== 'string') located.set(source, pointAt)
  return pointAt
}
