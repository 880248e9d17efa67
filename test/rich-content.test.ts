/**
 * Tables, figures, numbered lists, quotes, code, rules and footnotes, from a
 * Markdown source and from outline text, through every format, read by
 * their readers: Chromium for the report and the deck, poppler for the PDF,
 * the package's XML and LibreOffice for the .docx.
 */
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'puppeteer-core'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { buildPack } from '../src/pack/build-pack.js'
import { openPage, startBrowser } from './helpers/browser.js'
import { casebook, ROOT } from './helpers/cli.js'
import { convertToPdf, docxParts } from './helpers/docx-read.js'
import { run } from './helpers/tools.js'
import { overflowingSlides } from './helpers/slides.js'

const FIXTURES = join(ROOT, 'test/fixtures')
const EPOCH = '1767225600'

let session: BrowserSession
beforeAll(async () => {
  session = await startBrowser()
})
afterAll(async () => {
  await session?.close()
})

/** A copy of a fixture folder, so builds never write beside the sources. */
function copyFixture(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `casebook-${name}-`))
  cpSync(join(FIXTURES, name), folder, { recursive: true })
  return folder
}

async function build(input: string, out: string, formats: Array<'html' | 'pdf' | 'slides' | 'docx'> = ['html', 'pdf', 'slides', 'docx']) {
  const saved = process.env.SOURCE_DATE_EPOCH
  process.env.SOURCE_DATE_EPOCH = EPOCH
  try {
    const result = await buildPack({ input, out, formats, locales: ['zh-CN'], cwd: ROOT })
    expect(result.failures).toEqual([])
    return result
  } finally {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH
    else process.env.SOURCE_DATE_EPOCH = saved
  }
}

/** What the report shows of each rich block, read in Chromium. */
async function readReport(page: Page) {
  return page.evaluate(() => {
    const text = (selector: string) => Array.from(document.querySelectorAll(selector)).map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
    const images = Array.from(document.querySelectorAll<HTMLImageElement>('main figure img'))
    return {
      tables: Array.from(document.querySelectorAll('main .section table')).map((table) => ({
        caption: table.querySelector('caption')?.textContent ?? '',
        head: Array.from(table.querySelectorAll('thead th')).map((cell) => cell.textContent),
        rows: Array.from(table.querySelectorAll('tbody tr')).map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent)),
        align: Array.from(table.querySelectorAll('tbody tr:first-child td')).map((cell) => getComputedStyle(cell).textAlign),
        rowBreak: getComputedStyle(table.querySelector('tr')!).breakInside,
      })),
      images: images.map((image) => ({ src: image.src.slice(0, 22), alt: image.alt, loaded: image.complete && image.naturalWidth > 0, fits: image.getBoundingClientRect().width <= image.closest('section')!.getBoundingClientRect().width })),
      captions: text('main figcaption'),
      ordered: Array.from(document.querySelectorAll('main ol:not(.toc ol)')).filter((list) => !list.closest('.footnotes, nav, .toc')).map((list) => ({ start: (list as HTMLOListElement).start, items: Array.from(list.children).map((item) => item.textContent) })),
      quotes: text('main blockquote'),
      code: text('main pre code'),
      rules: document.querySelectorAll('main hr').length,
      calls: text('main sup.footnote-ref'),
      notes: text('main .footnotes li'),
      rawPipes: (document.querySelector('main')!.textContent ?? '').includes('|'),
      rawImage: (document.querySelector('main')!.textContent ?? '').includes('!['),
      overview: text('.overview-points li'),
    }
  })
}

