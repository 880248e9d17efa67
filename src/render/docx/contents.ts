/**
 * The contents: a real TOC field (`TOC \h \o "1-2" \u \z`) whose result is
 * written with the file, so its entries and page numbers show as soon as it
 * opens. Each entry links to its heading's `_Toc` bookmark and gets its page
 * from a PAGEREF field, which Word recomputes when fields are updated.
 */
import type { BodyBlock, BodyState, ContentsHeading, ParagraphLayout } from './body-block.js'
import { paragraphBlock } from './paragraph-xml.js'
import { runs, textRuns } from './phrasing-runs.js'
import { escapeXmlText, xmlSafe } from './xml-escape.js'
import type { XmlSink } from './xml-sink.js'

const FIELD = '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot; \\u \\z</w:instrText><w:fldChar w:fldCharType="separate"/></w:r>'
const FIELD_END = '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'

/** The contents heading; TOC Heading has no outline level, so the contents never lists itself. */
export function contentsHeading(label: string, state: BodyState): BodyBlock {
  return paragraphBlock({ style: 'TOCHeading', pageBreakBefore: true }, textRuns(runs(), label), state)
}

/** The entries as the page estimator sees them (their numbers are not known yet), and the field's closing paragraph. */
export function contentsLayout(headings: ContentsHeading[]): ParagraphLayout[] {
  return [
    ...headings.map((heading): ParagraphLayout => ({ kind: 'paragraph', style: `TOC${heading.level}`, pageBreakBefore: false, lines: [xmlSafe(heading.text)], contentsEntry: true })),
    { kind: 'paragraph', style: 'Normal', pageBreakBefore: false, lines: [''] },
  ]
}

/** Writes the contents field with one entry per heading; `pages` gives each bookmark's page, `textWidth` (twips) the tab stop. */
export function writeContents(out: XmlSink, label: string, headings: ContentsHeading[], pages: Map<string, number>, textWidth: number): void {
  const tabs = `<w:tabs><w:tab w:val="right" w:pos="${textWidth}" w:leader="dot"/></w:tabs>`
  out.write(`<w:sdt><w:sdtPr><w:alias w:val="${escapeXmlText(xmlSafe(label))}"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>`)
  // Without entries the field still needs its start.
  if (!headings.length) out.write(`<w:p>${FIELD}</w:p>`)
  headings.forEach((heading, index) =>
    out.write(
      `<w:p><w:pPr><w:pStyle w:val="TOC${heading.level}"/>${tabs}</w:pPr>${index === 0 ? FIELD : ''}` +
        `<w:hyperlink w:history="1" w:anchor="${heading.bookmark}"><w:r><w:t xml:space="preserve">${escapeXmlText(xmlSafe(heading.text))}</w:t></w:r><w:r><w:tab/></w:r>` +
        `<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">PAGEREF ${heading.bookmark} \\h</w:instrText><w:fldChar w:fldCharType="separate"/>` +
        `<w:t xml:space="preserve">${pages.get(heading.bookmark) ?? 1}</w:t><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>`,
    ),
  )
  out.write(`${FIELD_END}</w:sdtContent></w:sdt>`)
}

/** A list of figures or tables after the contents, as the page estimator sees it: its heading and one entry each. */
export function floatListLayout(title: string, entries: ReadonlyArray<{ text: string }>): ParagraphLayout[] {
  return [
    { kind: 'paragraph', style: 'TOCHeading', pageBreakBefore: false, lines: [xmlSafe(title)] },
    ...entries.map((entry): ParagraphLayout => ({ kind: 'paragraph', style: 'TOC1', pageBreakBefore: false, lines: [xmlSafe(entry.text)], contentsEntry: true })),
  ]
}

/**
 * A list of figures or of tables, as Word's own (a `TOC \h \z \c` field over
 * the SEQ-numbered captions), its result written: each entry links to its
 * caption's bookmark, with its page from a PAGEREF field.
 */
export function writeFloatList(out: XmlSink, title: string, sequence: 'Figure' | 'Table', entries: ReadonlyArray<{ text: string; bookmark: string }>, pages: Map<string, number>, textWidth: number): void {
  const tabs = `<w:tabs><w:tab w:val="right" w:pos="${textWidth}" w:leader="dot"/></w:tabs>`
  out.write(`<w:p><w:pPr><w:pStyle w:val="TOCHeading"/><w:spacing w:before="480"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXmlText(xmlSafe(title))}</w:t></w:r></w:p>`)
  const field = `<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">TOC \\h \\z \\c &quot;${sequence}&quot;</w:instrText><w:fldChar w:fldCharType="separate"/></w:r>`
  entries.forEach((entry, index) =>
    out.write(
      `<w:p><w:pPr><w:pStyle w:val="TOC1"/>${tabs}</w:pPr>${index === 0 ? field : ''}` +
        `<w:hyperlink w:history="1" w:anchor="${entry.bookmark}"><w:r><w:t xml:space="preserve">${escapeXmlText(xmlSafe(entry.text))}</w:t></w:r><w:r><w:tab/></w:r>` +
        `<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">PAGEREF ${entry.bookmark} \\h</w:instrText><w:fldChar w:fldCharType="separate"/>` +
        `<w:t xml:space="preserve">${pages.get(entry.bookmark) ?? 1}</w:t><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>`,
    ),
  )
  out.write(FIELD_END)
}
