/** The rules a locale catalog sets, apart from the loader, so the catalog checks can name them without importing it. */

/** How a locale gets its content from the source document. */
export interface ContentRule {
  /** `source`: the document as written (optionally converted); `translation`: `<name>.<locale>.md` beside it. */
  from: 'source' | 'translation'
  /** opencc-js target for script conversion from Simplified Chinese, e.g. `twp`, `hk`. */
  convert?: string
  /** Source phrases (Simplified) with the target's wording, where OpenCC's phrase table reads them wrongly for this readership. */
  phrases?: Record<string, string>
}

/** Locale rules every renderer follows, so they agree on ordinals, dates, pages, fonts and quotes. */
export interface LocaleRules {
  script: string
  ordinal: 'chinese' | 'arabic'
  pageSize: 'A4' | 'Letter'
  dateFormat: Intl.DateTimeFormatOptions
  /** Open and close, then inner open and close. */
  quotes: [string, string, string, string]
  /**
   * `pptxEastAsia`/`pptxLatin`: the faces slides.pptx names, ones Office and WPS ship; a catalog
   * without them (a user's own locale) falls back to the .docx faces.
   */
  fonts: { fontsource: string; serif: string[]; docxEastAsia: string; docxLatin: string; pptxEastAsia?: string; pptxLatin?: string }
  content: ContentRule
}
