/** Documents other than the seed, tried as a new user would: twelve cases with CRLF, Traditional Chinese, English, Markdown links. */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { run } from './helpers/tools.js'
import { bodyLines, buildDocx, convertToPdf, docxParts, elementTexts, mammothHtml, pdfPages } from './helpers/docx-read.js'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
const TW_CITIES = ['北京', '天津', '西安', '武漢', '長沙', '廈門', '青島', '大連', '昆明', '合肥', '寧波', '福州']

describe('twelve cases with CRLF, a BOM, full-width colons and a four-section case', () => {
  let out: string
  beforeAll(() => {
    out = buildDocx([join(fixture('docx-twelve-cases'), 'input.txt')], { SOURCE_DATE_EPOCH: '1767225600' })
  })

  it('reads back as twelve h1 cases, 37 h2 sections and every key point, the long one whole', async () => {
    const html = await mammothHtml(join(out, 'zh-CN', 'report.docx'))
    const h1 = elementTexts(html, 'h1')
    expect(h1.filter((text) => /^案例[一二三四五六七八九十]+：/.test(text))).toHaveLength(12)
    expect(h1[0]).toBe('前言')
    expect(h1.at(-1)).toBe('结语')
    expect(elementTexts(html, 'h2')).toHaveLength(12 * 3 + 1)
    expect(elementTexts(html, 'h2')).toContain('7.4 延伸阅读')
    const items = elementTexts(html, 'li')
    expect(items).toHaveLength(36)
    expect(items).toContain('窗口服务综合化改革')
    expect(items.find((item) => item.startsWith('流程再造：'))).toMatch(/最终实现“一次告知、一表申请、一窗受理”。$/)
    expect(docxParts(join(out, 'zh-CN', 'report.docx')).get('word/document.xml')).not.toMatch(/\r|\uFEFF/)
  })

  it('gives zh-TW its own language, font and footer, and LibreOffice prints every case at the top of a page', () => {
    const docx = join(out, 'zh-TW', 'report.docx')
    const parts = docxParts(docx)
    const defaults = parts.get('word/styles.xml')!.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0]
    expect(defaults).toContain('w:eastAsia="PMingLiU"')
    expect(defaults).toContain('<w:lang w:val="en-US" w:eastAsia="zh-TW"/>')
    const title = '城市「一網通辦」改革案例彙編'
    const footer = /^第 \d+ 頁 共 \d+ 頁$/
    const pages = pdfPages(convertToPdf(docx))
    expect(bodyLines(pages[1], title, footer)[0]).toBe('目錄')
    const tops = pages.map((page) => bodyLines(page, title, footer)[0])
    TW_CITIES.forEach((city, index) => expect(tops).toContain(`案例${ORDINALS[index]}：${city}「一網通辦」改革`))
    expect(pages.at(-1)).toContain(`第 ${pages.length} 頁 共 ${pages.length} 頁`)
  })
})

describe('the seed in English', () => {
  it('writes Page X of Y, Latin fonts for Latin text, and cases LibreOffice starts on new pages', () => {
    const docx = join(buildDocx(['--locale', 'en'], { SOURCE_DATE_EPOCH: '1700000000' }), 'en', 'report.docx')
    const parts = docxParts(docx)
    const defaults = parts.get('word/styles.xml')!.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0]
    expect(defaults).toContain('<w:rFonts w:ascii="Cambria" w:cs="Cambria" w:eastAsia="SimSun" w:hAnsi="Cambria"/>')
    expect(defaults).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
    expect(parts.get('docProps/core.xml')).toContain('<dc:language>en</dc:language>')
    const pdf = convertToPdf(docx)
    const pages = pdfPages(pdf)
    const title = 'Decoding Success in Public Services: Ten Exemplary Cases'
    const footer = /^Page \d+ of \d+$/
    expect(bodyLines(pages[1], title, footer)[0]).toBe('Contents')
    const tops = pages.map((page) => bodyLines(page, title, footer)[0].replace(/\s+/g, ' '))
    for (let number = 1; number <= 10; number++) expect(tops.some((top) => top.startsWith(`Case ${number}:`))).toBe(true)
    expect(pages[2]).toContain(`Page 3 of ${pages.length}`)
    expect(run('pdffonts', [pdf])).not.toMatch(/CJK/)
  })
})

describe('Markdown with links, code and emphasis', () => {
  it('links http(s) and mailto, keeps a javascript: link as text, and marks code and emphasis', async () => {
    const docx = join(buildDocx([join(fixture('docx-markdown-links'), 'input.md')]), 'zh-CN', 'report.docx')
    const parts = docxParts(docx)
    const rels = parts.get('word/_rels/document.xml.rels')!
    expect(rels).toMatch(/Target="https:\/\/example.org\/cases" TargetMode="External"/)
    expect(rels).toMatch(/Target="mailto:editor@example.org" TargetMode="External"/)
    for (const text of parts.values()) expect(text).not.toContain('javascript:')
    const document = parts.get('word/document.xml')!
    expect(document).toContain('>危险链接</w:t>')
    expect(document).toMatch(/<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"\/><\/w:rPr><w:t xml:space="preserve">API<\/w:t>/)
    expect(document).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">城市运行<\/w:t>/)
    const html = await mammothHtml(docx)
    expect(html).toContain('<a href="https://example.org/cases">官网</a>')
    expect(html).toContain('<a href="mailto:editor@example.org">编辑部</a>')
    expect(elementTexts(html, 'h1')).toEqual(['引言', '案例一：上海“一网统管”', '案例二：杭州“最多跑一次”', '案例总览', '结论'])
    expect(elementTexts(html, 'li')).toHaveLength(5)
  })
})
