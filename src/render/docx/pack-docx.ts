/** Builds, packs and finishes the .docx: the library's scaffold, the hand-written body and parts, the reference styles, a reproducible zip. */
import type { CaseDocument } from '../../types.js'
import type { RenderContext } from '../renderer.js'
import { docxPage } from './docx-page.js'
import { docxScaffold, scaffoldSpec } from './scaffold-cache.js'
import { corePropertiesXml } from './core-properties.js'
import { documentBody } from './document-body.js'
import { resolveDocxFonts } from './docx-fonts.js'
import { numberingInstancesXml } from './docx-numbering.js'
import { docxOutline } from './docx-outline.js'
import { fontTableXml } from './font-table.js'
import { applyReferenceStyles, readReferenceStyles } from './reference-styles.js'
import { partText, readPackage, setPartText, writePackage, type PackageParts } from '../../io/reproducible-zip.js'
import { escapeXml } from './xml-escape.js'
import { tableStyleXml } from './rich-blocks.js'

/** The .docx bytes for one locale's document. */
export async function packDocx(document: CaseDocument, context: RenderContext): Promise<Uint8Array> {
  const fonts = resolveDocxFonts(context)
  const reference = context.config.docx.referenceDoc ? await readReferenceStyles(context.config.docx.referenceDoc) : undefined
  const outline = docxOutline(document, context)
  const parts = readPackage(await docxScaffold(scaffoldSpec(outline.title, context, fonts)))
  const body = documentBody(outline, context, docxPage(context).area)
  const scaffold = partText(parts, 'word/document.xml') ?? ''
  const at = scaffold.lastIndexOf('<w:sectPr')
  parts.set('word/document.xml', [Buffer.from(scaffold.slice(0, at)), ...body.bytes, Buffer.from(scaffold.slice(at))])
  insertBefore(parts, 'word/numbering.xml', '</w:numbering>', numberingInstancesXml(body.state.listStarts))
  const links = body.state.links.map((url, index) => `<Relationship Id="rIdL${index + 1}" Type="${HYPERLINK}" Target="${escapeXml(url)}" TargetMode="External"/>`)
  for (const path of [...parts.keys()].filter((name) => /^word\/footer\d+\.xml$/.test(name))) {
    // The NUMPAGES field's shown result, as the library writes it when it knows the page count.
    setPartText(parts, path, (partText(parts, path) ?? '').replace(NUMPAGES, `$&<w:t xml:space="preserve">${body.pageCount}</w:t>`))
  }
  const images = body.state.images.map((image) => `<Relationship Id="${image.relationship}" Type="${IMAGE}" Target="${image.target}"/>`)
  insertBefore(parts, 'word/_rels/document.xml.rels', '</Relationships>', links.join('') + images.join(''))
  for (const image of body.state.images) parts.set(`word/${image.target}`, image.asset.bytes)
  // The scaffold declares png, jpeg, gif and svg; WebP is declared when a picture needs it.
  if (body.state.images.some((image) => image.asset.mime === 'image/webp')) insertBefore(parts, '[Content_Types].xml', '</Types>', '<Default ContentType="image/webp" Extension="webp"/>')
  if (body.state.footnotes.length) insertBefore(parts, 'word/footnotes.xml', '</w:footnotes>', body.state.footnotes.join(''))
  insertBefore(parts, 'word/styles.xml', '</w:styles>', tableStyleXml())
  setPartText(
    parts,
    'docProps/core.xml',
    corePropertiesXml({
      title: outline.title,
      subject: outline.subtitle,
      creator: outline.author ?? outline.organisation,
      keywords: outline.cases.map((item) => item.title),
      description: outline.subtitle,
      language: context.locale.code,
      date: context.sourceDate,
    }),
  )
  setPartText(parts, 'word/fontTable.xml', fontTableXml([fonts.latin, fonts.eastAsia, 'Consolas']))
  if (reference) applyReferenceStyles(parts, reference)
  return writePackage(parts, context.sourceDate)
}

const NUMPAGES = /<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/>/
const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image'
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink'

/** Puts `text` into a part just before the last `marker` (the body's section properties, a closing tag). */
function insertBefore(parts: PackageParts, path: string, marker: string, text: string): void {
  const xml = partText(parts, path) ?? ''
  const at = xml.lastIndexOf(marker)
  if (at === -1) throw new Error(`docx: ${path} has no ${marker}`)
  setPartText(parts, path, xml.slice(0, at) + text + xml.slice(at))
}
