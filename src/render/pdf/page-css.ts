/**
 * The print-only stylesheet for one report: paper size, the running header
 * (document title and the current case, through named pages) and the page
 * number footer in the locale's own words.
 */
import type { Locale } from '../../locale/load-locale.js'
import type { ReportView } from '../report-view.js'
import { cutText, ELLIPSIS, type MeasureText } from '../cut-text.js'
import { cssString } from './css-string.js'
import type { PageGeometry } from './page-geometry.js'
import type { CaseBreak } from '../../config/config-schema.js'
import type { Brand } from '../../config/brand.js'

/**
 * The font family margin boxes use, also the last fallback for body text:
 * its faces hold the margin text and the stylesheet's generated content
 * (`content: ' · '`), which the HTML's own subset cannot know about.
 */
export const PRINT_FONT = 'casebook-print'

/** The type of every margin box, as a CSS `font` value (also how the browser measures margin text). */
export const MARGIN_FONT = `400 8.5pt '${PRINT_FONT}'`
const BOX = `font:${MARGIN_FONT};color:#5b6770`
/** The cover carries no header, no foot line and no page number. */
const COVER_PAGE = `@page cover{@top-left{content:none}@top-right{content:none}@bottom-center{content:none}@bottom-left{content:none}@bottom-right{content:none}}`
/** Room kept between the two halves of a running header, in ems of its type (8.5pt). */
const GAP_EMS = 2
const PX_PER_PT = 96 / 72

/**
 * What each page group shows at the top right, by the element id that starts it. A group is a
 * named page, and a change of named page starts a new page: so cases that do not start a page
 * (`caseBreak: auto`) are no groups, and their pages show the document title alone.
 */
export function runningHeads(view: ReportView, locale: Locale, caseBreak: CaseBreak = 'page'): Array<{ id: string; text: string }> {
  return [
    ...(view.intro ? [{ id: view.intro.id, text: view.intro.title }] : []),
    ...(caseBreak === 'page' ? view.cases.map((item) => ({ id: item.id, text: `${item.label} ${item.title}` })) : []),
    { id: 'overview', text: locale.t('overview') },
    ...(view.conclusion ? [{ id: view.conclusion.id, text: view.conclusion.title }] : []),
  ]
}

