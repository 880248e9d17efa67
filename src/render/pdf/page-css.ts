/**
 * The print-only stylesheet for one report: paper size, the running header
 * (document title and the current case, through named pages) and the page
 * number footer in the locale's own words.
 */
import type { Locale } from '../../locale/load-locale.js'
import type { ReportView } from '../report-view.js'
import { cssString } from './css-string.js'
import type { PageGeometry } from './page-geometry.js'

/**
 * The font family margin boxes use, also the last fallback for body text:
 * its faces hold the margin text and the stylesheet's generated content
 * (`content: ' · '`), which the HTML's own subset cannot know about.
 */
export const PRINT_FONT = 'casebook-print'

/** What each page group shows at the top right, by the element id that starts it. */
export function runningHeads(view: ReportView, locale: Locale): Array<{ id: string; text: string }> {
  return [
    ...(view.intro ? [{ id: view.intro.id, text: view.intro.title }] : []),
    ...view.cases.map((item) => ({ id: item.id, text: `${item.label} ${item.title}` })),
    { id: 'overview', text: locale.t('overview') },
    ...(view.conclusion ? [{ id: view.conclusion.id, text: view.conclusion.title }] : []),
  ]
}

/** Every piece of text the margin boxes and generated content show, so PRINT_FONT can be subset to it. */
export function printText(view: ReportView, locale: Locale, styles: string): string {
  const generated = Array.from(styles.matchAll(/content:\s*(['"])(.*?)\1/g), (match) => match[2])
  return ['…\u00a0', ...generated, view.title, locale.t('contents'), locale.t('pageOf', { page: '0123456789', pages: '' }), ...runningHeads(view, locale).map((head) => head.text)].join('')
}

/** `@page` rules for `view`; `printFaces` are the `@font-face` rules of PRINT_FONT. */
export function pageCss(view: ReportView, locale: Locale, geometry: PageGeometry, printFaces: string): string {
  const { margin } = geometry
  const box = `font-family:'${PRINT_FONT}';font-size:8.5pt;color:#5b6770;font-weight:400`
  const title = cssString(shorten(view.title, 40))
  const families = [...locale.rules.fonts.serif, PRINT_FONT].map((name) => `'${name}'`).join(',')
  const rules = [
    printFaces,
    // More specific than the HTML's own :root rule, so PRINT_FONT comes before any system font.
    `html:root{--font-serif:${families},serif}`,
    `@page{size:${geometry.size};margin:${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm;` +
      `@top-left{content:${title};${box};vertical-align:bottom;text-align:left}` +
      `@bottom-center{content:${pageNumber(locale)};${box}}}`,
    // The cover carries no header and no page number.
    `@page cover{@top-left{content:none}@top-right{content:none}@bottom-center{content:none}}`,
    `@page contents{@top-right{content:${cssString(locale.t('contents'))};${box};vertical-align:bottom;text-align:right}}`,
  ]
  for (const [index, head] of runningHeads(view, locale).entries()) {
    // Named pages carry the current case into the header; Chromium ≥ 131 supports them in margin boxes.
    rules.push(`#${head.id}{page:p${index}}`)
    rules.push(`@page p${index}{@top-right{content:${cssString(shorten(head.text, 36))};${box};vertical-align:bottom;text-align:right}}`)
  }
  return rules.join('\n')
}

/** The catalog's `pageOf` message with CSS counters where {page} and {pages} go. */
export function pageNumber(locale: Locale): string {
  const PAGE = '\u0001'
  const PAGES = '\u0002'
  const message = locale.t('pageOf', { page: PAGE, pages: PAGES })
  const parts = message.split(/([\u0001\u0002])/).filter(Boolean)
  return parts.map((part) => (part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part))).join(' ')
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…'
}
