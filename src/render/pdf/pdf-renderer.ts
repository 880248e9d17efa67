/** The `pdf` format: out/<locale>/report.pdf, printed by headless Chromium from the report HTML. */
import type { Renderer } from '../renderer.js'
import { shared } from '../renderer.js'
import { buildReportView } from '../report-view.js'
import { renderReport } from '../html/render-report.js'
import { inlineFontFaces } from '../fonts/font-faces.js'
import { withPage } from '../../browser/with-page.js'
import { PRINT_FONT, printText, pageCss } from './page-css.js'
import { readTemplateAsset } from '../template-engine.js'
import { pageGeometry } from './page-geometry.js'
import { printReport } from './print-report.js'
import { finishPdf } from './finish-pdf.js'

/** Prints the same view and template as report.html, with page rules, contents numbers and metadata. */
export const pdfRenderer: Renderer = {
  format: 'pdf',
  outputs: ['report.pdf'],
  async render(document, context) {
    const { locale, config } = context
    const view = await shared(context, 'report-view', async () => buildReportView(document, context))
    const geometry = pageGeometry(config.page.size ?? locale.rules.pageSize)
    // Margin boxes and CSS-generated text get their own subset face: the body's subset cannot see them.
    const styles = await readTemplateAsset(context.templateDirs, 'report.css')
    const text = printText(view, locale, styles)
    const faces = await inlineFontFaces(locale.rules.fonts.fontsource, text, [400])
    const printFaces = faces.replace(/font-family:'[^']*'/g, `font-family:'${PRINT_FONT}'`)
    const html = await renderReport(view, context, { pageCss: pageCss(view, locale, geometry, printFaces) })
    const timeout = config.browser.timeout
    const browser = await context.browser()
    const printed = await withPage(browser, { timeout, label: `report.pdf (${locale.code})` }, (page) =>
      printReport(page, html, { geometry, timeout, fonts: { family: PRINT_FONT } }),
    )
    const { bytes, pages } = await finishPdf(printed.bytes, printed.pdf, { view, date: context.sourceDate, fingerprint: html })
    return [{ name: 'report.pdf', bytes, pages }]
  },
}