describe('a Markdown document with a table, pictures, a numbered list, a quote, code and footnotes', () => {
  let folder: string
  let out: string
  beforeAll(async () => {
    folder = copyFixture('rich-markdown')
    out = mkdtempSync(join(tmpdir(), 'casebook-rich-out-'))
    await build(join(folder, 'input.md'), out)
  }, 240_000)

  it('shows each in the report as what it is, the pictures inlined, the notes at the end of their part', async () => {
    const { page, requests } = await openPage(session.browser, pathToFileURL(join(out, 'zh-CN', 'report.html')).href)
    try {
      const report = await readReport(page)
      expect(report.tables).toEqual([
        { caption: '表 1', head: ['指标', '2023 年', '2024 年'], rows: [['接入事项', '120', '150'], ['群众满意度', '90%', '95%']], align: ['left', 'right', 'center'], rowBreak: 'avoid' },
      ])
      expect(report.images).toEqual([
        { src: 'data:image/png;base64,', alt: '城运中心大屏上的实时数据', loaded: true, fits: true },
        // The SVG is an <img> (its script never runs), not inline markup.
        { src: 'data:image/svg+xml;bas', alt: '流程示意', loaded: true, fits: true },
      ])
      expect(report.captions).toEqual(['图 1 城运中心数据大屏', '图 2'])
      expect(report.ordered).toEqual([{ start: 3, items: ['受理诉求', '派单处置', '回访评价'] }])
      expect(report.quotes).toEqual(['一屏观全域，一网管全城。'])
      expect(report.code).toEqual(["const city = 'shanghai'"])
      expect(report.rules).toBe(1)
      expect(report.calls).toEqual(['1', '1'])
      expect(report.notes).toEqual(['资料来源：上海市人民政府公报，2024 年。 ↩', '含公安、交通、城管等部门。 ↩'])
      expect(report.rawPipes).toBe(false)
      expect(report.rawImage).toBe(false)
      // The numbered list and the quote are not findings; the labelled points are.
      expect(report.overview).toEqual(['数据汇聚', '联动处置'])
      expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([])
      expect(await page.evaluate(() => document.querySelectorAll('svg script, script').length)).toBe(0)
    } finally {
      await page.close()
    }
  })

  it('prints them in the PDF: the pictures as images, the table without pipes, the numbers and the notes', () => {
    const pdf = join(out, 'zh-CN', 'report.pdf')
    const images = run('pdfimages', ['-list', pdf]).split('\n').slice(2).filter(Boolean)
    expect(images.length).toBeGreaterThanOrEqual(1)
    expect(images.some((line) => /\s400\s+200\s/.test(line))).toBe(true)
    const text = run('pdftotext', ['-layout', pdf, '-'])
    // pdftotext lays out by glyph positions, so the space in “表 1” may or may not come out.
    expect(text).toMatch(/表 ?1/)
    expect(text).toMatch(/图 ?1 城运中心数据大屏/)
    for (const expected of ['群众满意度', '95%', '3. 受理诉求', '5. 回访评价', '一屏观全域', "const city = 'shanghai'", '资料来源：上海市人民政府公报', '含公安、交通、城管等部门']) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain('|')
  })

  it('writes native Word: a styled w:tbl, pictures in word/media with alt text, numbering from 3, real footnotes, Quote and Code Block', () => {
    const docx = join(out, 'zh-CN', 'report.docx')
    const parts = docxParts(docx)
    const body = parts.get('word/document.xml')!
    expect(body).toMatch(/<w:tbl><w:tblPr><w:tblStyle w:val="CasebookTable"\/>/)
    expect(body).toContain('<w:tblHeader/>')
    expect(parts.get('word/styles.xml')).toContain('w:styleId="CasebookTable"')
    expect(body).toContain('descr="城运中心大屏上的实时数据"')
    expect([...parts.keys()].filter((name) => name.startsWith('word/media/')).sort()).toEqual(['word/media/image1.png', 'word/media/image2.svg'])
    expect(parts.get('word/_rels/document.xml.rels')).toContain('Target="media/image1.png"')
    // The picture's own bytes, not a re-encoding.
    expect(Buffer.from(unzipSync(readFileSync(docx))['word/media/image1.png']).equals(readFileSync(join(folder, 'chart.png')))).toBe(true)
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2)
    expect(parts.get('word/footnotes.xml')).toContain('资料来源：上海市人民政府公报')
    expect(parts.get('word/numbering.xml')).toMatch(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"\/>/)
    expect(body).toContain('<w:pStyle w:val="Quote"/>')
    expect(body).toContain('<w:pStyle w:val="CodeBlock"/>')
    expect(body).toContain('SEQ Figure')
    // Read as LibreOffice reads it: every cell, the captions, the numbers and the footnotes are there.
    const text = run('pdftotext', ['-layout', convertToPdf(docx), '-'])
    for (const expected of ['接入事项', '群众满意度', '95%', '3. 受理诉求', '一屏观全域', '资料来源：上海市人民政府公报']) expect(text).toContain(expected)
    expect(text).toMatch(/表 ?1/)
    expect(text).toMatch(/图 ?1 城运中心数据大屏/)
    expect(text).not.toContain('|')
  }, 180_000)

  it('puts them on slides that never overflow, the footnotes in the speaker notes', async () => {
    const { page } = await openPage(session.browser, pathToFileURL(join(out, 'zh-CN', 'slides.html')).href)
    try {
      expect(await overflowingSlides(page)).toEqual([])
      const deck = await page.evaluate(() => ({
        images: Array.from(document.querySelectorAll<HTMLImageElement>('.slide-figure img')).map((image) => image.complete && image.naturalWidth > 0),
        tableRows: Array.from(document.querySelectorAll('.slide-table tbody tr')).map((row) => row.textContent),
        ordered: Array.from(document.querySelectorAll('.slide .body-text')).map((line) => line.textContent).filter((line) => /^\d+\./.test(line ?? '')),
        notes: Array.from(document.querySelectorAll('.notes .footnotes li')).map((item) => item.textContent ?? ''),
      }))
      expect(deck.images).toEqual([true, true])
      expect(deck.tableRows).toEqual(['接入事项120150', '群众满意度90%95%'])
      expect(deck.ordered).toEqual(['3. 受理诉求', '4. 派单处置', '5. 回访评价'])
      expect(deck.notes.some((note) => note.includes('含公安、交通、城管等部门'))).toBe(true)
    } finally {
      await page.close()
    }
  })

  it('converts the text of cells, captions, quotes and footnotes for zh-TW', async () => {
    const twOut = mkdtempSync(join(tmpdir(), 'casebook-rich-tw-'))
    const result = await buildPack({ input: join(folder, 'input.md'), out: twOut, formats: ['html'], locales: ['zh-TW'], cwd: ROOT })
    expect(result.failures).toEqual([])
    const html = readFileSync(join(twOut, 'zh-TW', 'report.html'), 'utf8')
    for (const expected of ['群眾滿意度', '圖 1', '城運中心', '一屏觀全域', '資料來源', '公安、交通、城管']) expect(html).toContain(expected)
  })

  it('gives byte-identical artifacts for the same input and SOURCE_DATE_EPOCH', async () => {
    const again = mkdtempSync(join(tmpdir(), 'casebook-rich-again-'))
    await build(join(folder, 'input.md'), again, ['html', 'slides', 'docx', 'pdf'])
    for (const name of ['report.html', 'slides.html', 'report.docx', 'report.pdf']) {
      expect(readFileSync(join(again, 'zh-CN', name)).equals(readFileSync(join(out, 'zh-CN', name))), name).toBe(true)
    }
  }, 120_000)

  it('rebuilds what shows a picture when its bytes change, and the edition notes name the case', async () => {
    const edited = mkdtempSync(join(tmpdir(), 'casebook-rich-edit-'))
    await build(join(folder, 'input.md'), edited, ['html'])
    const before = readFileSync(join(edited, 'zh-CN', 'report.html'))
    // Same name and size, other bytes: another colour.
    writeFileSync(join(folder, 'diagram.svg'), readFileSync(join(folder, 'diagram.svg'), 'utf8').replace('#2a6', '#a26'))
    const result = await build(join(folder, 'input.md'), edited, ['html'])
    expect(result.written).toContain('zh-CN/report.html')
    expect(readFileSync(join(edited, 'zh-CN', 'report.html')).equals(before)).toBe(false)
    expect(readFileSync(join(edited, 'CHANGES.md'), 'utf8')).toContain('上海“一网统管”')
  }, 120_000)
})

