/**
 * What the Word styles take from the brand: its colours as Word writes them
 * (`RRGGBB`), the shades derived from them (table banding, rules, code
 * shading), and the headings' own faces. Only styles.xml reads these, so
 * document.xml carries no colour and a reference document restyles it all.
 */
import type { Brand, BrandColors } from '../../config/brand.js'

/** Colours as Word writes them, the brand's five and the shades made from them. */
export interface WordColors {
  primary: string
  accent: string
  text: string
  background: string
  muted: string
  /** Every other row of the overview: the primary colour lightly over the paper. */
  band: string
  /** Table borders and thematic breaks: the text colour faintly over the paper. */
  rule: string
  /** Behind code blocks. */
  shade: string
}

/** The headings' faces (Title, Heading 1–3), where the brand names them; absent, headings take the body's. */
export interface HeadingFonts {
  latin?: string
  eastAsia?: string
}

/** Everything the scaffold's styles depend on besides fonts and page size. */
export interface StyleLook {
  colors: WordColors
  headingFonts: HeadingFonts
}

/** The look of `brand`. */
export function styleLook(brand: Brand): StyleLook {
  return {
    colors: wordColors(brand.colors),
    headingFonts: { latin: brand.fonts.headings.latin?.family, eastAsia: brand.fonts.headings.cjk?.family },
  }
}

/** The brand's colours in Word's notation, with the derived shades. */
export function wordColors(colors: BrandColors): WordColors {
  const word = (hex: string): string => hex.replace(/^#/, '').toUpperCase()
  return {
    primary: word(colors.primary),
    accent: word(colors.accent),
    text: word(colors.text),
    background: word(colors.background),
    muted: word(colors.muted),
    band: mix(colors.primary, colors.background, 0.08),
    rule: mix(colors.text, colors.background, 0.3),
    shade: mix(colors.text, colors.background, 0.05),
  }
}

/** `share` of `ink` over `paper` (both `#rrggbb`), as Word's `RRGGBB`. */
function mix(ink: string, paper: string, share: number): string {
  const channels = (hex: string): number[] => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16))
  const a = channels(ink)
  const b = channels(paper)
  return a.map((value, index) => Math.round(value * share + b[index] * (1 - share)).toString(16).padStart(2, '0')).join('').toUpperCase()
}
