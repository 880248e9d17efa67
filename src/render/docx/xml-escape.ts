/** The .docx's XML escaping: render/shared/xml-escape.ts, which the .pptx package uses too. */
export { escapeXml, escapeXmlText, xmlSafe } from '../shared/xml-escape.js'