describe('lists of figures and tables after the contents (config lists)', () => {
  it('are pages of the PDF with page numbers, and Word fields over the captions in the .docx', async () => {
    const folder = copyFixture('rich-markdown')
    writeFileSync(join(folder, 'casebook.yaml'), 'lists: [figures, tables]\n')
    const out = mkdtempSync(join(tmpdir(), 'casebook-rich-lists-'))
    const saved = process.env.SOURCE_DATE_EPOCH
    process.env.SOURCE_DATE_EPOCH = EPOCH
    try {
      const result = await buildPack({ input: join(folder, 'input.md'), out, formats: ['pdf', 'docx'], locales: ['zh-CN'], config: join(folder, 'casebook.yaml'), cwd: ROOT })
      expect(result.failures).toEqual([])
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH
      else process.env.SOURCE_DATE_EPOCH = saved
    }
    const pages = run('pdftotext', ['-layout', join(out, 'zh-CN', 'report.pdf'), '-']).split('\f')
    const figures = pages.findIndex((page) => page.includes('图目录'))
    const tables = pages.findIndex((page) => page.includes('表目录'))
    const contents = pages.findIndex((page) => page.includes('目录') && page.includes('案例总览'))
    expect(contents).toBeGreaterThan(0)
    expect(figures).toBeGreaterThan(contents)
    expect(tables).toBeGreaterThan(figures)
    // Each entry with the page its figure is on.
    const entry = /图 ?1 城运中心数据大屏\s+(\d+)/.exec(pages[figures])
    expect(entry).not.toBeNull()
    expect(pages[Number(entry![1]) - 1]).toMatch(/图 ?1 城运中心数据大屏/)
    const body = docxParts(join(out, 'zh-CN', 'report.docx')).get('word/document.xml')!
    expect(body).toContain('TOC \\h \\z \\c &quot;Figure&quot;')
    expect(body).toContain('TOC \\h \\z \\c &quot;Table&quot;')
    expect(body).toMatch(/<w:hyperlink w:history="1" w:anchor="_Fig1"><w:r><w:t xml:space="preserve">图 1 城运中心数据大屏<\/w:t>/)
    expect(body).toContain('<w:bookmarkStart w:name="_Fig1"')
  }, 180_000)
})

