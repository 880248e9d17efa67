/** The `pdf` format: out/<locale>/report.pdf, printed by headless Chromium from the report HTML. */
import type { Renderer } from '../renderer.js'
import { shared } from '../renderer.js'
import { buildReportView } from '../report-view.js'
import { renderReport } from '../html/render-report.js'
import { inlineFontFaces } from '../fonts/font-faces.js'
import { withPage } from '../../browser/with-page.js'
import { MARGIN_FONT, marginText, pageCss } from './page-css.js'
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
    // Margin boxes get their own subset face: their text (page labels, running heads) is not in the body.
    const faces = await inlineFontFaces(locale.rules.fonts.fontsource, marginText(view, locale), [400])
    const marginFaces = faces.replace(/font-family:'[^']*'/g, `font-family:'${MARGIN_FONT}'`)
    const html = await renderReport(view, context, { pageCss: pageCss(view, locale, geometry, marginFaces) })
    const timeout = config.browser.timeout
    const browser = await context.browser()
    const printed = await withPage(browser, { timeout, label: `report.pdf (${locale.code})` }, (page) => printReport(page, html, geometry, timeout))
    const bytes = await finishPdf(printed.document, { view, date: context.sourceDate, fingerprint: html })
    return [{ name: 'report.pdf', bytes, pages: printed.document.getPageCount() }]
  },
}
