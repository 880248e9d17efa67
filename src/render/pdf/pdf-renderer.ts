/** The `pdf` format: out/<locale>/report.pdf, printed by headless Chromium from the report HTML. */
import type { Renderer } from '../renderer.js'
import { shared } from '../renderer.js'
import { timed } from '../../timed.js'
import { buildReportView, REPORT_VIEW } from '../report-view.js'
import { renderReport, withoutCharacters } from '../shared/render-report.js'
import { cssFamilies, pageFonts } from '../shared/font-stack.js'
import { inlineFontFaces } from '../shared/font-faces.js'
import { withPage } from '../../browser/with-page.js'
import { MARGIN_FONT, PRINT_FONT, printText, pageCss, pageNumberCss, runningHeadCss } from './page-css.js'
import { readTemplateAsset } from '../template-engine.js'
import { pageGeometry } from './page-geometry.js'
import { printReport, type WithTab } from './print-report.js'
import { finishPdf } from './finish-pdf.js'
import type { MeasureText } from '../cut-text.js'
import { scaledTimeout } from '../shared/scaled-timeout.js'

/** Prints the same view and template as report.html, with page rules, contents numbers and metadata. */
export const pdfRenderer: Renderer = {
  format: 'pdf',
  outputs: ['report.pdf'],
  usesBrowser: true,
  async render(document, context) {
    const { locale, config } = context
    // The browser starts while the HTML is rendered; a failure to start is reported where it is awaited.
    const launching = context.browser()
    launching.catch(() => undefined)
    const geometry = pageGeometry(config.page.size ?? locale.rules.pageSize)
    const { caseBreak } = config.layout
    const { view, text, html } = await timed(context, 'report HTML', async () => {
      const view = await shared(context, REPORT_VIEW, async () => buildReportView(document, context))
      // Margin boxes and CSS-generated text get their own subset face: the body's subset cannot see them.
      const styles = await readTemplateAsset(context.templateDirs, 'report.css')
      const brand = config.brand
      const text = printText(view, locale, styles, brand)
      const fonts = pageFonts(brand, locale)
      // The body's CJK face, then its Latin face: of two faces of one family, the later is tried first.
      const printSources = [...fonts.faces].filter((face) => fonts.body.includes(face.family)).sort((a, b) => (a.role === b.role ? 0 : a.role === 'cjk' ? -1 : 1))
      const printFaces = (await Promise.all(printSources.map((face) => inlineFontFaces(face.source, withoutCharacters(text, face.excludes), [400], PRINT_FONT)))).join('\n')
      const families = cssFamilies([...fonts.body, PRINT_FONT], fonts.generic)
      return { view, text, html: await renderReport(view, context, { pageCss: pageCss(view, locale, geometry, printFaces, caseBreak, families, brand) }) }
    })
    const margin = { text, font: MARGIN_FONT, rules: (measure: MeasureText) => runningHeadCss(view, locale, geometry, measure, caseBreak, config.brand) }
    const timeout = scaledTimeout(config.browser.timeout, html)
    const scaled = timeout === config.browser.timeout ? '' : `, ${timeout / config.browser.timeout}× browser.timeout for ${(html.length / 1e6).toFixed(1)} MB of HTML`
    const browser = await timed(context, 'waiting for the browser', () => launching)
    const tab = { timeout, label: `report.pdf (${locale.code}${scaled})`, onStep: context.onStep, setting: { timeout: config.browser.timeout, file: config.file } }
    // A long report prints its parts on two tabs at once; parts start at cases, so only where each case starts a page.
    const secondTab: WithTab | undefined =
      caseBreak === 'page' ? (use) => withPage(browser, { ...tab, label: `report.pdf (${locale.code}, second tab${scaled})`, onStep: undefined }, use) : undefined
    const printed = await withPage(browser, tab, (page) =>
      printReport(page, html, { geometry, timeout, fonts: { family: PRINT_FONT }, onStep: context.onStep, margin, pageNumberCss: (pages) => pageNumberCss(locale, pages), secondTab }),
    )
    const { bytes, pages } = await timed(context, 'finish PDF', () => finishPdf(printed.bytes, printed.pdf, { view, date: context.sourceDate, fingerprint: html }))
    return [{ name: 'report.pdf', bytes, pages }]
  },
}
