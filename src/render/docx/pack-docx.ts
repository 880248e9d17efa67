/** Builds, packs and finishes the .docx: the library's scaffold, the hand-written body and parts, the reference styles, a reproducible zip. */
import type { CaseDocument } from '../../types.js'
import type { RenderContext } from '../renderer.js'
import { documentKeywords } from '../shared/document-keywords.js'
import { docxPage, PAGE_COUNT, PAGE_NUMBER } from './docx-page.js'
import { docxScaffold, scaffoldSpec } from './scaffold-cache.js'
import { corePropertiesXml } from './core-properties.js'
import { documentBody, LOGO_RELATIONSHIP } from './document-body.js'
import { resolveDocxFonts } from './docx-fonts.js'
import { styleLook } from './docx-look.js'
import { numberingInstancesXml } from './docx-numbering.js'
import { docxOutline } from './docx-outline.js'
import { fontTableXml } from './font-table.js'
import { blankPartXml, pageFooterXml, runningHeaderXml, type PlacedLogo } from './header-footer.js'
import { EXTENSIONS } from './drawing-xml.js'
import { applyReferencePart, declareExtension } from './reference-header-footer.js'
import { applyReferenceStyles, readReferenceStyles } from './reference-styles.js'
import { relsPath, sectionParts, type SectionParts } from './section-parts.js'
import { tableStylesXml } from './table-styles.js'
import { partText, readPackage, setPartText, writePackage, type PackageParts } from '../../io/reproducible-zip.js'
import { escapeXml } from './xml-escape.js'

/** The .docx bytes for one locale's document. */
export async function packDocx(document: CaseDocument, context: RenderContext): Promise<Uint8Array> {
  const fonts = resolveDocxFonts(context)
  const { brand } = context.config
  const look = styleLook(brand)
  const { file, docx } = context.config
  const reference = docx.referenceDoc ? await readReferenceStyles(docx.referenceDoc, `${file ? `${file}: ` : ''}config key “docx.referenceDoc”`) : undefined
  const outline = docxOutline(document, context)
  const parts = readPackage(await docxScaffold(scaffoldSpec(outline.title, context, fonts)))
  // Read while document.xml is the scaffold's few bytes, not the whole body.
  const section = sectionParts(parts)
  const { area } = docxPage(context)
  const body = documentBody(outline, context, area)
  const scaffold = partText(parts, 'word/document.xml') ?? ''
  const at = scaffold.lastIndexOf('<w:sectPr')
  parts.set('word/document.xml', [Buffer.from(scaffold.slice(0, at)), ...body.bytes, Buffer.from(scaffold.slice(at))])
  insertBefore(parts, 'word/numbering.xml', '</w:numbering>', numberingInstancesXml(body.state.listStarts))
  const links = body.state.links.map((url, index) => `<Relationship Id="rIdL${index + 1}" Type="${HYPERLINK}" Target="${escapeXml(url)}" TargetMode="External"/>`)
  const images = body.state.images.map((image) => `<Relationship Id="${image.relationship}" Type="${IMAGE}" Target="${image.target}"/>`)
  const logoTarget = brand.logo ? `media/logo.${EXTENSIONS[brand.logo.type]}` : undefined
  const logoRelationship = logoTarget ? `<Relationship Id="${LOGO_RELATIONSHIP}" Type="${IMAGE}" Target="${logoTarget}"/>` : ''
  insertBefore(parts, 'word/_rels/document.xml.rels', '</Relationships>', links.join('') + images.join('') + logoRelationship)
  for (const image of body.state.images) parts.set(`word/${image.target}`, image.asset.bytes)
  if (brand.logo && logoTarget) parts.set(`word/${logoTarget}`, brand.logo.bytes)
  // The scaffold declares png, jpeg, gif and svg; WebP is declared when a picture needs it.
  if (body.state.images.some((image) => image.asset.mime === 'image/webp') || brand.logo?.type === 'image/webp') declareExtension(parts, 'webp', 'image/webp')
  // The header's drawing id follows the body's, so every drawing of the document has its own.
  const headerLogo = brand.logo ? { logo: brand.logo, relationship: LOGO_RELATIONSHIP, drawingId: body.state.drawings + 1 } : undefined
  writeHeaderFooter(parts, section, context, { title: outline.title, pageCount: body.pageCount, textWidth: area.width, logo: headerLogo }, logoRelationship)
  if (body.state.footnotes.length) insertBefore(parts, 'word/footnotes.xml', '</w:footnotes>', body.state.footnotes.join(''))
  insertBefore(parts, 'word/styles.xml', '</w:styles>', tableStylesXml(look.colors))
  // Widow and orphan control for every paragraph, said outright: without it Word leaves it off
  // and LibreOffice turns it on, and the two would break pages differently (the library has no option for it).
  setPartText(parts, 'word/styles.xml', (partText(parts, 'word/styles.xml') ?? '').replace('<w:pPrDefault><w:pPr>', '<w:pPrDefault><w:pPr><w:widowControl/>'))
  setPartText(
    parts,
    'docProps/core.xml',
    corePropertiesXml({
      title: outline.title,
      subject: outline.subtitle,
      creator: outline.author ?? outline.organisation,
      keywords: documentKeywords(outline.cases),
      description: outline.subtitle,
      language: context.locale.code,
      date: context.sourceDate,
    }),
  )
  setPartText(parts, 'word/fontTable.xml', fontTableXml([...new Set([fonts.latin, fonts.eastAsia, look.headingFonts.latin, look.headingFonts.eastAsia, 'Consolas'].filter((font): font is string => Boolean(font)))]))
  if (reference) {
    applyReferenceStyles(parts, reference)
    // The reference's own running header and footer replace casebook's; the cover keeps its blank ones.
    const header = section.headers.get('default')
    const footer = section.footers.get('default')
    if (reference.header && header) applyReferencePart(parts, header, reference.header, 'header')
    if (reference.footer && footer) applyReferencePart(parts, footer, reference.footer, 'footer')
  }
  return writePackage(parts, context.sourceDate)
}

/** The running header and footer of the pages after the cover, and the cover's blank ones. */
function writeHeaderFooter(parts: PackageParts, section: SectionParts, context: RenderContext, page: { title: string; pageCount: number; textWidth: number; logo?: PlacedLogo }, logoRelationship: string): void {
  const { brand } = context.config
  const header = section.headers.get('default')
  const footer = section.footers.get('default')
  const firstHeader = section.headers.get('first')
  const firstFooter = section.footers.get('first')
  if (!header || !footer || !firstHeader || !firstFooter) throw new Error('docx: the scaffold lacks a header or footer part')
  setPartText(parts, header, runningHeaderXml({ title: page.title, organisation: brand.organisation, logo: page.logo, textWidth: page.textWidth }))
  if (page.logo) setPartText(parts, relsPath(header), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${logoRelationship}</Relationships>`)
  setPartText(parts, footer, pageFooterXml(context.locale.t('pageOf', { page: PAGE_NUMBER, pages: PAGE_COUNT }), page.pageCount, brand.classification))
  setPartText(parts, firstHeader, blankPartXml('hdr'))
  setPartText(parts, firstFooter, blankPartXml('ftr'))
}

const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image'
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink'

/** Puts `text` into a part just before the last `marker` (the body's section properties, a closing tag). */
function insertBefore(parts: PackageParts, path: string, marker: string, text: string): void {
  const xml = partText(parts, path) ?? ''
  const at = xml.lastIndexOf(marker)
  if (at === -1) throw new Error(`docx: ${path} has no ${marker}`)
  setPartText(parts, path, xml.slice(0, at) + text + xml.slice(at))
}
