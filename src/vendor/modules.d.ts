// Type declarations for dependencies that ship none.
declare module 'subset-font' {
  /** Subsets a font to `text`'s glyphs (harfbuzz). */
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt' },
  ): Promise<Uint8Array>
}
