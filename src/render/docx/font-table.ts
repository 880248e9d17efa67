/**
 * word/fontTable.xml with what Word needs to substitute a missing font: the
 * alternate (native) name, character set, family, pitch and PANOSE of each
 * font, so a Mac or Linux Office without SimSun still picks a Chinese serif.
 */
import { escapeXml } from './xml-escape.js'

interface FontFacts {
  altName?: string
  /** Windows character set: 86 GB2312, 88 Big5, 00 ANSI. */
  charset: string
  family: 'roman' | 'swiss' | 'modern' | 'auto'
  pitch: 'variable' | 'fixed'
  panose: string
}

const KNOWN: Record<string, FontFacts> = {
  SimSun: { altName: '宋体', charset: '86', family: 'auto', pitch: 'variable', panose: '02010600030101010101' },
  NSimSun: { altName: '新宋体', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609030101010101' },
  SimHei: { altName: '黑体', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609060101010101' },
  'Microsoft YaHei': { altName: '微软雅黑', charset: '86', family: 'swiss', pitch: 'variable', panose: '020B0503020204020204' },
  DengXian: { altName: '等线', charset: '86', family: 'auto', pitch: 'variable', panose: '02010600030101010101' },
  PMingLiU: { altName: '新細明體', charset: '88', family: 'roman', pitch: 'variable', panose: '02020500000000000000' },
  MingLiU: { altName: '細明體', charset: '88', family: 'modern', pitch: 'fixed', panose: '02020509000000000000' },
  'Microsoft JhengHei': { altName: '微軟正黑體', charset: '88', family: 'swiss', pitch: 'variable', panose: '020B0604030504040204' },
  'Times New Roman': { charset: '00', family: 'roman', pitch: 'variable', panose: '02020603050405020304' },
  Cambria: { charset: '00', family: 'roman', pitch: 'variable', panose: '02040503050406030204' },
  Calibri: { charset: '00', family: 'swiss', pitch: 'variable', panose: '020F0502020204030204' },
  Consolas: { charset: '00', family: 'modern', pitch: 'fixed', panose: '020B0609020204030204' },
}

/** The font table for `names` (duplicates dropped); unknown fonts are listed by name only. */
export function fontTableXml(names: string[]): string {
  const fonts = [...new Set(names)].map((name) => {
    const facts = KNOWN[name]
    if (!facts) return `<w:font w:name="${escapeXml(name)}"/>`
    return (
      `<w:font w:name="${escapeXml(name)}">` +
      (facts.altName ? `<w:altName w:val="${facts.altName}"/>` : '') +
      `<w:panose1 w:val="${facts.panose}"/><w:charset w:val="${facts.charset}"/><w:family w:val="${facts.family}"/><w:pitch w:val="${facts.pitch}"/></w:font>`
    )
  })
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  )
}
