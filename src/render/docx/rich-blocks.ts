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
import { TABLE_STYLE } from './table-styles.js'
import { drawingXml, EMU_PER_PIXEL, EMU_PER_TWIP, EXTENSIONS } from './drawing-xml.js'

const CELL_STYLE = 'TableText'

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
      layout: { kind: 'row', header, cells: cells.map((content) => ({ width, paragraphs: [{ style: CELL_STYLE, lines: content.lines }] })) },
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
      xml: `<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r>${drawingXml(id, placed.relationship, Math.round(cx), cy, figure.alt)}</w:r></w:p>`,
      layout: { kind: 'paragraph', style: 'Figure', pageBreakBefore: false, lines: [''], height: Math.ceil(cy / EMU_PER_TWIP) },
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

/** A thematic break: an empty paragraph in the Horizontal Rule style, whose bottom border is the rule. */
export function ruleParagraph(_state: BodyState): BodyBlock {
  return {
    xml: '<w:p><w:pPr><w:pStyle w:val="HorizontalRule"/></w:pPr></w:p>',
    layout: { kind: 'paragraph', style: 'HorizontalRule', pageBreakBefore: false, lines: [''] },
  }
}

/** A Caption paragraph: the catalog's label with its number as a SEQ field, then the caption's runs. */
function captionBlock(kind: 'figure' | 'table', number: number, caption: Runs, state: BodyState, keepNext: boolean): BodyBlock {
  const [before, after] = state.floatLabels[kind]
  const content = runs()
  if (before) textRuns(content, before)
  content.xml.push(`<w:fldSimple w:instr=" SEQ ${kind === 'figure' ? 'Figure' : 'Table'} \\* ARABIC "><w:r><w:t>${number}</w:t></w:r></w:fldSimple>`)
  content.lines[content.lines.length - 1] += String(number)
  if (after) textRuns(content, after)
  if (caption.xml.length) {
    textRuns(content, ' ')
    content.xml.push(...caption.xml)
    content.lines[content.lines.length - 1] += caption.lines[0] ?? ''
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
