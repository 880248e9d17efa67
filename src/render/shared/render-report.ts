/** Report HTML from a view: the template, its stylesheet and the subset fonts, in one file. */
import { shared, type RenderContext } from '../renderer.js'
import type { ReportView } from '../report-view.js'
import { type RenderTemplate, loadTemplate, readTemplateAsset } from '../template-engine.js'
import { inlineFontFaces } from './font-faces.js'
import { cssFamilies, pageFonts } from './font-stack.js'
import { brandCss, brandView } from '../brand-view.js'
import { sharedKey } from '../shared-work.js'

/** The report template, read once per locale for the HTML and PDF renderers. */
const REPORT_TEMPLATE = sharedKey<RenderTemplate>('report.hbs')

/** Extra inputs the print path adds: page rules and page numbers already in the view. */
export interface ReportOptions {
  pageCss?: string
}

/** Renders `report.hbs` for `view`, with CSS and fonts inlined so the file needs no network. */
export async function renderReport(view: ReportView, context: RenderContext, options: ReportOptions = {}): Promise<string> {
  // report.html and report.pdf of one locale render the same template: loaded once for both.
  const template = await shared(context, REPORT_TEMPLATE, () => loadTemplate(context.templateDirs, 'report.hbs', context.locale))
  const styles = await readTemplateAsset(context.templateDirs, 'report.css')
  return renderWithFonts(template, { ...view, styles, pageCss: options.pageCss }, context)
}

/**
 * Renders `template` with `@font-face` rules for every character the page can
 * show, the font family lists (`--font-serif`/`--font-body`, `--font-headings`)
 * and the brand's colours (`--brand-*`), given to the template as `{{{fonts}}}`
 * (inside a `<style>`), or put before `</head>` when a user's template has no
 * such place. The template also gets `brand` (logo, organisation, classification).
 *
 * The characters come from what the page is made of (the view, the template
 * text, the catalog and printable ASCII), not from a scan of the rendered
 * page: that scan first joined a 40 MB string at 10,000 cases, and writing
 * the page joins it again.
 */
export async function renderWithFonts(template: RenderTemplate, view: object, context: RenderContext): Promise<string> {
  const brand = brandView(context.config.brand)
  const branded = { ...view, brand }
  const fonts = pageFonts(context.config.brand, context.locale)
  // The brand's text lines, not its logo: a data URI is megabytes of ASCII, which every subset holds anyway.
  const text = pageCharacters({ ...view, brand: [brand.organisation, brand.classification] }, template, context)
  const faces = await Promise.all(fonts.faces.map((face) => inlineFontFaces(face.source, withoutCharacters(text, face.excludes), face.weights, face.family)))
  const body = cssFamilies(fonts.body, fonts.generic)
  const style = `:root{--font-serif:${body};--font-body:${body};--font-headings:${cssFamilies(fonts.headings, fonts.generic)}}${brandCss(context.config.brand)}\n${faces.join('\n')}`
  if (template.source.includes('{{{fonts}}}')) return template({ ...branded, fonts: style })
  const html = template(branded)
  const head = html.indexOf('</head>')
  return head < 0 ? `<style>${style}</style>` + html : html.slice(0, head) + `<style>${style}</style>` + html.slice(head)
}

/** `text` without the characters of `excluded`. */
export function withoutCharacters(text: string, excluded: string): string {
  if (!excluded) return text
  const drop = new Set(excluded)
  return [...text].filter((char) => !drop.has(char)).join('')
}

/** Every character a page rendered from `view` with `template` can show: a superset, for font subsets. */
export function pageCharacters(view: object, template: RenderTemplate, context: RenderContext): string {
  return charactersOf([view, template.source, context.locale.messages])
}

/**
 * Every character of every string in `values` (objects and arrays walked
 * deeply), plus printable ASCII: entities such as &#x22; and page numbers
 * print characters the text may not hold.
 */
export function charactersOf(values: unknown[]): string {
  // A bitmap over the BMP is ~20× faster than a Set at 20 MB; astral code points are rare.
  const seen = new Uint8Array(0x10000)
  const astral = new Set<number>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (let index = 0; index < value.length; index++) {
        const code = value.charCodeAt(index)
        if (code >= 0xd800 && code <= 0xdbff) {
          astral.add(value.codePointAt(index)!)
          index++
        } else seen[code] = 1
      }
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item)
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) visit((value as Record<string, unknown>)[key])
    }
  }
  visit(values)
  for (let code = 0x20; code < 0x7f; code++) seen[code] = 1
  let result = ''
  for (let code = 0; code < seen.length; code++) if (seen[code]) result += String.fromCharCode(code)
  for (const code of astral) result += String.fromCodePoint(code)
  return result
}
