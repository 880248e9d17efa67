/**
 * The richer blocks in Word: a table as a native `w:tbl` in the Casebook
 * Table style (a reference document that defines that style restyles every
 * table), a figure as an inline picture (`word/media/…`) scaled to the text
 * width with a Caption paragraph, code in the Code Block style, a rule as a
 * bordered empty paragraph. Figures and tables are numbered with Word SEQ
 * fields, so Word's own "Table of Figures" finds them.
 */
import type { Code, Figure, Table } from '../../types.js'
import type { BlockSink, BodyBlock, BodyState, PlacedImage } from './body-block.js'
import { paragraphBlock } from './paragraph-xml.js'
import { phrasingRuns, runs, textRuns, type Runs } from './phrasing-runs.js'
import { escapeXml } from './xml-escape.js'

/** The table style every table uses, defined in styles.xml by tableStyleXml(). */
export const TABLE_STYLE = 'CasebookTable'
const CELL_STYLE = 'TableText'
/** EMUs per twip and per CSS pixel (96 dpi). */
const EMU_PER_TWIP = 635
const EMU_PER_PIXEL = 9525
/** Twips a line of Normal text takes, for the page estimate of a picture. */
const LINE_TWIPS = 286

/** A table: its numbered caption above it, then the grid; the header row repeats on each page and no row splits. */
export function tableBlocks(out: BlockSink, table: Table, state: BodyState): void {
  const entry = state.rich?.floats.get(table)
  if (entry) out.push(captionBlock('table', entry.number, runs(), state, true))
  const columns = Math.max(1, ...table.children.map((row) => row.children.length))
  const width = Math.floor(state.textWidth / columns)
  const widths = Array.from({ length: columns }, () => width)
  out.push({
    xml: `<w:tbl><w:tblPr><w:tblStyle w:val="${TABLE_STYLE}"/><w:tblW w:type="dxa" w:w="${width * columns}"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>` +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    layout: null,
  })
  table.children.forEach((row, index) => {
    const header = index === 0
    const cells = Array.from({ length: columns }, (_, column) => {
      const cell = row.children[column]
      return phrasingRuns(runs(), cell ? cell.children : [], state, header ? { bold: true } : {})
    })
    const xml = cells.map((content, column) => {
      const align = table.align[column]
      const jc = align ? `<w:jc w:val="${align === 'center' ? 'center' : align === 'right' ? 'right' : 'left'}"/>` : ''
      return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${CELL_STYLE}"/>${jc}</w:pPr>${content.xml.join('')}</w:p></w:tc>`
    })
    out.push({
      xml: `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${xml.join('')}</w:tr>`,
      layout: { kind: 'row', cells: cells.map((content) => ({ width, paragraphs: [{ style: CELL_STYLE, lines: content.lines }] })) },
    })
  })
  out.push({ xml: '</w:tbl>', layout: null })
}

/** A figure: the picture (kept with its caption), then the Caption paragraph; a remote or unread picture is its link or alt text. */
export function figureParagraphs(out: BlockSink, figure: Figure, state: BodyState): void {
  const entry = state.rich?.floats.get(figure)
  const asset = figure.data?.sha256 ? state.rich?.images.get(figure.data.sha256) : undefined
  if (asset && figure.data?.sha256) {
    const placed = placeImage(state, figure.data.sha256, asset)
    const maxWidth = state.textWidth * EMU_PER_TWIP
    const pixelWidth = asset.width ?? 0
    const cx = pixelWidth > 0 ? Math.min(maxWidth, pixelWidth * EMU_PER_PIXEL) : maxWidth
    const cy = Math.round(pixelWidth > 0 && asset.height ? (cx * asset.height) / pixelWidth : cx * 0.75)
    const id = ++state.drawings
    out.push({
      xml: `<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r>${drawingXml(id, placed.relationship, Math.round(cx), cy, figure.alt)}</w:r></w:p>`,
      layout: { kind: 'paragraph', style: 'Normal', pageBreakBefore: false, lines: Array.from({ length: Math.max(1, Math.ceil(cy / EMU_PER_TWIP / LINE_TWIPS)) }, () => 0) },
    })
  } else {
    const text = figure.alt || figure.url
    const content = figure.data?.source === 'remote' ? textRuns(runs(), `${text} <${figure.url}>`) : textRuns(runs(), text)
    out.push(paragraphBlock({}, content, state))
  }
  const caption = phrasingRuns(runs(), figure.children, state)
  if (entry) out.push(captionBlock('figure', entry.number, caption, state, false))
  else if (figure.children.length) out.push(paragraphBlock({ style: 'Caption' }, caption, state))
}

