/** Phrasing (text, strong, emphasis, link, inlineCode, break, footnote calls) to Word runs, written as XML and measured as they go. */
import type { Phrasing } from '../../types.js'
import type { BodyState } from './body-block.js'
import { escapeXmlText, xmlSafe } from './xml-escape.js'

/** Direct formatting of a run, in the order Word's schema wants it inside w:rPr; colours only ever come from styles. */
export interface RunFormat {
  /** Character style id, e.g. Hyperlink. */
  style?: string
  /** Latin font (w:ascii and w:hAnsi); Han characters keep the document's East Asian font. */
  font?: string
  bold?: boolean
  italics?: boolean
}

/** Runs being written: their XML, and the width of each line (in ems) for the page estimator. */
export interface Runs {
  xml: string[]
  lines: number[]
}

/** An empty run list. */
export const runs = (): Runs => ({ xml: [], lines: [0] })

/** Link targets Word may open; anything else (javascript:, file:) stays plain text. */
const SAFE_URL = /^(https?:|mailto:)/i
const CODE_FONT = 'Consolas'
const BREAK = '<w:r><w:br/></w:r>'

/** Appends phrasing; `format` starts as the caller's (a label is bold). */
export function phrasingRuns(out: Runs, nodes: Phrasing[], state: BodyState, format: RunFormat = {}): Runs {
  for (const node of nodes) {
    if (node.type === 'text') textRuns(out, node.value, format)
    else if (node.type === 'strong') phrasingRuns(out, node.children, state, { ...format, bold: true })
    else if (node.type === 'emphasis') phrasingRuns(out, node.children, state, { ...format, italics: true })
    else if (node.type === 'inlineCode') textRuns(out, node.value, { ...format, font: CODE_FONT })
    else if (node.type === 'break') lineBreak(out)
    else if (node.type === 'footnoteReference') footnoteRun(out, node.identifier, node.label, state)
    else if (!SAFE_URL.test(node.url)) phrasingRuns(out, node.children, state, format)
    else {
      state.links.push(node.url)
      out.xml.push(`<w:hyperlink w:history="1" r:id="rIdL${state.links.length}">`)
      linkRuns(out, node.children, format)
      out.xml.push('</w:hyperlink>')
    }
  }
  return out
}

/** A link's text in the Hyperlink character style; nested links flatten to text, code keeps the link's look. */
function linkRuns(out: Runs, nodes: Phrasing[], format: RunFormat): void {
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') textRuns(out, node.value, { style: 'Hyperlink', ...format })
    else if (node.type === 'break') lineBreak(out)
    else if (node.type === 'footnoteReference') textRuns(out, `[^${node.label ?? node.identifier}]`, format)
    else linkRuns(out, node.children, node.type === 'strong' ? { ...format, bold: true } : node.type === 'emphasis' ? { ...format, italics: true } : format)
  }
}

/** Appends a text value as runs: line feeds become breaks, and characters XML 1.0 forbids are dropped. */
export function textRuns(out: Runs, value: string, format: RunFormat = {}): Runs {
  const properties = runProperties(format)
  xmlSafe(value)
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (index > 0) out.lines.push(0)
      out.xml.push(`<w:r>${properties}${index > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXmlText(line)}</w:t></w:r>`)
      out.lines[out.lines.length - 1] += textEms(line)
    })
  return out
}

/** A real Word footnote at its call; a call to no note keeps its label as written (`[^1]`). */
function footnoteRun(out: Runs, identifier: string, label: string | null, state: BodyState): void {
  const id = state.footnoteCall?.(identifier) ?? null
  if (id === null) textRuns(out, `[^${label ?? identifier}]`)
  else {
    out.xml.push(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`)
    out.lines[out.lines.length - 1] += 0.5
  }
}

function lineBreak(out: Runs): void {
  out.xml.push(BREAK)
  out.lines.push(0)
}

/** w:rPr for `format`, or nothing. */
export function runProperties(format: RunFormat): string {
  const properties =
    (format.style ? `<w:rStyle w:val="${format.style}"/>` : '') +
    (format.font ? `<w:rFonts w:ascii="${format.font}" w:hAnsi="${format.font}"/>` : '') +
    (format.bold ? '<w:b/><w:bCs/>' : '') +
    (format.italics ? '<w:i/><w:iCs/>' : '')
  return properties ? `<w:rPr>${properties}</w:rPr>` : ''
}

/**
 * Width in ems: Han, kana, Hangul and full-width forms take a whole em; ASCII
 * its width in Times New Roman (the Chinese locales' Latin face, and Liberation
 * Serif's, which LibreOffice draws it with); anything else half an em.
 */
export function textEms(text: string): number {
  let ems = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x20 && code < 0x7f) ems += TIMES[code - 0x20] / 1000
    else ems += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) ? 1 : 0.5
  }
  return ems
}

/** Advance widths of ASCII 0x20–0x7E in Times Roman, in thousandths of an em (Adobe's Times-Roman metrics). */
// prettier-ignore
const TIMES = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
]
