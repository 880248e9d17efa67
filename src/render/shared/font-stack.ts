/**
 * Which faces a page embeds and in what order its CSS names them: a Latin face first, so English
 * text and Latin runs in Chinese get Latin glyphs (an apostrophe a third of an em, not a full
 * em), then the CJK face, then the locale's system fallbacks. The brand's faces replace
 * casebook's; headings fall back to the body's faces.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Brand, BrandFace } from '../../config/brand.js'
import type { Locale } from '../../locale/load-locale.js'
import { brandFileFamily, casebookFontsource, type FontSource } from './font-faces.js'

/** casebook's Latin face, in front of the locale's CJK face when the brand names none. */
export const DEFAULT_LATIN_FONTSOURCE = 'noto-serif'

/**
 * Punctuation Chinese sets full-width and a Latin face sets narrow. In a CJK locale the Latin
 * face leaves these to the CJK face, so “” between hanzi stay full-width; in English they are
 * the Latin face's.
 */
export const CJK_WIDE_PUNCTUATION = '‘’“”…—·'

/** One face to embed: where its glyphs are, the family the CSS names, the weights, and characters it must not take. */
export interface EmbeddedFace {
  source: FontSource
  family: string
  /** The face's own family name (a brand file's, not the page's name for it), for messages. */
  name: string
  weights: number[]
  role: 'latin' | 'cjk'
  /** Characters left out of its subset (so the next family sets them). */
  excludes: string
}

/** The faces of a page and the family lists of its body and headings. */
export interface PageFonts {
  faces: EmbeddedFace[]
  body: string[]
  headings: string[]
  /** `serif` or `sans-serif`, after the families. */
  generic: string
}

/** The fonts a page of `locale` uses under `brand`. */
export function pageFonts(brand: Brand, locale: Locale): PageFonts {
  const cjkLocale = /^(Hans|Hant|Hani|Jpan|Kore)$/.test(locale.rules.script)
  const defaults = { latin: defaultFace(DEFAULT_LATIN_FONTSOURCE), cjk: defaultFace(locale.rules.fonts.fontsource) }
  const faces: EmbeddedFace[] = []
  const add = (face: BrandFace, role: 'latin' | 'cjk', weights: number[]) => {
    const family = faceFamily(face)
    const found = faces.find((item) => item.family === family)
    if (found) found.weights = [...new Set([...found.weights, ...weights])].sort()
    else faces.push({ source: face.source, family, name: face.family, weights, role, excludes: role === 'latin' && cjkLocale ? CJK_WIDE_PUNCTUATION : '' })
    return family
  }
  const body = brand.fonts.body
  const headings = brand.fonts.headings
  const bodyFamilies = [add(body.latin ?? defaults.latin, 'latin', [400, 700]), add(body.cjk ?? defaults.cjk, 'cjk', [400, 700])]
  const headingFamilies = [add(headings.latin ?? body.latin ?? defaults.latin, 'latin', [700]), add(headings.cjk ?? body.cjk ?? defaults.cjk, 'cjk', [700])]
  const fallbacks = locale.rules.fonts.serif
  const named = [body.latin, body.cjk].filter((face): face is BrandFace => face !== undefined).map((face) => face.family)
  return {
    faces,
    body: unique([...bodyFamilies, ...named, ...fallbacks]),
    headings: unique([...headingFamilies, ...named, ...fallbacks]),
    generic: named.some((family) => /\bsans\b/i.test(family)) ? 'sans-serif' : 'serif',
  }
}

/** `'A','B',serif`: a family list for CSS. */
export function cssFamilies(families: string[], generic: string): string {
  return [...families.map((family) => `'${family.replace(/['\\]/g, '\\$&')}'`), generic].join(',')
}

/** The family a page names a face by: a package's own, a file's made from its path (see brandFileFamily). */
function faceFamily(face: BrandFace): string {
  return face.source.type === 'files' ? brandFileFamily(face) : face.family
}

const families = new Map<string, BrandFace>()

/** One of casebook's fontsource packages as a face (its family from the package's metadata). */
function defaultFace(name: string): BrandFace {
  let face = families.get(name)
  if (!face) {
    const source = casebookFontsource(name)
    const packageDir = source.type === 'fontsource' ? source.packageDir : ''
    const metadata = JSON.parse(readFileSync(join(packageDir, 'metadata.json'), 'utf8')) as { family: string }
    face = { family: metadata.family, source, fingerprint: `@fontsource/${name}` }
    families.set(name, face)
  }
  return face
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
