/** The `docx` format: out/<locale>/report.docx, a Word document with real styles, lists and fields. */
import type { Renderer } from '../renderer.js'
import { shared } from '../renderer.js'
import { buildReportView } from '../report-view.js'
import { packDocx } from './pack-docx.js'

/** Writes the report as an editable Word document. */
export const docxRenderer: Renderer = {
  format: 'docx',
  outputs: ['report.docx'],
  async render(document, context) {
    const view = await shared(context, 'report-view', async () => buildReportView(document, context))
    return [{ name: 'report.docx', bytes: await packDocx(document, view, context) }]
  },
}
