/** The `docx` format: out/<locale>/report.docx, a Word document with real styles, lists and fields. */
import type { Renderer } from '../renderer.js'
import { packDocx } from './pack-docx.js'

/** Writes the report as an editable Word document. */
export const docxRenderer: Renderer = {
  format: 'docx',
  outputs: ['report.docx'],
  async render(document, context) {
    return [{ name: 'report.docx', bytes: await packDocx(document, context) }]
  },
}
