/** The `html` format: out/<locale>/report.html. */
import type { Renderer } from '../renderer.js'
import { shared } from '../renderer.js'
import { buildReportView, REPORT_VIEW } from '../report-view.js'
import { renderReport } from '../shared/render-report.js'

/** Writes the screen-and-print report as one self-contained HTML file. */
export const htmlRenderer: Renderer = {
  format: 'html',
  outputs: ['report.html'],
  async render(document, context) {
    const view = await shared(context, REPORT_VIEW, async () => buildReportView(document, context))
    const html = await renderReport(view, context)
    return [{ name: 'report.html', bytes: Buffer.from(html) }]
  },
}
