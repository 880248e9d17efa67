/**
 * The deck's look in PowerPoint's terms: the brand's colours (with the tints the deck derives
 * from them), and the faces and language each run names. Sizes stay the deck's px on its
 * 1280×720 canvas, which is exactly PowerPoint's 13.333×7.5 in widescreen slide at 96 px to
 * the inch, so a slide filled by the deck's pagination fits the same box here.
 */
import type { Brand } from '../../config/brand.js'
import type { Locale } from '../../locale/load-locale.js'

/** Inches of `px` canvas pixels. */
export const inches = (px: number): number => px / 96
/** Points of a `px` canvas font size or line height. */
export const points = (px: number): number => px * 0.75

/** `RRGGBB` colours, as pptxgenjs and DrawingML write them. */
export interface Palette {
  primary: string
  accent: string
  text: string
  background: string
  muted: string
  /** The point boxes' fill: the accent faintly over the background. */
  accentSoft: string
  /** Rules between rows and under the header. */
  rule: string
  /** Headings on the primary colour (the insight's, the title slide's count): slides.css's gold, which a brand does not set. */
  highlight: string
}

/** The brand's colours, and the tints the deck makes of them. */
export function palette(brand: Brand): Palette {
  const { primary, accent, text, background, muted } = brand.colors
  return {
    primary: hex(primary),
    accent: hex(accent),
    text: hex(text),
    background: hex(background),
    muted: hex(muted),
    accentSoft: mix(accent, background, 0.07),
    rule: mix(muted, background, 0.3),
    highlight: 'E0B458',
  }
}

function hex(color: string): string {
  return color.replace(/^#/, '').toUpperCase()
}

/** `over` laid at `share` opacity on `under`. */
function mix(over: string, under: string, share: number): string {
  const channels = (color: string) => [1, 3, 5].map((at) => parseInt(hex(color).slice(at - 1, at + 1), 16))
  const [a, b] = [channels(over), channels(under)]
  return a.map((value, index) => Math.round(value * share + b[index] * (1 - share)).toString(16).padStart(2, '0')).join('').toUpperCase()
}

/** The faces of one role: a Latin face for Latin runs, an East Asian one for CJK runs. */
export interface Faces {
  latin: string
  eastAsia: string
}

/** What every run names: its language, and the faces of headings and body text. */
export interface RunStyle {
  /** A full language tag (`zh-CN`, `zh-TW`, `en-US`): PowerPoint reads a region-less `en` poorly. */
  lang: string
  /**
   * The East Asian character set the face is for (GB2312 for Simplified, Big5 for Traditional), as
   * PowerPoint writes it: with it a viewer lacking the face picks one of the same script.
   */
  charset: number
  headings: Faces
  body: Faces
}

/**
 * The brand's faces where it names them, else the catalog's (`rules.fonts.pptxEastAsia`,
 * `pptxLatin`: faces Office and WPS ship), else the catalog's .docx faces.
 */
export function runStyle(brand: Brand, locale: Locale): RunStyle {
  const fonts = locale.rules.fonts
  const fallback: Faces = { latin: fonts.pptxLatin ?? fonts.docxLatin, eastAsia: fonts.pptxEastAsia ?? fonts.docxEastAsia }
  const faces = (role: 'body' | 'headings'): Faces => ({
    latin: brand.fonts[role].latin?.family ?? fallback.latin,
    eastAsia: brand.fonts[role].cjk?.family ?? fallback.eastAsia,
  })
  const full = new Intl.Locale(locale.code).maximize()
  const traditional = full.script === 'Hant' || locale.rules.script === 'Hant'
  return {
    lang: full.region ? `${full.language}-${full.region}` : locale.code,
    charset: traditional ? -120 : full.language === 'ja' ? -128 : full.language === 'ko' ? -127 : -122,
    headings: faces('headings'),
    body: faces('body'),
  }
}
