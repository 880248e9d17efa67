/** Phrasing (text, strong, emphasis, link, inlineCode, break) to Word runs. */
import { ExternalHyperlink, TextRun, type IRunOptions, type ParagraphChild } from 'docx'
import type { Phrasing } from '../../types.js'

/** Direct formatting inherited from the enclosing strong/emphasis nodes. */
interface Marks {
  bold?: boolean
  italics?: boolean
}

/** Link targets Word may open; anything else (javascript:, file:) stays plain text. */
const SAFE_URL = /^(https?:|mailto:)/i
/** Monospace for Latin; Han characters keep the document's East Asian font. */
const CODE_FONT = 'Consolas'

/** Converts phrasing to paragraph children; `marks` start as the caller's (a label is bold). */
export function phrasingRuns(nodes: Phrasing[], marks: Marks = {}): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case 'text':
        return textRuns(node.value, marks)
      case 'strong':
        return phrasingRuns(node.children, { ...marks, bold: true })
      case 'emphasis':
        return phrasingRuns(node.children, { ...marks, italics: true })
      case 'inlineCode':
        return textRuns(node.value, marks, { font: { ascii: CODE_FONT, hAnsi: CODE_FONT } })
      case 'break':
        return [new TextRun({ break: 1 })]
      case 'link': {
        if (!SAFE_URL.test(node.url)) return phrasingRuns(node.children, marks)
        return [new ExternalHyperlink({ link: node.url, children: linkRuns(node.children, marks) })]
      }
    }
  })
}

/** Runs of a link's text in the Hyperlink character style; nested links flatten to text. */
function linkRuns(nodes: Phrasing[], marks: Marks): TextRun[] {
  return nodes.flatMap((node): TextRun[] => {
    if (node.type === 'text' || node.type === 'inlineCode') return textRuns(node.value, marks, { style: 'Hyperlink' })
    if (node.type === 'break') return [new TextRun({ break: 1 })]
    const next = node.type === 'strong' ? { ...marks, bold: true } : node.type === 'emphasis' ? { ...marks, italics: true } : marks
    return linkRuns(node.children, next)
  })
}

/** A text value as runs: line feeds become breaks, and characters XML 1.0 forbids are dropped. */
export function textRuns(value: string, marks: Marks, extra: IRunOptions = {}): TextRun[] {
  return xmlSafe(value)
    .split(/\r?\n/)
    .map((line, index) => new TextRun({ ...extra, ...marks, text: line, ...(index > 0 ? { break: 1 } : {}) }))
}

/** Removes control characters that would make document.xml unreadable. */
export function xmlSafe(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}
