/**
 * A document that names neither its language nor its title, as a new user's
 * first try often is: an English outline gets an English pack (labels, lang,
 * no translation asked for) named after its file, and a Chinese one a zh-CN pack.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { openPage, startBrowser } from './helpers/browser.js'
import { casebook } from './helpers/cli.js'

const ENGLISH = [
  'Introduction',
  'Two cities reused what they had.',
  'Case 1: Tallinn e-Residency',
  '1.1 Background',
  'Estonia opened its digital identity to foreigners in 2014.',
  '1.2 Analysis',
  '- Reach: 100,000 e-residents by 2021.',
  '1.3 Lessons',
  'Build on what exists.',
  'Case 2: Seoul 120 Dasan',
  '2.1 Background',
  'A single city call centre.',
  '2.2 Analysis',
  '* Access: one number for every service',
  '2.3 Lessons',
  'One door is better than many.',
  'Conclusion',
  'Both reused shared infrastructure.',
].join('\n')

const CHINESE = ['一、案例一:杭州“城市大脑”', '1.1 案例背景', '杭州推进城市大脑建设。', '1.2 案例分析', '- 协同:打破部门壁垒。', '1.3 案例启示', '数据驱动治理。'].join('\n')

let session: BrowserSession
let folder: string

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'casebook-language-'))
  writeFileSync(join(folder, 'two-cities.txt'), ENGLISH)
  writeFileSync(join(folder, 'hangzhou.txt'), CHINESE)
  session = await startBrowser()
})

afterAll(async () => {
  await session?.close()
})

/** What a reader's browser shows of a report. */
async function readReport(path: string) {
  const { page } = await openPage(session.browser, pathToFileURL(path).href)
  try {
    return await page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      headings: [...document.querySelectorAll('article.case h2')].map((heading) => (heading as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      body: document.body.innerText,
    }))
  } finally {
    await page.close()
  }
}

describe('a document that names no language and no title', () => {
  it('in English builds one English pack by default, titled after its file', async () => {
    const out = join(folder, 'out-default')
    const result = casebook(['build', join(folder, 'two-cities.txt'), '--format', 'html', '--out', out])
    expect(result.code, result.stderr).toBe(0)
    expect(readdirSync(out).filter((name) => !name.includes('.'))).toEqual(['en'])
    expect(result.stderr).toMatch(/two-cities\.txt:1:1 warning No title: the pack is called “two-cities” after the file.*missing-title/)
    expect(result.stderr).not.toContain('translation-missing')
    const report = await readReport(join(out, 'en', 'report.html'))
    expect(report.lang).toBe('en')
    expect(report.title).toBe('two-cities')
    // The label and the title are separate spans; CSS may or may not put a space between them.
    expect(report.headings.map((heading) => heading.replace(/^(Case \d+)\s*/, '$1 '))).toEqual(['Case 1 Tallinn e-Residency', 'Case 2 Seoul 120 Dasan'])
    expect(report.body).toContain('Estonia opened its digital identity to foreigners in 2014.')
    expect(report.body).not.toMatch(/案例|目录/)
  })

  it('shows an English source as written in another English locale, with no translation asked for', async () => {
    const out = join(folder, 'out-gb')
    const result = casebook(['build', join(folder, 'two-cities.txt'), '--format', 'html', '--locale', 'en-GB', '--out', out])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).not.toContain('translation-missing')
    const report = await readReport(join(out, 'en-GB', 'report.html'))
    expect(report.lang).toBe('en-GB')
    expect(report.body).toContain('One door is better than many.')
    expect(report.body).not.toContain('untranslated')
  })

  it('in Chinese builds a zh-CN pack by default', async () => {
    const out = join(folder, 'out-zh')
    const result = casebook(['build', join(folder, 'hangzhou.txt'), '--format', 'html', '--out', out])
    expect(result.code, result.stderr).toBe(0)
    expect(existsSync(join(out, 'zh-CN', 'report.html'))).toBe(true)
    const report = await readReport(join(out, 'zh-CN', 'report.html'))
    expect(report.lang).toBe('zh-CN')
    expect(report.title).toBe('hangzhou')
    expect(report.headings[0]).toMatch(/^案例一\s*杭州“城市大脑”$/)
  })

  it('is shown by ast and check as the source says it, with the guessed language', () => {
    const ast = casebook(['ast', join(folder, 'two-cities.txt')])
    expect(ast.code, ast.stderr).toBe(0)
    expect(JSON.parse(ast.stdout).data).toEqual({ title: '', lang: 'en' })
    expect(JSON.parse(casebook(['ast', join(folder, 'hangzhou.txt')]).stdout).data.lang).toBe('zh-CN')
    const check = casebook(['check', join(folder, 'two-cities.txt')])
    expect(check.code).toBe(0)
    expect(check.stderr + check.stdout).not.toContain('warning')
  })
})

describe('a front matter lang with no catalog', () => {
  it('is a warning of check at its line, as build without --locale refuses it (exit 2)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'casebook-lang-'))
    writeFileSync(join(folder, 'doc.md'), ['---', 'title: 测试', 'lang: xx-YY', '---', '', '# 案例一 测试', '', '## 背景', '', '内容。', '', '## 分析', '', '- 要点：文字。', '', '## 启示', '', '启示。', ''].join('\n'))
    const check = casebook(['check', join(folder, 'doc.md')])
    expect(check.code, check.stderr).toBe(0)
    expect(check.stdout).toContain('doc.md:3:1 warning Front matter lang: there is no catalog for xx-YY, so casebook build without --locale (or the config\'s locales) refuses it; the locales there are: ')
    const build = casebook(['build', join(folder, 'doc.md'), '--format', 'html', '--out', join(folder, 'out')])
    expect(build.code).toBe(2)
    expect(casebook(['build', join(folder, 'doc.md'), '--format', 'html', '--locale', 'en', '--out', join(folder, 'out')]).code).toBe(0)
  })
})

