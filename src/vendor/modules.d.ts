// Type declarations for dependencies that ship none.
declare module 'subset-font' {
  /** Subsets a font to `text`'s glyphs (harfbuzz). */
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt' },
  ): Promise<Uint8Array>
}

declare module 'fontverter' {
  /** Converts a font between sfnt (TrueType/OpenType), WOFF and WOFF2. */
  const fontverter: { convert(font: Uint8Array, to: 'sfnt' | 'truetype' | 'woff' | 'woff2'): Promise<Buffer>; detectFormat(font: Uint8Array): string }
  export default fontverter
}
