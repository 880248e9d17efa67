/**
 * The house style every format applies: colours, fonts, logo, organisation and classification
 * line, set once (`brand:` in casebook.yaml or a `brand.yml` beside it) and resolved before
 * rendering, so a renderer reads `context.brand` and never a constant of its own.
 *
 * Colours are `#rrggbb`, lower case. Renderers that want `RRGGBB` (Word, PowerPoint) strip the `#`.
 */

/** The brand's colours, as the config names them. */
export interface BrandColors {
  /** Titles, headings, the cover and table heads. */
  primary: string
  /** Rules, key-point marks, highlights. */
  accent: string
  /** Body text. */
  text: string
  /** Page and slide background. */
  background: string
  /** Secondary text: dates, captions, notes. */
  muted: string
}

/** One face of a brand font: a family name, and the files that hold it when casebook embeds it. */
export interface BrandFace {
  /** The family name CSS, Word and PowerPoint use (`Noto Sans SC`, `Source Han Sans`). */
  family: string
  /**
   * Where the glyphs are, for the formats that embed fonts (HTML, PDF, slides): a fontsource
   * package folder (its `index.css`/unicode-range slices), or font files by weight. Word and
   * PowerPoint name `family` only.
   */
  source: { type: 'fontsource'; packageDir: string } | { type: 'files'; files: { weight: number; style: 'normal' | 'italic'; path: string }[] }
  /**
   * What identifies the glyphs, for artifact keys: `@fontsource/name@version` for a package, the
   * sha256 of a font file's bytes. Absent on faces casebook makes up itself.
   */
  fingerprint?: string
}

/**
 * A role's fonts: a Latin face for Latin runs and a CJK face for CJK runs. An absent face is
 * casebook's default for the locale (its catalog's `rules.fonts`: Noto Serif SC, TC, …).
 */
export interface BrandFont {
  latin?: BrandFace
  cjk?: BrandFace
}

/** A logo, read with the config (never re-read by renderers). */
export interface BrandLogo {
  /** The file as the config names it, for messages. */
  path: string
  bytes: Uint8Array
  type: 'image/png' | 'image/jpeg' | 'image/svg+xml' | 'image/gif' | 'image/webp'
  /** Intrinsic size in px (an SVG's from its viewBox or width/height). */
  width: number
  height: number
  sha256: string
}

/** The resolved brand. Every field a renderer needs has a value: the defaults are casebook's own style. */
export interface Brand {
  colors: BrandColors
  fonts: { body: BrandFont; headings: BrandFont }
  logo?: BrandLogo
  organisation?: string
  /** A line such as “内部资料 注意保密”, printed on the cover, in running headers and on slides. */
  classification?: string
  /** Whether any of it came from the user (a `brand:` section or brand.yml); false for casebook's defaults. */
  custom: boolean
  /** The files the brand was read from (brand.yml, the logo, font files), absolute: what a watch must watch. */
  files?: string[]
}

/** casebook's own colours (the report's ink, accent and paper), used where a brand names none. */
export const DEFAULT_BRAND_COLORS: BrandColors = {
  primary: '#1f3864',
  accent: '#8c1c13',
  text: '#1d2327',
  background: '#fffdf8',
  muted: '#5b6770',
}

/** casebook's own style: its colours, the locale's default fonts, no logo. */
export const DEFAULT_BRAND: Brand = {
  colors: DEFAULT_BRAND_COLORS,
  fonts: { body: {}, headings: {} },
  custom: false,
}