describe('a source in Traditional Chinese', () => {
  it('that names no language builds a zh-TW pack by default, as written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'casebook-zh-tw-'))
    writeFileSync(join(folder, 'taipei.txt'), ['一、案例一:臺北「後台」整合', '1.1 案例背景', '臺北市為市民整合後台系統與軟體，這是數據治理的開始。', '1.2 案例分析', '- 協同:打破部門壁壘，讓資料流動。', '1.3 案例啟示', '從服務出發。'].join('\n'))
    const out = join(folder, 'out')
    const result = casebook(['build', join(folder, 'taipei.txt'), '--format', 'html', '--out', out])
    expect(result.code, result.stderr).toBe(0)
    expect(readdirSync(out).filter((name) => !name.includes('.'))).toEqual(['zh-TW'])
    const report = await readReport(join(out, 'zh-TW', 'report.html'))
    expect(report.lang).toBe('zh-TW')
    expect(report.body).toContain('臺北市為市民整合後台系統與軟體，這是數據治理的開始。')
    expect(report.body).toContain('目錄')
  })


  it('is read with the Traditional forms of the heading and section words', () => {
    const folder = mkdtempSync(join(tmpdir(), 'casebook-zh-tw-'))
    const source = ['前言', '本文介紹兩個案例。', '一、案例一:臺北', '1.1 案例背景', '臺北市整合後台系統。', '1.2 具體舉措', '- 協同:打破部門壁壘。', '1.3 經驗與啟示', '從服務出發。', '兩、案例兩:高雄', '【案例背景】', '港口城市。', '【案例分析】', '- 數據:開放。', '【案例啟示】', '開放帶來信任。', '結論', '兩個城市都重用了基礎設施。']
    writeFileSync(join(folder, 'two.txt'), source.join('\n'))
    const check = casebook(['check', join(folder, 'two.txt'), '--reporter', 'json'])
    expect(check.code, check.stderr).toBe(0)
    expect(JSON.parse(check.stdout)).toEqual([])
    const tree = JSON.parse(casebook(['ast', join(folder, 'two.txt')]).stdout)
    expect(tree.data.lang).toBe('zh-TW')
    const parts = tree.children.map((node: { type: string; number?: number; title?: string; children: Array<{ kind?: string }> }) => [node.type, node.number ?? node.title, node.type === 'case' ? node.children.map((section) => section.kind) : []])
    expect(parts).toEqual([
      ['intro', '前言', []],
      ['case', 1, ['background', 'analysis', 'insight']],
      ['case', 2, ['background', 'analysis', 'insight']],
      ['conclusion', '結論', []],
    ])
  })

  it('is converted to Simplified for its zh-CN pack, character by character, with the zh-CN quotes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'casebook-zh-tw-'))
    writeFileSync(join(folder, 'taipei.txt'), ['一、案例一:臺北「後台」整合', '1.1 案例背景', '臺北市為市民整合後台系統與軟體，這是數據治理的開始。', '1.2 案例分析', '- 協同:打破部門壁壘。', '1.3 案例啟示', '從服務出發。'].join('\n'))
    const out = join(folder, 'out')
    const result = casebook(['build', join(folder, 'taipei.txt'), '--format', 'html', '--locale', 'zh-CN,zh-HK', '--out', out])
    expect(result.code, result.stderr).toBe(0)
    const simplified = await readReport(join(out, 'zh-CN', 'report.html'))
    // The author's words stay (整合, 軟體 → 软体); OpenCC's Taiwan-to-mainland phrases would write 集成 and 软件.
    expect(simplified.body).toContain('台北市为市民整合后台系统与软体，这是数据治理的开始。')
    expect(simplified.headings[0]).toMatch(/台北“后台”整合$/)
    expect(simplified.body).toContain('目录')
    const hongKong = await readReport(join(out, 'zh-HK', 'report.html'))
    expect(hongKong.lang).toBe('zh-HK')
    expect(hongKong.headings[0]).toMatch(/「後台」整合$/)
  })

  it('that says so is shown as written in its own locale, not converted again', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'casebook-zh-tw-'))
    const source = ['---', 'title: 城市治理', 'lang: zh-TW', '---', '# 案例一:臺北「後台」整合', '## 1.1 案例背景', '臺北市整合後台系統與軟體。', '## 1.2 案例分析', '- **協同**:打破部門壁壘。', '## 1.3 案例啟示', '資料治理。'].join('\n')
    writeFileSync(join(folder, 'taipei.md'), source)
    const out = join(folder, 'out')
    const result = casebook(['build', join(folder, 'taipei.md'), '--format', 'html', '--out', out])
    expect(result.code, result.stderr).toBe(0)
    const report = await readReport(join(out, 'zh-TW', 'report.html'))
    expect(report.lang).toBe('zh-TW')
    // opencc's Taiwan phrasing would write 後臺 for 後台: the source's own words stay.
    expect(report.body).toContain('臺北市整合後台系統與軟體。')
    expect(report.headings[0]).toMatch(/臺北「後台」整合$/)
  })
})
