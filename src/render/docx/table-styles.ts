/**
 * The table styles, written into styles.xml (the docx library makes no table
 * styles). Tables name them (`w:tblStyle`) and carry no colour of their own,
 * so a reference document that defines a style of the same id restyles every
 * such table: its header row and banding come from the style's conditional
 * formatting (`w:tblStylePr`), which Word and LibreOffice both apply.
 */
import type { WordColors } from './docx-look.js'

/** The style of tables in the content. */
export const TABLE_STYLE = 'CasebookTable'
/** The style of the cases overview. */
export const OVERVIEW_STYLE = 'CasebookOverview'

const MARGINS = '<w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>'

/** Both table styles, in the brand's colours. */
export function tableStylesXml(colors: WordColors): string {
  const line = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${colors.rule}"/>`
  const none = (side: string) => `<w:${side} w:val="nil"/>`
  const head = (id: string) => `<w:style w:type="table" w:styleId="${id}`
  return (
    `${head(TABLE_STYLE)}"><w:name w:val="Casebook Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
    `<w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(line).join('')}</w:tblBorders>${MARGINS}</w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${colors.band}"/></w:tcPr></w:tblStylePr></w:style>` +
    `${head(OVERVIEW_STYLE)}"><w:name w:val="Casebook Overview"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
    `<w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>${line('top')}${none('left')}${line('bottom')}${none('right')}${line('insideH')}${none('insideV')}</w:tblBorders>${MARGINS}</w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="${colors.background}"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${colors.primary}"/></w:tcPr></w:tblStylePr>` +
    `<w:tblStylePr w:type="band2Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${colors.band}"/></w:tcPr></w:tblStylePr></w:style>`
  )
}
