/**
 * report.docx in a house style: a navy and gold brand with a PNG logo, an
 * organisation and a classification line, set on the resolved config as the
 * `brand:` key will set it. Its colours live in styles.xml only; its logo is in
 * word/media/ on the cover and in the running header; a reference document's
 * own table style and header win over casebook's.
 */
import { createHash } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { Document, Header, ImageRun, Packer, Paragraph } from 'docx'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Brand } from '../src/config/brand.js'
import { loadConfig, type ResolvedConfig } from '../src/config/load-config.js'
import { templateDirs } from '../src/config/template-dirs.js'
import { loadDocument } from '../src/load-document.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { localizeDocument } from '../src/locale/localize.js'
import { docxRenderer } from '../src/render/docx/docx-renderer.js'
import type { RenderContext } from '../src/render/renderer.js'
import { readPackage, setPartText, partText, writePackage } from '../src/io/reproducible-zip.js'
import { casebook, SEED } from './helpers/cli.js'
import { buildDocx, convertToPdf, pdfPages, scratch } from './helpers/docx-read.js'
import { solidPng } from './helpers/png.js'
import { run } from './helpers/tools.js'

const LOGO = solidPng(24, [0x1f, 0x38, 0x64])
const NAVY = '#1f3864'
const GOLD = '#c9a227'

const BRAND: Brand = {
  colors: { primary: NAVY, accent: GOLD, text: '#222222', background: '#ffffff', muted: '#6b6b6b' },
  fonts: {
    body: { latin: { family: 'Source Sans 3', source: { type: 'files', files: [] } }, cjk: { family: 'Noto Sans SC', source: { type: 'files', files: [] } } },
    headings: { latin: { family: 'Montserrat', source: { type: 'files', files: [] } }, cjk: { family: 'Noto Sans SC Bold', source: { type: 'files', files: [] } } },
  },
  logo: { path: 'logo.png', bytes: LOGO, type: 'image/png', width: 24, height: 24, sha256: createHash('sha256').update(LOGO).digest('hex') },
  organisation: '市政研究中心',
  classification: '内部资料 注意保密',
  custom: true,
}

async function renderDocx(config: Partial<ResolvedConfig>): Promise<Map<string, string> & { bytes: Uint8Array }> {
  const dirs = templateDirs()
  const locale = await loadLocale('zh-CN', dirs)
  const context: RenderContext = {
    locale,
    config: { ...(await loadConfig(null)), ...config },
    templateDirs: dirs,
    sourceDate: new Date(1700000000 * 1000),
    shared: new Map(),
    browser: () => Promise.reject(new Error('no browser')),
  }
  const document = await loadDocument(SEED, { defaults: { title: '十大典范案例' } })
  const tree = await localizeDocument(document.tree, locale, { input: SEED, files: document.files })
  const [artifact] = await docxRenderer.render(tree, context)
  const parts = new Map(Object.entries(unzipSync(artifact.bytes)).map(([name, bytes]) => [name, strFromU8(bytes)]))
  return Object.assign(parts, { bytes: artifact.bytes })
}

const styleOf = (styles: string, id: string): string => styles.match(new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))![0]