describe('outline text with a pipe table, a picture line, numbered lines, quote lines and a footnote', () => {
  let out: string
  beforeAll(async () => {
    const folder = copyFixture('rich-outline')
    out = mkdtempSync(join(tmpdir(), 'casebook-rich-outline-out-'))
    await build(join(folder, 'input.txt'), out)
  }, 240_000)

  it('shows the same blocks in the report', async () => {
    const { page } = await openPage(session.browser, pathToFileURL(join(out, 'zh-CN', 'report.html')).href)
    try {
      const report = await readReport(page)
      expect(report.tables.map((table) => [table.caption, table.head, table.rows, table.align])).toEqual([['表 1', ['指标', '2023 年', '2024 年'], [['接入系统', '80', '96'], ['通行效率', '12%', '15%']], ['left', 'right', 'center']]])
      expect(report.images).toEqual([{ src: 'data:image/png;base64,', alt: '城市大脑指挥中心', loaded: true, fits: true }])
      expect(report.captions).toEqual(['图 1 城市大脑指挥中心'])
      expect(report.ordered).toEqual([{ start: 1, items: ['汇聚数据', '分析研判', '协同处置'] }])
      expect(report.quotes).toEqual(['让城市会思考。'])
      expect(report.rawPipes).toBe(false)
      expect(report.overview).toEqual(['实时监测'])
    } finally {
      await page.close()
    }
  })

  it('prints the picture and the table in the PDF', () => {
    const pdf = join(out, 'zh-CN', 'report.pdf')
    expect(run('pdfimages', ['-list', pdf]).split('\n').slice(2).filter((line) => /\s300\s+300\s/.test(line))).toHaveLength(1)
    const text = run('pdftotext', ['-layout', pdf, '-'])
    expect(text).toMatch(/图 ?1 城市大脑指挥中心/)
    for (const expected of ['接入系统', '15%', '2. 分析研判', '让城市会思考', '杭州市数据资源管理局，2024 年。']) expect(text).toContain(expected)
    expect(text).not.toContain('|')
    expect(text).not.toContain('[^1]')
  })

  it('puts the table and the picture on slides that never overflow', async () => {
    const { page } = await openPage(session.browser, pathToFileURL(join(out, 'zh-CN', 'slides.html')).href)
    try {
      expect(await overflowingSlides(page)).toEqual([])
      expect(await page.evaluate(() => Array.from(document.querySelectorAll('.slide-table tbody td')).map((cell) => [cell.textContent, getComputedStyle(cell).textAlign]))).toEqual([
        ['接入系统', 'left'], ['80', 'right'], ['96', 'center'], ['通行效率', 'left'], ['12%', 'right'], ['15%', 'center'],
      ])
      expect(await page.evaluate(() => Array.from(document.querySelectorAll<HTMLImageElement>('.slide-figure img')).map((image) => image.naturalWidth))).toEqual([300])
    } finally {
      await page.close()
    }
  })

  it('writes a native table, the picture and Word numbering into the .docx', () => {
    const parts = docxParts(join(out, 'zh-CN', 'report.docx'))
    const body = parts.get('word/document.xml')!
    expect(body).toContain('<w:tblStyle w:val="CasebookTable"/>')
    expect(parts.has('word/media/image1.png')).toBe(true)
    expect(body).toContain('descr="城市大脑指挥中心"')
    expect(body).toContain('<w:pStyle w:val="Quote"/>')
    expect(body).toContain('<w:footnoteReference w:id="1"/>')
    expect(parts.get('word/footnotes.xml')).toContain('杭州市数据资源管理局，2024 年。')
    expect(body).not.toContain('[^1]')
  })
})

