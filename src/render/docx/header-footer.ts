/**
 * The running header and footer of every page but the cover, written as XML
 * into the scaffold's header and footer parts. The header holds the brand's
 * logo and organisation on the left and the document title on the right; the
 * footer the brand's classification line, then "第 X 页 共 Y 页" / "Page X of Y"
 * from the catalog's `pageOf`. Their look is the Header, Footer and
 * Classification styles'. A reference document's own header and footer
 * replace these (reference-header-footer.ts).
 */
import type { BrandLogo } from '../../config/brand.js'
import { drawingXml, EMU_PER_TWIP } from './drawing-xml.js'
import { PAGE_COUNT, PAGE_NUMBER } from './docx-page.js'
import { escapeXmlText, xmlSafe } from './xml-escape.js'

/** The namespaces the hand-written header and footer parts use. */
const NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'

/** The logo's height in the header, in twips: it must fit the 0.5 in between the header's top and the text, with the line's own room. */
const HEADER_LOGO_HEIGHT = 360

/** The logo as placed in a part: its relationship id and the docPr id its drawing takes. */
export interface PlacedLogo {
  logo: BrandLogo
  relationship: string
  drawingId: number
}

/** What the header shows. */
export interface RunningHeader {
  title: string
  organisation?: string
  logo?: PlacedLogo
  /** The text width in twips, where the title's right tab stop goes. */
  textWidth: number
}

/** word/headerN.xml for the pages after the cover. */
export function runningHeaderXml(header: RunningHeader): string {
  const left: string[] = []
  if (header.logo) {
    const { cx, cy } = logoSize(header.logo.logo, HEADER_LOGO_HEIGHT, header.textWidth / 3)
    left.push(`<w:r>${drawingXml(header.logo.drawingId, header.logo.relationship, cx, cy, header.organisation ?? '')}</w:r>`)
  }
  if (header.organisation) left.push(textRun(header.logo ? ` ${header.organisation}` : header.organisation))
  const tabs = `<w:tabs><w:tab w:val="right" w:pos="${header.textWidth}"/></w:tabs>`
  return part('hdr', `<w:p><w:pPr><w:pStyle w:val="Header"/>${tabs}</w:pPr>${left.join('')}<w:r><w:tab/></w:r>${header.title ? textRun(header.title) : ''}</w:p>`)
}

/** word/footerN.xml for the pages after the cover: the classification line if any, then the page number and count (`pageCount` is the count shown until fields update). */
export function pageFooterXml(pageOf: string, pageCount: number, classification?: string): string {
  const fields = pageOf
    .split(new RegExp(`(${PAGE_NUMBER}|${PAGE_COUNT})`))
    .filter((piece) => piece !== '')
    .map((piece) => (piece === PAGE_NUMBER ? fieldRuns('PAGE', '') : piece === PAGE_COUNT ? fieldRuns('NUMPAGES', String(pageCount)) : textRun(piece)))
  const line = classification ? `<w:p><w:pPr><w:pStyle w:val="Classification"/><w:jc w:val="center"/></w:pPr>${textRun(classification)}</w:p>` : ''
  return part('ftr', `${line}<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>${fields.join('')}</w:p>`)
}

/** An empty header or footer, for the cover page. */
export function blankPartXml(kind: 'hdr' | 'ftr'): string {
  return part(kind, '<w:p/>')
}

/** The logo's size in EMUs at `height` twips high, narrowed to `maxWidth` twips if it is wider, keeping its proportions. */
export function logoSize(logo: BrandLogo, height: number, maxWidth: number): { cx: number; cy: number } {
  const ratio = logo.width > 0 && logo.height > 0 ? logo.width / logo.height : 1
  const width = Math.min(maxWidth, height * ratio)
  return { cx: Math.round(width * EMU_PER_TWIP), cy: Math.round((width / ratio) * EMU_PER_TWIP) }
}

function part(kind: 'hdr' | 'ftr', body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${kind} ${NAMESPACES}>${body}</w:${kind}>`
}

function textRun(text: string): string {
  return `<w:r><w:t xml:space="preserve">${escapeXmlText(xmlSafe(text))}</w:t></w:r>`
}

/** A field with its shown result, which Word and LibreOffice replace as they lay out the page. */
function fieldRuns(instruction: string, result: string): string {
  return (
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
    `${result ? `<w:r><w:t xml:space="preserve">${result}</w:t></w:r>` : ''}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
  )
}