describe('report.docx in a navy and gold brand with a logo', () => {
  let parts: Awaited<ReturnType<typeof renderDocx>>
  beforeAll(async () => {
    parts = await renderDocx({ brand: BRAND })
  })

  it('has the logo in word/media/, on the cover and in the running header', () => {
    const media = unzipSync(parts.bytes)['word/media/logo.png']
    expect(Buffer.from(media).equals(LOGO)).toBe(true)
    expect(parts.get('word/_rels/document.xml.rels')).toContain('<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/>')
    const cover = parts.get('word/document.xml')!.split('<w:pStyle w:val="TOCHeading"/>')[0]
    expect(cover).toMatch(/<w:pStyle w:val="CoverLogo"\/><\/w:pPr><w:r><w:drawing>[\s\S]*<a:blip r:embed="rIdLogo"\/>/)
    const header = [...parts.keys()].filter((name) => /^word\/header\d+\.xml$/.test(name)).map((name) => [name, parts.get(name)!] as const).find(([, xml]) => xml.includes('rIdLogo'))!
    expect(header[1]).toContain('> 市政研究中心</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">十大典范案例</w:t>')
    expect(parts.get(header[0].replace('word/', 'word/_rels/') + '.rels')).toContain('Target="media/logo.png"')
    // Every drawing of the document has its own id.
    const ids = [...parts.entries()].filter(([name]) => /^word\/(document|header\d+)\.xml$/.test(name)).flatMap(([, xml]) => [...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((match) => match[1]))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('prints the classification line on the cover and in the footer, and the organisation on the cover', () => {
    const document = parts.get('word/document.xml')!
    expect(document).toContain('<w:pStyle w:val="Classification"/></w:pPr><w:r><w:t xml:space="preserve">内部资料 注意保密</w:t>')
    const footers = [...parts.keys()].filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => parts.get(name)!)
    expect(footers.some((xml) => xml.includes('内部资料 注意保密') && xml.includes('NUMPAGES'))).toBe(true)
  })

  it('has the colours in styles.xml and none in document.xml', () => {
    const styles = parts.get('word/styles.xml')!
    expect(styleOf(styles, 'Heading1')).toContain('<w:color w:val="1F3864"/>')
    expect(styleOf(styles, 'Title')).toContain('<w:color w:val="1F3864"/>')
    expect(styleOf(styles, 'Title')).toMatch(/<w:bottom [^>]*w:color="C9A227"/)
    expect(styleOf(styles, 'Classification')).toContain('<w:color w:val="C9A227"/>')
    expect(styleOf(styles, 'Subtitle')).toContain('<w:color w:val="6B6B6B"/>')
    expect(styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0]).toContain('<w:color w:val="222222"/>')
    // The overview's header row is navy with text in the paper's colour; its banding a navy tint.
    const overview = styleOf(styles, 'CasebookOverview')
    expect(overview).toMatch(/<w:tblStylePr w:type="firstRow"><w:rPr><w:b\/><w:bCs\/><w:color w:val="FFFFFF"\/><\/w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"\/>/)
    expect(overview).toMatch(/<w:tblStylePr w:type="band2Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EDEFF3"\/>/)
    const document = parts.get('word/document.xml')!
    expect(document).not.toMatch(/w:color|w:fill|<w:shd|<w:tblBorders|1F3864|EEF1F6|5B6770|FFFFFF/i)
    expect(document).toContain('<w:tblStyle w:val="CasebookOverview"/>')
    for (const name of [...parts.keys()].filter((part) => /^word\/(header|footer)\d+\.xml$/.test(part))) expect(parts.get(name), name).not.toMatch(/w:color|w:fill/)
  })

  it('names the brand’s fonts per script: body in the defaults, headings in the heading styles', () => {
    const styles = parts.get('word/styles.xml')!
    const defaults = styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0]
    expect(defaults).toContain('<w:rFonts w:ascii="Source Sans 3" w:cs="Source Sans 3" w:eastAsia="Noto Sans SC" w:hAnsi="Source Sans 3"/>')
    expect(styleOf(styles, 'Heading1')).toContain('<w:rFonts w:ascii="Montserrat" w:cs="Montserrat" w:eastAsia="Noto Sans SC Bold" w:hAnsi="Montserrat"/>')
    expect(styleOf(styles, 'Title')).toContain('w:eastAsia="Noto Sans SC Bold"')
    for (const font of ['Source Sans 3', 'Noto Sans SC', 'Montserrat', 'Noto Sans SC Bold']) expect(parts.get('word/fontTable.xml')).toContain(`<w:font w:name="${font}"`)
  })

  it('lets docx.fonts in the config win over the brand’s body fonts', async () => {
    const config = await loadConfig(null)
    const own = await renderDocx({ brand: BRAND, docx: { ...config.docx, fonts: { latin: 'Georgia', eastAsia: 'KaiTi' } } })
    expect(own.get('word/styles.xml')!.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0]).toContain('<w:rFonts w:ascii="Georgia" w:cs="Georgia" w:eastAsia="KaiTi" w:hAnsi="Georgia"/>')
  })

  it('gives the same bytes for the same brand and input', async () => {
    const again = await renderDocx({ brand: BRAND })
    expect(Buffer.from(again.bytes).equals(Buffer.from(parts.bytes))).toBe(true)
  })

  it('shows the logo, organisation and classification in LibreOffice', () => {
    const folder = scratch()
    const docx = join(folder, 'branded.docx')
    writeFileSync(docx, parts.bytes)
    const pdf = convertToPdf(docx)
    const pages = pdfPages(pdf)
    expect(pages[0]).toContain('内部资料 注意保密')
    expect(pages[2]).toContain('市政研究中心')
    expect(pages[2]).toMatch(/内部资料 注意保密\s+第 3 页 共 \d+ 页/)
    // One picture on the cover, one in the header of each later page.
    const images = run('pdfimages', ['-list', pdf]).split('\n').slice(2).filter(Boolean).map((line) => Number(line.trim().split(/\s+/)[0]))
    expect(images.filter((page) => page === 1)).toHaveLength(1)
    expect(new Set(images).size).toBe(pages.length)
  })
})