describe('pictures that cannot be shown', () => {
  const write = (files: Record<string, string | Buffer>): string => {
    const folder = mkdtempSync(join(tmpdir(), 'casebook-rich-bad-'))
    for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content)
    return folder
  }
  const doc = (image: string) => `# 案例一:标题\n## 1.1 案例背景\n正文。\n\n${image}\n`

  it('a missing picture is a content error (exit 1) at the file:line:column of its reference, and nothing is written', () => {
    const folder = write({ 'input.md': doc('![图](missing.png)') })
    const out = join(folder, 'out')
    const result = casebook(['build', join(folder, 'input.md'), '--out', out, '--format', 'html'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${join(folder, 'input.md')}:5:1 error Picture missing.png does not exist`)
    expect(result.stderr).toContain('image-unreadable')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('a picture outside the input folder, an oversized one and one that is no picture are errors too', () => {
    const folder = write({ 'input.md': doc('![a](../escape.png)\n\n![b](big.png)\n\n![c](notes.png)'), 'big.png': Buffer.alloc(64, 0), 'notes.png': 'just text' })
    writeFileSync(join(folder, 'casebook.yaml'), 'images:\n  maxBytes: 32\n')
    const result = casebook(['check', join(folder, 'input.md'), '--config', join(folder, 'casebook.yaml')])
    expect(result.code).toBe(1)
    expect(result.stdout + result.stderr).toMatch(/input\.md:5:1 error Picture \.\.\/escape\.png is outside the input folder.*image-outside/)
    expect(result.stdout + result.stderr).toMatch(/input\.md:7:1 error Picture big\.png is 0\.0 MB, more than images\.maxBytes.*image-unreadable/)
    expect(result.stdout + result.stderr).toMatch(/input\.md:9:1 error Picture notes\.png is not a PNG, JPEG, WebP, GIF or SVG picture.*image-unreadable/)
  })

  it('a link to a file outside the folder is refused; a folder reached through a link reads its pictures', () => {
    const outside = write({ 'secret.png': readFileSync(join(FIXTURES, 'rich-markdown', 'chart.png')) })
    const folder = write({ 'input.md': doc('![图](leak.png)') })
    symlinkSync(join(outside, 'secret.png'), join(folder, 'leak.png'))
    const refused = casebook(['check', join(folder, 'input.md')])
    expect(refused.code).toBe(1)
    expect(refused.stdout + refused.stderr).toMatch(/input\.md:5:1 error Picture leak\.png links to a file outside the input folder.*image-outside/)
    const linked = join(mkdtempSync(join(tmpdir(), 'casebook-rich-link-')), 'cases')
    symlinkSync(copyFixture('rich-markdown'), linked)
    const result = casebook(['check', join(linked, 'input.md')])
    expect(result.code, result.stdout + result.stderr).toBe(0)
  })

  it('a remote picture is never fetched: a warning, and a link in the report; a picture without alt text is a warning', () => {
    const folder = write({ 'input.md': doc('![](https://example.org/a.png)') })
    const out = join(folder, 'out')
    const result = casebook(['build', join(folder, 'input.md'), '--out', out, '--format', 'html'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toMatch(/input\.md:5:1 warning Picture https:\/\/example\.org\/a\.png is not on this machine.*image-remote/)
    expect(result.stderr).toMatch(/input\.md:5:1 warning Picture https:\/\/example\.org\/a\.png has no alt text.*image-alt/)
    expect(readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8')).toContain('<a href="https://example.org/a.png" class="image-link">https://example.org/a.png</a>')
  })

  it('an unknown list in the config is a config error (exit 2) that says what was meant', () => {
    const folder = write({ 'input.md': doc('正文。'), 'casebook.yaml': 'lists: [figure]\n' })
    const result = casebook(['check', join(folder, 'input.md'), '--config', join(folder, 'casebook.yaml')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('did you mean “figures”?')
  })
})
