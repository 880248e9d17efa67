/** The seed as report.docx: Word structure in the XML, and what LibreOffice and mammoth make of it. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { casebook, SEED } from './helpers/cli.js'
import { run } from './helpers/tools.js'
import { bodyLines, buildDocx, convertToPdf, docxParts, elementTexts, mammothHtml, pdfPages } from './helpers/docx-read.js'

const EPOCH = '1700000000'
// The seed's title writes a half-width colon; the zh-CN pack prints it full-width (typography.punctuation).
const TITLE = '解码公共服务成功之道：十大典范案例'

interface AstNode { type: string; title?: string; number?: number | string | null; label?: string | null; children?: AstNode[] }
const tree = JSON.parse(casebook(['ast', SEED]).stdout) as AstNode
const cases = tree.children!.filter((node) => node.type === 'case')
const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const caseHeadings = cases.map((node, index) => `案例${ordinals[index]}：${node.title}`)
const points = cases.flatMap((node) => node.children!.flatMap((section) => section.children!.filter((block) => block.type === 'point')))

let docx: string
let parts: Map<string, string>
let documentXml: string

beforeAll(() => {
  docx = join(buildDocx([], { SOURCE_DATE_EPOCH: EPOCH }), 'zh-CN', 'report.docx')
  parts = docxParts(docx)
  documentXml = parts.get('word/document.xml')!
})

describe('seed report.docx: reproducible bytes', () => {
  it('is byte-identical when built again, with created, modified and zip dates from SOURCE_DATE_EPOCH', () => {
    const again = join(buildDocx([], { SOURCE_DATE_EPOCH: EPOCH }), 'zh-CN', 'report.docx')
    expect(readFileSync(again).equals(readFileSync(docx))).toBe(true)
    const core = parts.get('docProps/core.xml')!
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>')
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:modified>')
    // Every local file header carries the DOS date-time of 2023-11-14 22:13:20.
    const bytes = readFileSync(docx)
    const dates = new Set<string>()
    for (let at = bytes.indexOf('PK\x03\x04'); at !== -1; at = bytes.indexOf('PK\x03\x04', at + 4)) dates.add(`${bytes.readUInt16LE(at + 12)}:${bytes.readUInt16LE(at + 10)}`)
    const dosDate = ((2023 - 1980) << 9) | (11 << 5) | 14
    const dosTime = (22 << 11) | (13 << 5) | (20 >> 1)
    expect([...dates]).toEqual([`${dosDate}:${dosTime}`])
  })

  it('takes its dates from the document date when SOURCE_DATE_EPOCH is unset', () => {
    const core = docxParts(join(buildDocx([], { SOURCE_DATE_EPOCH: '' }), 'zh-CN', 'report.docx')).get('docProps/core.xml')!
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-29T00:00:00Z</dcterms:created>')
  })
})

describe('seed report.docx: Word structure', () => {
  it('uses Word built-in style ids and names', () => {
    const styles = parts.get('word/styles.xml')!
    for (const [id, name] of [['Normal', 'Normal'], ['Title', 'Title'], ['Heading1', 'heading 1'], ['Heading2', 'heading 2'], ['Heading3', 'heading 3'], ['ListBullet', 'List Bullet'], ['TOC1', 'toc 1'], ['TOC2', 'toc 2']]) {
      expect(styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"[^>]*><w:name w:val="${name}"/>`))
    }
    expect(documentXml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(cases.length + 3)
    expect(documentXml.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(cases.length * 3)
  })

  it('sets fonts per script and the Chinese language, and never puts Latin text in the Chinese font', () => {
    const defaults = parts.get('word/styles.xml')!.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0]
    expect(defaults).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman"/>')
    expect(defaults).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/header1.xml', 'word/footer1.xml']) {
      expect(parts.get(part)).not.toMatch(/w:(ascii|hAnsi)="SimSun"/)
    }
    expect(parts.get('word/fontTable.xml')).toContain('<w:font w:name="SimSun"><w:altName w:val="宋体"/>')
  })

  it('writes the contents as a TOC field whose result links to bookmarked headings, with PAGEREF page numbers', () => {
    const toc = documentXml.match(/<w:sdtContent>[\s\S]*?<\/w:sdtContent>/)![0]
    expect(toc).toMatch(/<w:instrText xml:space="preserve">TOC [^<]*\\o &quot;1-2&quot;[^<]*<\/w:instrText>/)
    expect(toc).toMatch(/TOC [^<]*\\h/)
    const anchors = [...toc.matchAll(/<w:hyperlink w:history="1" w:anchor="([^"]+)">/g)].map((match) => match[1])
    expect(anchors).toHaveLength(1 + cases.length * 4 + 2)
    const body = documentXml.slice(documentXml.indexOf('</w:sdt>'))
    for (const anchor of anchors) {
      expect(body).toContain(`<w:bookmarkStart w:name="${anchor}"`)
      expect(toc).toMatch(new RegExp(`PAGEREF ${anchor} \\\\h</w:instrText><w:fldChar w:fldCharType="separate"/><w:t xml:space="preserve">\\d+</w:t>`))
    }
    expect(toc.match(/<w:pStyle w:val="TOC1"\/>/g)).toHaveLength(cases.length + 3)
    expect(toc.match(/<w:pStyle w:val="TOC2"\/>/g)).toHaveLength(cases.length * 3)
  })

  it('writes key points as a bulleted list with the label bold', () => {
    const numbering = parts.get('word/numbering.xml')!
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>')
    const items = documentXml.match(/<w:p><w:pPr><w:pStyle w:val="ListBullet"\/><w:numPr>[\s\S]*?<\/w:p>/g)!
    expect(items).toHaveLength(points.length)
    expect(items[0]).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">数据驱动决策<\/w:t><\/w:r>/)
  })

  it('has the title in the header, page X of Y fields in the footer, and the document properties', () => {
    const headers = [...parts.keys()].filter((name) => /^word\/header\d+\.xml$/.test(name)).map((name) => parts.get(name)!)
    expect(headers.some((xml) => xml.includes(`>${TITLE}</w:t>`))).toBe(true)
    const footer = [...parts.keys()].filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => parts.get(name)!).find((xml) => xml.includes('PAGE'))!
    expect(footer.replace(/<[^>]+>/g, '')).toMatch(/^第 PAGE 页 共 NUMPAGES\d* 页$/)
    const core = parts.get('docProps/core.xml')!
    expect(core).toContain(`<dc:title>${TITLE}</dc:title>`)
    expect(core).toContain('<dc:subject>城市公共服务创新实践</dc:subject>')
    expect(core).toMatch(/<dc:creator>[^<]+<\/dc:creator>/)
    expect(core).toContain('<dc:language>zh-CN</dc:language>')
    expect(core).toContain('<cp:keywords>上海智慧城市建设; 杭州“城市大脑”;')
  })
})

describe('seed report.docx as LibreOffice prints it', () => {
  let pages: string[]
  let pdf: string
  beforeAll(() => {
    pdf = convertToPdf(docx)
    pages = pdfPages(pdf)
  })

  it('shows the cover, then the contents with every case and its page number', () => {
    // The cover's title may wrap (its full-width colon is wider than the source's half-width one).
    expect(pages[0].replace(/\s+/g, '')).toContain(TITLE)
    expect(pages[0]).toContain('城市公共服务创新实践')
    expect(pages[0]).toMatch(/2026\s*年\s*11\s*月\s*29\s*日/)
    const contents = pages.slice(1, 3).join('\n')
    expect(bodyLines(pages[1], TITLE, /^第 \d+ 页 共 \d+ 页$/)[0]).toBe('目录')
    for (const heading of caseHeadings) {
      const entry = contents.split('\n').map((line) => line.trim()).find((line) => line.startsWith(heading))
      expect(entry, heading).toMatch(/\.{3,}\s*\d+$/)
      // The page the contents gives is the page the case starts on.
      const page = Number(entry!.match(/(\d+)$/)![1])
      expect(bodyLines(pages[page - 1], TITLE, /^第 \d+ 页 共 \d+ 页$/)[0]).toBe(heading)
    }
  })

  it('starts every case at the top of a page', () => {
    const tops = pages.map((page) => bodyLines(page, TITLE, /^第 \d+ 页 共 \d+ 页$/)[0])
    for (const heading of caseHeadings) expect(tops).toContain(heading)
    expect(tops).toContain('案例总览')
    expect(tops).toContain('结论')
  })

  it('shows every key point, the overview and the footer on each page after the cover', () => {
    const text = pages.join('\n')
    for (const point of points) expect(text).toContain(`${point.label}：`)
    pages.slice(1).forEach((page, index) => expect(page).toContain(`第 ${index + 2} 页 共 ${pages.length} 页`))
    expect(pages[0]).not.toMatch(/第 \d+ 页/)
  })

  it('draws the Chinese text in a CJK font', () => {
    const fonts = run('pdffonts', [pdf])
    expect(fonts).toMatch(/CJK|Song|SimSun|Ming|Hei|Han/i)
  })
})

describe('seed report.docx as mammoth reads it', () => {
  it('gives the cases as h1, the sections as h2 and the key points as list items', async () => {
    const html = await mammothHtml(docx)
    expect(elementTexts(html, 'h1')).toEqual(['引言', ...caseHeadings, '案例总览', '结论'])
    expect(elementTexts(html, 'h2')).toHaveLength(cases.length * 3)
    expect(elementTexts(html, 'h2').slice(0, 3)).toEqual(['1.1 案例背景', '1.2 案例分析', '1.3 案例启示'])
    const items = elementTexts(html, 'li')
    expect(items).toHaveLength(points.length)
    expect(html).toContain('<ul><li><strong>数据驱动决策：</strong>通过大数据分析')
  })
})
