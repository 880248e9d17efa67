/**
 * A house style end to end through the CLI (issue 20's “done when”, the HTML, PDF and slides
 * part): navy and gold, a sans font (a font file for Latin, a fontsource package for CJK) and a
 * PNG logo give the colours and the logo in report.html, report.pdf (the image embedded) and
 * slides.html (on every slide); a changed logo rebuilds, an unchanged one does not.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { startBrowser } from './helpers/browser.js'
import { casebook } from './helpers/cli.js'
import { docxParts } from './helpers/docx-read.js'
import { solidPng } from './helpers/png.js'
import { run } from './helpers/tools.js'

const require = createRequire(import.meta.url)
const NAVY = 'rgb(0, 0, 128)'
const GOLD = 'rgb(255, 215, 0)'

const SOURCE = `引言
这是品牌测试。Hangzhou’s “City Brain” 是一个例子。

案例一 杭州“城市大脑”
1.1 案例背景
杭州市于2016年启动“城市大脑”项目。
1.2 案例分析
- 数据：汇聚交通数据。
1.3 案例启示
数据驱动治理。

案例二 上海“一网通办”
1.1 案例背景
上海市推行“一网通办”。
1.2 案例分析
- 服务：一门式办理。
1.3 案例启示
以人民为中心。
`

describe('a house style in every format the browser shows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-brand-pack-'))
  const logo = solidPng(48, [10, 20, 30])
  let session: BrowserSession
  let build: ReturnType<typeof casebook>

  beforeAll(async () => {
    // A sans font: Noto Sans SC's Latin slice as the project's own file, Noto Sans SC from fontsource for CJK.
    copyFileSync(join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files', 'noto-sans-sc-latin-400-normal.woff2'), join(dir, 'house-sans.woff2'))
    writeFileSync(join(dir, 'logo.png'), logo)
    writeFileSync(join(dir, 'cases.txt'), SOURCE)
    writeFileSync(
      join(dir, 'casebook.yaml'),
      [
        'title: 品牌测试简报',
        'brand:',
        '  colors:',
        '    primary: navy',
        '    accent: gold',
        '  fonts:',
        '    body:',
        '      latin: house-sans.woff2',
        '      cjk: "@fontsource/noto-sans-sc"',
        '  logo: logo.png',
        '  organisation: 某市发展研究中心',
        '  classification: 内部资料 注意保密',
        '',
      ].join('\n'),
    )
    build = casebook(['build', 'cases.txt', '-f', 'html,pdf,slides', '-o', 'out'], { cwd: dir })
    session = await startBrowser()
  }, 180_000)
  afterAll(async () => session?.close())

  it('builds', () => {
    expect(build.code, build.stderr).toBe(0)
  })

  it('report.html: the colours as properties and on the page, the sans faces, the logo inlined on the cover', async () => {
    const html = readFileSync(join(dir, 'out', 'zh-CN', 'report.html'), 'utf8')
    expect(html).toContain('--brand-primary:#000080;--brand-accent:#ffd700;')
    expect(html).toContain(`src="data:image/png;base64,${logo.toString('base64').replace(/=/g, '&#x3D;')}"`)
    const page = await session.browser.newPage()
    await page.goto(pathToFileURL(join(dir, 'out', 'zh-CN', 'report.html')).href, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    const seen = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!)
      const logo = document.querySelector<HTMLImageElement>('#cover img.cover-logo')!
      return {
        title: style('.cover-title').color,
        heading: style('.case h2').color,
        rule: style('.cover-rule').backgroundColor,
        family: style('p').fontFamily,
        logo: { width: logo.naturalWidth, complete: logo.complete },
        lines: [style('.cover-classification').color, document.querySelector('.cover-classification')!.textContent, document.querySelector('.cover-brand-name')!.textContent],
        loaded: [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, '')),
      }
    })
    await page.close()
    expect(seen.title).toBe(NAVY)
    expect(seen.heading).toBe(NAVY)
    expect(seen.rule).toBe(GOLD)
    expect(seen.logo).toEqual({ width: 48, complete: true })
    expect(seen.lines).toEqual([GOLD, '内部资料 注意保密', '某市发展研究中心'])
    // The project's file first (under a name of its own), Noto Sans SC behind it, sans-serif last.
    expect(seen.family).toMatch(/^casebook-file-[0-9a-f]{12}, "Noto Sans SC", .*sans-serif$/)
    expect(seen.loaded).toContain('Noto Sans SC')
    expect(seen.loaded.some((family) => family.startsWith('casebook-file-'))).toBe(true)
  })

  it('report.pdf: the logo embedded on the cover, the brand’s lines at the foot of every other page', () => {
    const pdf = join(dir, 'out', 'zh-CN', 'report.pdf')
    const images = run('pdfimages', ['-list', pdf]).split('\n').slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/))
    expect(images.map(([page, , type, width, height]) => [page, type, width, height])).toEqual([['1', 'image', '48', '48']])
    const pages = run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']).split('\f').slice(0, -1)
    expect(pages.length).toBeGreaterThan(3)
    // The cover shows the lines itself, once each, and no running head or foot line.
    expect(pages[0].match(/内部资料 注意保密/g)).toHaveLength(1)
    expect(pages[0].match(/某市发展研究中心/g)).toHaveLength(1)
    for (const [index, text] of pages.slice(1).entries()) {
      const foot = text.trimEnd().split('\n').at(-1)!
      expect(foot, `page ${index + 2}`).toMatch(/^\s*内部资料 注意保密\s+.*\d.*\s+某市发展研究中心$/)
    }
    expect(run('pdffonts', [pdf])).toMatch(/NotoSansSC/)
  })

  it('slides.html: the logo in the corner of every slide and on the title slide, the colours, the classification line', async () => {
    const page = await session.browser.newPage()
    // Without its script the deck shows every slide, one after another.
    await page.setJavaScriptEnabled(false)
    await page.goto(pathToFileURL(join(dir, 'out', 'zh-CN', 'slides.html')).href, { waitUntil: 'load' })
    const slides = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('section.slide')].map((slide) => {
        const corner = slide.querySelector<HTMLElement>('.brand-corner')
        const box = slide.getBoundingClientRect()
        const at = corner?.getBoundingClientRect()
        return {
          kind: [...slide.classList].find((name) => name.startsWith('kind-')),
          corner: corner ? getComputedStyle(corner).backgroundImage.slice(0, 27) : null,
          inside: at ? at.width > 0 && at.height > 0 && at.top >= box.top && at.right <= box.right && at.right > box.right - 60 && at.top < box.top + 40 : false,
          titleLogo: slide.querySelector<HTMLImageElement>('img.title-logo')?.naturalWidth ?? null,
          classification: slide.querySelector('.footer-classification, .title-classification')?.textContent ?? null,
          heading: getComputedStyle(slide.querySelector('h1, h2')!).color,
          side: slide.querySelector('.title-side') ? getComputedStyle(slide.querySelector('.title-side')!).backgroundColor : null,
        }
      }),
    )
    await page.close()
    expect(slides.length).toBeGreaterThan(4)
    for (const [index, slide] of slides.entries()) {
      expect(slide.corner, `slide ${index + 1}`).toBe('url("data:image/png;base64,')
      expect(slide.inside, `slide ${index + 1}: the logo sits in its top right corner`).toBe(true)
      expect(slide.classification, `slide ${index + 1}`).toBe('内部资料 注意保密')
      expect(slide.heading, `slide ${index + 1}`).toBe(NAVY)
    }
    expect(slides[0]).toMatchObject({ kind: 'kind-title', titleLogo: 48, side: NAVY })
  })

  it('makes the same bytes from another folder: nothing of the brand depends on where the project is', () => {
    const moved = mkdtempSync(join(tmpdir(), 'casebook-brand-moved-'))
    cpSync(dir, moved, { recursive: true, filter: (path) => !path.includes(`${join(dir, 'out')}`) })
    const env = { SOURCE_DATE_EPOCH: '1767225600' }
    for (const folder of [dir, moved]) expect(casebook(['build', 'cases.txt', '-f', 'html,slides', '-o', 'same'], { cwd: folder, env }).code).toBe(0)
    for (const name of ['report.html', 'slides.html']) {
      expect(readFileSync(join(moved, 'same', 'zh-CN', name)).equals(readFileSync(join(dir, 'same', 'zh-CN', name))), name).toBe(true)
    }
  })

  it('rebuilds for a changed logo, and nothing for an unchanged one', () => {
    const again = casebook(['build', 'cases.txt', '-f', 'html,slides', '-o', 'out'], { cwd: dir })
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout + again.stderr).not.toMatch(/wrote /)
    writeFileSync(join(dir, 'logo.png'), solidPng(48, [200, 20, 30]))
    const changed = casebook(['build', 'cases.txt', '-f', 'html,slides', '-o', 'out'], { cwd: dir })
    expect(changed.code, changed.stderr).toBe(0)
    expect(changed.stdout + changed.stderr).toMatch(/wrote out\/zh-CN\/report\.html/)
    expect(changed.stdout + changed.stderr).toMatch(/wrote out\/zh-CN\/slides\.html/)
    expect(readFileSync(join(dir, 'out', 'zh-CN', 'report.html'), 'utf8')).toContain(solidPng(48, [200, 20, 30]).toString('base64').replace(/=/g, '&#x3D;'))
  })
})

describe('the brand in the zh-TW pack', () => {
  it('shows the organisation and classification line in Traditional, as the title is, in every format; zh-CN as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-brand-tw-'))
    writeFileSync(join(dir, 'cases.txt'), SOURCE)
    writeFileSync(join(dir, 'casebook.yaml'), ['title: 品牌测试简报', 'brand:', '  organisation: 某省农业发展研究中心', '  classification: 内部资料 注意保密', ''].join('\n'))
    const result = casebook(['build', 'cases.txt', '-l', 'zh-CN,zh-TW', '-f', 'html,pdf,slides,docx', '-o', 'out'], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    const read = (path: string) => readFileSync(join(dir, 'out', path), 'utf8')
    const docx = [...docxParts(join(dir, 'out/zh-TW/report.docx'))].filter(([name]) => /^word\/(header\d*|footer\d*|document)\.xml$/.test(name)).map(([, xml]) => xml).join('\n')
    const pdf = run('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'out/zh-TW/report.pdf'), '-'])
    // The deck shows the classification line (the organisation on slides is the document's, not the brand's).
    for (const [name, text] of [['report.html', read('zh-TW/report.html')], ['slides.html', read('zh-TW/slides.html')], ['report.docx', docx], ['report.pdf', pdf]] as const) {
      expect(text, name).toContain('內部資料 注意保密')
      if (name !== 'slides.html') expect(text, name).toContain('某省農業發展研究中心')
      expect(text, name).not.toContain('内部资料')
      expect(text, name).not.toContain('某省农业发展研究中心')
    }
    expect(read('zh-TW/report.html')).toContain('品牌測試簡報')
    // The zh-CN pack shows the brand as written.
    expect(read('zh-CN/report.html')).toContain('内部资料 注意保密')
    expect(read('zh-CN/report.html')).toContain('某省农业发展研究中心')
  }, 180_000)
})
