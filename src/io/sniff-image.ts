/**
 * What kind of picture some bytes are, and how large, from their header: the
 * bytes decide, never the file name, so a renamed file is still read for
 * what it is. Hand-written rather than a dependency: five formats, a few
 * fixed offsets each.
 */
import type { ImageMime } from '../types.js'

/** A recognised picture: its type and, when the header says, its size in pixels. */
export interface SniffedImage {
  mime: ImageMime
  width?: number
  height?: number
}

/** The picture `bytes` are, or null for anything else. */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = (offset: number, ...values: number[]) => values.every((value, index) => bytes[offset + index] === value)
  if (bytes.length >= 24 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    return { mime: 'image/png', width: view.getUint32(16), height: view.getUint32(20) }
  }
  if (bytes.length >= 10 && (at(0, ...ascii('GIF87a')) || at(0, ...ascii('GIF89a')))) {
    return { mime: 'image/gif', width: view.getUint16(6, true), height: view.getUint16(8, true) }
  }
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return { mime: 'image/jpeg', ...jpegSize(bytes, view) }
  if (bytes.length >= 16 && at(0, ...ascii('RIFF')) && at(8, ...ascii('WEBP'))) return { mime: 'image/webp', ...webpSize(bytes, view) }
  return svg(bytes)
}

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0))
}

/** A JPEG's size from its first start-of-frame marker. */
function jpegSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  let offset = 2
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return {}
    const marker = bytes[offset + 1]
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) }
    }
    offset += 2 + view.getUint16(offset + 2)
  }
  return {}
}

/** A WebP's size from its VP8, VP8L or VP8X chunk. */
function webpSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  const chunk = String.fromCharCode(...bytes.subarray(12, 16))
  if (chunk === 'VP8 ' && bytes.length >= 30) return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = view.getUint32(21, true)
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const width = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16))
    const height = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16))
    return { width, height }
  }
  return {}
}

/** An SVG: text whose first element (after a declaration, comments and a doctype) is `<svg`; its size from width/height or the viewBox. */
function svg(bytes: Uint8Array): SniffedImage | null {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '')
  const start = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b([^>]*)>?/i.exec(head)
  if (!start) return null
  const attributes = start[1]
  const number = (name: string) => {
    const value = new RegExp(`\\b${name}\\s*=\\s*["']\\s*([\\d.]+)(px)?\\s*["']`, 'i').exec(attributes)
    return value ? Math.round(Number(value[1])) || undefined : undefined
  }
  let width = number('width')
  let height = number('height')
  const box = /\bviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*["']/i.exec(attributes)
  if (box && (!width || !height)) {
    const [boxWidth, boxHeight] = [Number(box[1]), Number(box[2])]
    if (width && boxWidth) height = Math.round((width * boxHeight) / boxWidth)
    else if (height && boxHeight) width = Math.round((height * boxWidth) / boxHeight)
    else [width, height] = [Math.round(boxWidth) || undefined, Math.round(boxHeight) || undefined]
  }
  return { mime: 'image/svg+xml', width, height }
}