/** A code block: one Code Block paragraph, its lines kept as line breaks. */
export function codeParagraphs(out: BlockSink, code: Code, state: BodyState): void {
  out.push(paragraphBlock({ style: 'CodeBlock' }, textRuns(runs(), code.value, { font: 'Consolas' }), state))
}

/** A thematic break: an empty paragraph with a rule under it. */
export function ruleParagraph(_state: BodyState): BodyBlock {
  return {
    xml: '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="BFBFBF"/></w:pBdr></w:pPr></w:p>',
    layout: { kind: 'paragraph', style: 'Normal', pageBreakBefore: false, lines: [0] },
  }
}

/** The table style (borders, header row shading) to put into styles.xml; a reference document's own style of that id replaces it. */
export function tableStyleXml(): string {
  const line = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>`
  return (
    `<w:style w:type="table" w:styleId="${TABLE_STYLE}"><w:name w:val="Casebook Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
    `<w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(line).join('')}</w:tblBorders>` +
    '<w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEF1F6"/></w:tcPr></w:tblStylePr></w:style>'
  )
}

/** A Caption paragraph: the catalog's label with its number as a SEQ field, then the caption's runs. */
function captionBlock(kind: 'figure' | 'table', number: number, caption: Runs, state: BodyState, keepNext: boolean): BodyBlock {
  const [before, after] = state.floatLabels[kind]
  const content = runs()
  if (before) textRuns(content, before)
  content.xml.push(`<w:fldSimple w:instr=" SEQ ${kind === 'figure' ? 'Figure' : 'Table'} \\* ARABIC "><w:r><w:t>${number}</w:t></w:r></w:fldSimple>`)
  content.lines[content.lines.length - 1] += String(number).length / 2
  if (after) textRuns(content, after)
  if (caption.xml.length) {
    textRuns(content, ' ')
    content.xml.push(...caption.xml)
    content.lines[content.lines.length - 1] += caption.lines[0] ?? 0
    content.lines.push(...caption.lines.slice(1))
  }
  const bookmark = `_${kind === 'figure' ? 'Fig' : 'Tab'}${number}`
  state.floats.push({ kind, text: `${before}${number}${after}${caption.xml.length ? ' ' + captionText(caption) : ''}`, bookmark })
  const block = paragraphBlock({ style: 'Caption', bookmarks: [bookmark] }, content, state)
  // Word keeps a table's caption on the page of its first row.
  return keepNext ? { ...block, xml: block.xml.replace('<w:pPr><w:pStyle w:val="Caption"/>', '<w:pPr><w:pStyle w:val="Caption"/><w:keepNext/>') } : block
}

/** The text of runs, for a list entry (the runs' XML, less its markup). */
function captionText(caption: Runs): string {
  return caption.xml.join('').replace(/<w:br\/>/g, ' ').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

/** The picture's part and relationship, one per distinct picture. */
function placeImage(state: BodyState, sha256: string, asset: PlacedImage['asset']): PlacedImage {
  const found = state.images.find((image) => image.sha256 === sha256)
  if (found) return found
  const n = state.images.length + 1
  const placed: PlacedImage = { sha256, relationship: `rIdImg${n}`, target: `media/image${n}.${EXTENSIONS[asset.mime]}`, asset }
  state.images.push(placed)
  return placed
}

/** File extensions of the pictures' parts (content types are declared per extension). */
export const EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg' } as const

function drawingXml(id: number, relationship: string, cx: number, cy: number, alt: string): string {
  const A = 'http://schemas.openxmlformats.org/drawingml/2006/main'
  const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture'
  return (
    `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${id}" name="Picture ${id}" descr="${escapeXml(alt)}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}"><pic:nvPicPr><pic:cNvPr id="${id}" name="Picture ${id}" descr="${escapeXml(alt)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${relationship}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`
  )
}
