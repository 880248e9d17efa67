/** Types for the dependencies that ship none: only what casebook uses of them. */

declare module 'fontkit' {
  export interface Glyph {
    advanceWidth: number
  }
  export interface Font {
    unitsPerEm: number
    characterSet: number[]
    glyphForCodePoint(code: number): Glyph
    hasGlyphForCodePoint(code: number): boolean
  }
  /** A font from a file's bytes (TrueType, OpenType, WOFF, WOFF2; a collection gives a collection). */
  export function create(buffer: Uint8Array, postscriptName?: string): Font | { fonts: Font[] }
}

declare module 'linebreak' {
  /** A line break opportunity: the next line may start at `position`; `required` for a hard break. */
  export interface Break {
    position: number
    required: boolean
  }
  /** The Unicode line breaking algorithm (UAX #14) over a string. */
  export default class LineBreaker {
    constructor(text: string)
    nextBreak(): Break | null
  }
}
