/** Pictures are told apart by their bytes, and their sizes read from their headers. */
import { describe, expect, it } from 'vitest'
import { sniffImage } from '../src/io/sniff-image.js'

const bytes = (...parts: Array<number[] | string>): Uint8Array => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? Array.from(part, (char) => char.charCodeAt(0)) : part)))
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
const u16le = (n: number) => [n & 255, n >>> 8]

describe('sniffImage', () => {
  it('reads PNG, GIF, JPEG and WebP headers, whatever the file is called', () => {
    expect(sniffImage(bytes([0x89], 'PNG\r\n\x1a\n', u32be(13), 'IHDR', u32be(640), u32be(480)))).toEqual({ mime: 'image/png', width: 640, height: 480 })
    expect(sniffImage(bytes('GIF89a', u16le(32), u16le(16)))).toEqual({ mime: 'image/gif', width: 32, height: 16 })
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 120 and width 200.
    const app0 = [0xff, 0xe0, 0, 16, ...new Array(14).fill(0)]
    expect(sniffImage(bytes([0xff, 0xd8], app0, [0xff, 0xc0, 0, 17, 8, 0, 120, 0, 200, 3]))).toEqual({ mime: 'image/jpeg', width: 200, height: 120 })
    // VP8X: width and height less one, 24 bits each.
    expect(sniffImage(bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8X', [10, 0, 0, 0], [0, 0, 0, 0], [99, 0, 0], [49, 0, 0]))).toEqual({ mime: 'image/webp', width: 100, height: 50 })
  })

  it('reads an SVG’s size from width and height, or its viewBox', () => {
    expect(sniffImage(bytes('<?xml version="1.0"?>\n<!-- made by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" width="240px" height="120">'))).toEqual({ mime: 'image/svg+xml', width: 240, height: 120 })
    expect(sniffImage(bytes('<svg viewBox="0 0 300 150" width="600">'))).toEqual({ mime: 'image/svg+xml', width: 600, height: 300 })
    expect(sniffImage(bytes('\uFEFF<svg viewBox="0 0 30 15">'.replace('\uFEFF', '')))).toEqual({ mime: 'image/svg+xml', width: 30, height: 15 })
  })

  it('is null for anything else: text, HTML, a truncated header', () => {
    expect(sniffImage(bytes('just text'))).toBeNull()
    expect(sniffImage(bytes('<html><svg></svg></html>'))).toBeNull()
    expect(sniffImage(bytes([0x89], 'PNG'))).toBeNull()
    expect(sniffImage(new Uint8Array())).toBeNull()
  })
})
