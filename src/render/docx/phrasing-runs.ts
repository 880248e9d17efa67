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

/** Runs being written: their XML, and the text of each line for the page estimator. */
export interface Runs {
  xml: string[]
  lines: string[]
}

/** An empty run list. */
export const runs = (): Runs => ({ xml: [], lines: [''] })

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
      if (index > 0) out.lines.push('')
      out.xml.push(`<w:r>${properties}${index > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXmlText(line)}</w:t></w:r>`)
      out.lines[out.lines.length - 1] += line
    })
  return out
}

/** A real Word footnote at its call; a call to no note keeps its label as written (`[^1]`). */
function footnoteRun(out: Runs, identifier: string, label: string | null, state: BodyState): void {
  const id = state.footnoteCall?.(identifier) ?? null
  if (id === null) textRuns(out, `[^${label ?? identifier}]`)
  else {
    out.xml.push(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`)
    // A superscript number takes about half an em, as an x does.
    out.lines[out.lines.length - 1] += 'x'
  }
}

function lineBreak(out: Runs): void {
  out.xml.push(BREAK)
  out.lines.push('')
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