/** Every piece of text the margin boxes and generated content show, so PRINT_FONT can be subset to it. */
export function printText(view: ReportView, locale: Locale, styles: string, brand?: Brand): string {
  const generated = Array.from(styles.matchAll(/content:\s*(['"])(.*?)\1/g), (match) => match[2])
  const footer = brand ? runningFoot(brand) : []
  return [ELLIPSIS + '\u00a0', ...generated, view.title, locale.t('contents'), locale.t('pageOf', { page: '0123456789', pages: '' }), ...runningHeads(view, locale).map((head) => head.text), ...footer].join('')
}

/** The brand's lines at the foot of every page but the cover: the classification at the left, the organisation at the right. */
function runningFoot(brand: Brand): [string, string] {
  return [brand.classification ?? '', brand.organisation ?? '']
}

/**
 * `@page` rules for `view`, without the running header's text (`runningHeadCss`
 * adds it once the browser has measured it); `printFaces` are the `@font-face` rules of PRINT_FONT.
 */
export function pageCss(view: ReportView, locale: Locale, geometry: PageGeometry, printFaces: string, caseBreak: CaseBreak = 'page', families?: string, brand?: Brand): string {
  const { margin } = geometry
  const bodyFamilies = families ?? [...locale.rules.fonts.serif, PRINT_FONT].map((name) => `'${name}'`).join(',') + ',serif'
  const rules = [
    printFaces,
    // More specific than the HTML's own :root rule, so PRINT_FONT comes before any system font.
    `html:root{--font-serif:${bodyFamilies};--font-body:${bodyFamilies}}`,
    `@page{size:${geometry.size};margin:${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm;` +
      `@bottom-center{content:${pageNumber(locale)};${BOX}}}`,
    // The cover carries no header and no page number.
    COVER_PAGE,
  ]
  // The brand's text colour for the margin type, where it sets one.
  if (brand?.custom) rules.push(`@page{@top-left{color:${brand.colors.muted}}@top-right{color:${brand.colors.muted}}@bottom-center{color:${brand.colors.muted}}}`)
  // Cases run on where the last one ended, a gap between them (report.css starts each on a new page).
  if (caseBreak === 'auto') rules.push(`@media print{.case{break-before:auto;margin-top:3rem}}`)
  // Named pages carry the current case into the header; Chromium ≥ 131 supports them in margin boxes.
  for (const [index, head] of runningHeads(view, locale, caseBreak).entries()) rules.push(`#${head.id}{page:p${index}}`)
  return rules.join('\n')
}

/**
 * The running header of every page group: the title at the left, the group's
 * name at the right. Chromium neither clips nor ellipsizes margin boxes, so the
 * text is cut here, by `measure` (CSS pixels of the margin type): the halves
 * share the line, and only a half that does not fit in what the other leaves is cut.
 */
export function runningHeadCss(view: ReportView, locale: Locale, geometry: PageGeometry, measure: MeasureText, caseBreak: CaseBreak = 'page', brand?: Brand): string {
  const box = brand?.custom ? `${BOX};color:${brand.colors.muted}` : BOX
  const line = (left: string, right: string) => {
    const [title, name] = shareLine(left, right, geometry.contentWidthPx, measure)
    return `@top-left{content:${cssString(title)};${box};vertical-align:bottom;text-align:left}` + (name ? `@top-right{content:${cssString(name)};${box};vertical-align:bottom;text-align:right}` : '')
  }
  const rules = [`@page{${line(view.title, '')}${brand ? footLine(brand, geometry, measure, box) : ''}}`, `@page contents{${line(view.title, locale.t('contents'))}}`]
  for (const [index, head] of runningHeads(view, locale, caseBreak).entries()) rules.push(`@page p${index}{${line(view.title, head.text)}}`)
  // Again after the rules above: Chromium lets a later `@page` margin box win over the earlier `@page cover` one.
  rules.push(COVER_PAGE)
  return rules.join('\n')
}

/**
 * The brand's foot line: classification and organisation beside the page number, each cut to a
 * third of the line less a gap, so none runs into the number.
 */
function footLine(brand: Brand, geometry: PageGeometry, measure: MeasureText, box: string): string {
  const [classification, organisation] = runningFoot(brand)
  const room = geometry.contentWidthPx / 3 - GAP_EMS * 8.5 * PX_PER_PT
  return (
    (classification ? `@bottom-left{content:${cssString(cutText(classification, room, measure))};${box};text-align:left}` : '') +
    (organisation ? `@bottom-right{content:${cssString(cutText(organisation, room, measure))};${box};text-align:right}` : '')
  )
}

/** `left` and `right` cut so both fit a line `width` wide with a gap between them; each is cut only as far as needed. */
export function shareLine(left: string, right: string, width: number, measure: MeasureText): [string, string] {
  const room = width - (right ? GAP_EMS * 8.5 * PX_PER_PT : 0)
  const leftWidth = measure(left)
  const rightWidth = measure(right)
  if (leftWidth + rightWidth <= room) return [left, right]
  if (leftWidth <= room / 2) return [left, cutText(right, room - leftWidth, measure)]
  if (rightWidth <= room / 2) return [cutText(left, room - rightWidth, measure), right]
  return [cutText(left, room / 2, measure), cutText(right, room / 2, measure)]
}

/**
 * The page number box's rule with the number of pages written out, for a report printed in parts
 * (each part's `counter(pages)` would count its own); the cover's rule again after it, as it must come last.
 */
export function pageNumberCss(locale: Locale, pages: number): string {
  return `@page{@bottom-center{content:${pageNumber(locale, pages)}}}\n${COVER_PAGE}`
}

/** The catalog's `pageOf` message with CSS counters where {page} and {pages} go (`pages` written out when given). */
export function pageNumber(locale: Locale, pages?: number): string {
  const PAGE = '\u0001'
  const PAGES = '\u0002'
  const message = locale.t('pageOf', { page: PAGE, pages: PAGES })
  const parts = message.split(/([\u0001\u0002])/).filter(Boolean)
  const total = pages === undefined ? 'counter(pages)' : cssString(String(pages))
  return parts.map((part) => (part === PAGE ? 'counter(page)' : part === PAGES ? total : cssString(part))).join(' ')
}
