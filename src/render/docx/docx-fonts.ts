/** The fonts and language tags a .docx uses, per script, from the config or the locale's rules. */
import type { RenderContext } from '../renderer.js'

/** Fonts per script and the w:lang values every run inherits from the document defaults. */
export interface DocxFonts {
  /** w:ascii and w:hAnsi: Latin letters, digits and punctuation. */
  latin: string
  /** w:eastAsia: Han characters and full-width punctuation. */
  eastAsia: string
  /** w:lang w:val, the language of Latin text. */
  lang: string
  /** w:lang w:eastAsia, e.g. zh-CN or zh-TW; it also picks Word's East Asian line-breaking rules. */
  eastAsiaLang: string
}

/**
 * Config (`docx.fonts`) wins over the brand's body faces (by family name: Word
 * embeds nothing), which win over the catalog's `rules.fonts`, so an
 * organisation can name its house fonts once for every format and still pick
 * other ones for Word. Latin keeps its own font: never the Chinese one
 * (jgm/pandoc#7022), because Chinese fonts' Latin glyphs look poor beside Latin text.
 */
export function resolveDocxFonts(context: RenderContext): DocxFonts {
  const { locale, config } = context
  const isChinese = locale.code.toLowerCase().startsWith('zh')
  const body = config.brand.fonts.body
  return {
    latin: config.docx.fonts?.latin ?? body.latin?.family ?? locale.rules.fonts.docxLatin,
    eastAsia: config.docx.fonts?.eastAsia ?? body.cjk?.family ?? locale.rules.fonts.docxEastAsia,
    // Latin runs in a Chinese document are English; a bare `en` needs a region for Word's proofing.
    lang: isChinese ? 'en-US' : locale.code.includes('-') ? locale.code : `${locale.code}-${DEFAULT_REGION[locale.code] ?? locale.code.toUpperCase()}`,
    eastAsiaLang: isChinese ? locale.code : 'zh-CN',
  }
}

const DEFAULT_REGION: Record<string, string> = { en: 'US' }