describe('report.docx with a reference document of its own table style and header', () => {
  let parts: Map<string, string>
  let docx: string
  beforeAll(async () => {
    const folder = scratch()
    const reference = join(folder, 'house.docx')
    const made = new Document({
      sections: [{ headers: { default: new Header({ children: [new Paragraph('HOUSE HEADER 本署专用')] }) }, children: [new Paragraph('reference')] }],
    })
    const packaged = readPackage(await Packer.toBuffer(made))
    // A table style of the id casebook's overview uses: red header row, no banding.
    const table = '<w:style w:type="table" w:styleId="CasebookOverview"><w:name w:val="Casebook Overview"/><w:tblPr><w:tblBorders><w:top w:val="double" w:sz="4" w:space="0" w:color="C00000"/></w:tblBorders></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="C00000"/></w:tcPr></w:tblStylePr></w:style>'
    setPartText(packaged, 'word/styles.xml', partText(packaged, 'word/styles.xml')!.replace('</w:styles>', `${table}</w:styles>`))
    writeFileSync(reference, writePackage(packaged, new Date(0)))
    const config = await loadConfig(null)
    const rendered = await renderDocx({ brand: BRAND, docx: { ...config.docx, referenceDoc: reference } })
    parts = rendered
    docx = join(folder, 'report.docx')
    writeFileSync(docx, rendered.bytes)
  })

  it('takes the reference’s table style over casebook’s, and keeps casebook’s other table style', () => {
    const styles = parts.get('word/styles.xml')!
    expect(styles.match(/w:styleId="CasebookOverview"/g)).toHaveLength(1)
    expect(styleOf(styles, 'CasebookOverview')).toContain('w:fill="C00000"')
    expect(styleOf(styles, 'CasebookOverview')).not.toContain('1F3864')
    expect(styleOf(styles, 'CasebookTable')).toContain('<w:name w:val="Casebook Table"/>')
  })

  it('takes the reference’s running header in place of casebook’s, and keeps the cover’s blank', () => {
    const headers = [...parts.keys()].filter((name) => /^word\/header\d+\.xml$/.test(name)).map((name) => parts.get(name)!)
    expect(headers.filter((xml) => xml.includes('HOUSE HEADER 本署专用'))).toHaveLength(1)
    expect(headers.some((xml) => xml.includes('rIdLogo'))).toBe(false)
    const pages = pdfPages(convertToPdf(docx))
    expect(pages[0]).not.toContain('HOUSE HEADER')
    for (const page of pages.slice(1)) expect(page).toContain('HOUSE HEADER 本署专用')
    // Casebook's footer stays: the reference has none.
    expect(pages[2]).toMatch(/第 3 页 共 \d+ 页/)
  })
})

describe('the cover title in LibreOffice', () => {
  it('wraps a long title onto lines that do not overlap', () => {
    const folder = scratch()
    const title = '解码公共服务成功之道：十大典范案例与城市治理现代化的实践路径、经验总结及未来展望研究报告汇编'
    writeFileSync(join(folder, 'casebook.yaml'), [`input: ${JSON.stringify(SEED)}`, `title: ${title}`, 'locales: [zh-CN]', ''].join('\n'))
    const docx = join(buildDocx(['--config', join(folder, 'casebook.yaml')]), 'zh-CN', 'report.docx')
    const pdf = convertToPdf(docx)
    const words = [...run('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdf, '-']).matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    const lines = words.filter((match) => title.includes(match[3]) && match[3].length > 3).map((match) => ({ top: Number(match[1]), bottom: Number(match[2]), text: match[3] }))
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.map((line) => line.text).join('')).toBe(title)
    for (let index = 1; index < lines.length; index++) expect(lines[index].top, lines[index].text).toBeGreaterThanOrEqual(lines[index - 1].bottom)
  })
})

describe('a reference document whose header shows a picture it does not contain', () => {
  it('is a config error naming the header and the missing part, exit 2, with nothing written', async () => {
    const folder = scratch()
    const made = new Document({ sections: [{ headers: { default: new Header({ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: LOGO, transformation: { width: 24, height: 24 } })] })] }) }, children: [new Paragraph('reference')] }] })
    const packaged = readPackage(await Packer.toBuffer(made))
    const media = [...packaged.keys()].find((name) => name.startsWith('word/media/'))!
    packaged.delete(media)
    writeFileSync(join(folder, 'broken-header.docx'), writePackage(packaged, new Date(0)))
    writeFileSync(join(folder, 'casebook.yaml'), [`input: ${JSON.stringify(SEED)}`, 'title: 十大典范案例', 'locales: [zh-CN]', 'docx:', '  referenceDoc: broken-header.docx', ''].join('\n'))
    const result = casebook(['build', '--config', join(folder, 'casebook.yaml'), '--format', 'docx', '--out', join(folder, 'out')])
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toContain(`casebook.yaml: config key “docx.referenceDoc”: the header of ${join(folder, 'broken-header.docx')} (word/header1.xml) shows ${media}, which the file does not contain`)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(folder, 'out', 'zh-CN', 'report.docx'))).toBe(false)
  })
})
