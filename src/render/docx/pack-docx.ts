/** Builds, packs and finishes the .docx: hand-written parts, the reference styles, stable ids, a reproducible zip. */
import { Packer } from 'docx'
import type { CaseDocument } from '../../types.js'
import type { ReportView } from '../report-view.js'
import type { RenderContext } from '../renderer.js'
import { buildDocxDocument } from './build-docx-document.js'
import { corePropertiesXml } from './core-properties.js'
import { resolveDocxFonts } from './docx-fonts.js'
import { fontTableXml } from './font-table.js'
import { pageEstimator } from './page-estimator.js'
import { applyReferenceStyles, readReferenceStyles } from './reference-styles.js'
import { readPackage, setPartText, writePackage } from './reproducible-zip.js'
import { stabilizeIds } from './stable-ids.js'

/** The .docx bytes for one locale's document. */
export async function packDocx(document: CaseDocument, view: ReportView, context: RenderContext): Promise<Uint8Array> {
  const fonts = resolveDocxFonts(context)
  const reference = context.config.docx.referenceDoc ? await readReferenceStyles(context.config.docx.referenceDoc) : undefined
  const packed = await Packer.toBuffer(buildDocxDocument(document, view, context, fonts, await pageEstimator(view.caseCount)))
  const parts = readPackage(packed)
  setPartText(
    parts,
    'docProps/core.xml',
    corePropertiesXml({
      title: view.title,
      subject: view.subtitle,
      creator: view.author ?? view.organisation,
      keywords: view.cases.map((item) => item.title),
      description: view.subtitle,
      language: context.locale.code,
      date: context.sourceDate,
    }),
  )
  setPartText(parts, 'word/fontTable.xml', fontTableXml([fonts.latin, fonts.eastAsia, 'Consolas']))
  if (reference) applyReferenceStyles(parts, reference)
  stabilizeIds(parts)
  return writePackage(parts, context.sourceDate)
}
