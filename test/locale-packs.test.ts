/** One source, one run, a pack per locale: labels, script, quotes and language as a reader's browser shows them. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { casebook, SEED } from './helpers/cli.js'
import { openPage, startBrowser } from './helpers/browser.js'

interface ReportText {
  lang: string
  title: string
  body: string
  contents: string
  overview: string
  caseCount: string
  date: string
  caseHeadings: string[]
  sectionTitles: string[]
  untranslated: number
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/
const LOCALES = ['zh-CN', 'zh-TW', 'zh-HK', 'en']
let session: BrowserSession
const reports = new Map<string, ReportText>()
let buildOutput = ''

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'casebook-locale-'))
  const result = casebook(['build', SEED, '--format', 'html', '--locale', LOCALES.join(','), '--out', out])
  buildOutput = result.stderr
  expect(result.code, result.stderr).toBe(0)
  session = await startBrowser()
  for (const locale of LOCALES) {
    const { page } = await openPage(session.browser, pathToFileURL(join(out, locale, 'report.html')).href)
    try {
      reports.set(locale, await page.evaluate(() => {
        const text = (selector: string) => (document.querySelector(selector) as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? ''
        const all = (selector: string) => Array.from(document.querySelectorAll(selector)).map((element) => (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
        return {
          lang: document.documentElement.lang,
          title: document.title,
          body: document.body.innerText,
          contents: text('#contents-title'),
          overview: text('#overview-title'),
          caseCount: text('.cover-count'),
          date: text('.cover-date'),
          caseHeadings: all('article.case h2'),
          sectionTitles: all('article.case h3'),
          untranslated: document.querySelectorAll('article.case.untranslated, .untranslated-note').length,
        }
      }))
    } finally {
      await page.close()
    }
  }
}, 120_000)
afterAll(async () => {
  await session?.close()
})

describe('locale packs of the seed', () => {
  it('builds every locale in one run with no warnings: the shipped translation is complete and current', () => {
    // The one warning is the seed's own: its half-width punctuation in Chinese text, one line for the file (cjk-punctuation).
    const said = buildOutput.split('\n').filter((line) => /warning|error/.test(line))
    expect(said).toHaveLength(1)
    expect(said[0]).toMatch(/ warning \d+ half-width punctuation marks in Chinese text, .+ cjk-punctuation$/)
    for (const locale of LOCALES) expect(buildOutput).toContain(`${locale}/report.html`)
  })

  it('marks each report with its language', () => {
    for (const locale of LOCALES) expect(reports.get(locale)!.lang).toBe(locale)
  })

  it('prints each locale’s own labels', () => {
    const label = (locale: string) => {
      const report = reports.get(locale)!
      return [report.contents, report.overview, report.caseCount, report.date, report.caseHeadings[0], report.sectionTitles.slice(0, 3).join('|')]
    }
    expect(label('zh-CN')).toEqual(['目录', '案例总览', '共 10 个案例', '2026年11月29日', '案例一 上海智慧城市建设', '1.1案例背景|1.2案例分析|1.3案例启示'])
    expect(label('zh-TW')).toEqual(['目錄', '案例總覽', '共 10 個案例', '2026年11月29日', '案例一 上海智慧城市建設', '1.1案例背景|1.2案例分析|1.3案例啟示'])
    expect(label('en')).toEqual(['Contents', 'Overview of the cases', '10 cases', 'November 29, 2026', 'Case 1 Shanghai Smart City Development', '1.1Background|1.2Analysis|1.3Insight'])
    expect(reports.get('en')!.caseHeadings[9]).toBe('Case 10 Guangzhou’s “Smart Healthcare”')
  })

  it('gives zh-TW Traditional script with Taiwan phrasing and corner quotes', () => {
    const { body, title, caseHeadings } = reports.get('zh-TW')!
    // The source's half-width colon is printed full-width in zh-TW too (typography.punctuation).
    expect(title).toBe('解碼公共服務成功之道：十大典範案例')
    expect(caseHeadings[1]).toBe('案例二 杭州「城市大腦」')
    for (const phrase of ['資訊共享', '最佳化城市規劃', '線上辦理', '線上教育平臺', '城市化進程', '社區治理', '循環利用']) expect(body).toContain(phrase)
    for (const simplified of ['信息', '优化', '在线', '城市大脑', '“', '”', '社群', '程序', '迴圈']) expect(body).not.toContain(simplified)
  })

  it('gives zh-HK Traditional script with Hong Kong wording, from a catalog that is only data', () => {
    const { body, caseHeadings, contents } = reports.get('zh-HK')!
    expect(contents).toBe('目錄')
    expect(caseHeadings[1]).toBe('案例二 杭州「城市大腦」')
    expect(body).toContain('優化')
    expect(body).not.toContain('最佳化')
    expect(body).not.toMatch(/[“”]/)
  })

  it('gives en entirely in English, labels and text, with no case marked untranslated', () => {
    const { body, title, untranslated } = reports.get('en')!
    expect(title).toBe('Decoding Success in Public Services: Ten Exemplary Cases')
    expect(body.match(new RegExp(CJK.source, 'g'))).toBeNull()
    expect(body).toContain('Prepared by Public Service Innovation Case Study Group')
    expect(body).toContain('Big-data applications are an important tool for public-service innovation')
    expect(untranslated).toBe(0)
  })
})
