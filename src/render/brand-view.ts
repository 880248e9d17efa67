/** What templates receive of the brand (`{{brand.logo.src}}`, `{{brand.classification}}`), and its colours as CSS. */
import type { Brand, BrandColors } from '../config/brand.js'

/** The brand's logo, ready for an `<img>`: inlined, so HTML and PDF need no file beside them. */
export interface LogoView {
  /** A `data:` URI of the logo's bytes. */
  src: string
  /** The intrinsic size in px, for `width`/`height` attributes. */
  width: number
  height: number
  /** The image type, such as `image/png`. */
  type: string
}

/** The house style as a template sees it. */
export interface BrandView {
  /** The logo, or null when the brand has none. */
  logo: LogoView | null
  /** The brand's organisation name (brand.organisation), or null. */
  organisation: string | null
  /** A line such as “内部资料 注意保密”, or null. */
  classification: string | null
  /** The colours as `#rrggbb` (casebook's own where the brand names none); the stylesheets read them as `--brand-*` properties. */
  colors: BrandColors
  /** Whether the config sets a brand at all. */
  custom: boolean
}

const logoUris = new WeakMap<Uint8Array, string>()

/** The brand as templates see it. */
export function brandView(brand: Brand): BrandView {
  let logo: LogoView | null = null
  if (brand.logo) {
    let src = logoUris.get(brand.logo.bytes)
    if (!src) {
      src = `data:${brand.logo.type};base64,${Buffer.from(brand.logo.bytes).toString('base64')}`
      logoUris.set(brand.logo.bytes, src)
    }
    logo = { src, width: brand.logo.width, height: brand.logo.height, type: brand.logo.type }
  }
  return { logo, organisation: brand.organisation ?? null, classification: brand.classification ?? null, colors: brand.colors, custom: brand.custom }
}

/**
 * The brand's colours as CSS custom properties (`--brand-primary` …, and a soft tint of the
 * accent for panels), which report.css and slides.css map onto their own. Empty for casebook's
 * own style, so the default pages keep the stylesheets' colours exactly.
 */
export function brandCss(brand: Brand): string {
  if (!brand.custom) return ''
  const { primary, accent, text, background, muted } = brand.colors
  return (
    `:root{--brand-primary:${primary};--brand-accent:${accent};--brand-text:${text};--brand-background:${background};--brand-muted:${muted};` +
    `--brand-accent-soft:color-mix(in srgb,${accent} 10%,${background})}`
  )
}
