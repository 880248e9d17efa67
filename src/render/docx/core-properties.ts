/**
 * docProps/core.xml written by hand: the docx library stamps `new Date()` into
 * it and has no language property, and both matter here.
 */
import { escapeXml } from './xml-escape.js'

/** What Word shows under File › Info › Properties. */
export interface CoreProperties {
  title: string
  subject?: string
  creator?: string
  keywords: string[]
  description?: string
  language: string
  /** Created and modified: the build's source date, so equal input gives equal bytes. */
  date: Date
}

/** The core properties part. */
export function corePropertiesXml(properties: CoreProperties): string {
  const date = properties.date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const element = (name: string, value: string | undefined): string => (value ? `<${name}>${escapeXml(value)}</${name}>` : '')
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', properties.title) +
    element('dc:subject', properties.subject) +
    element('dc:creator', properties.creator) +
    element('cp:keywords', properties.keywords.join('; ')) +
    element('dc:description', properties.description) +
    element('dc:language', properties.language) +
    element('cp:lastModifiedBy', properties.creator) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  )
}
