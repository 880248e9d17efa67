/** The HTML report as a reader's browser sees it: real Chromium, from file://, offline. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { buildPack } from '../src/pack/build-pack.js'
import { SEED, ROOT } from './helpers/cli.js'
import { openPage, startBrowser } from './helpers/browser.js'

let session: BrowserSession
beforeAll(async () => {
  session = await startBrowser()
})
afterAll(async () => {
  await session?.close()
})

async function buildHtml(input: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'casebook-html-'))
  const result = await buildPack({ input, out, formats: ['html'], locales: ['zh-CN'], cwd: ROOT })
  expect(result.artifacts.map((artifact) => artifact.path)).toEqual(['zh-CN/report.html'])
  return join(out, 'zh-CN', 'report.html')
}

describe('seed report.html', () => {
  it('shows cover, contents, intro, every case with labels, overview and conclusion, in order, offline', async () => {
    const file = await buildHtml(SEED)
    const url = pathToFileURL(file).href
    const { page, requests } = await openPage(session.browser, url)
    try {
      expect(requests.filter((request) => request !== url && !request.startsWith('data:'))).toEqual([])
      const report = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        order: Array.from(document.querySelectorAll('body > header, body > nav, main > *')).map((element) => element.id),
        caseHeadings: Array.from(document.querySelectorAll('article.case h2')).map((element) => (element as HTMLElement).innerText.replace(/\s+/g, ' ')),
        boldLabels: Array.from(document.querySelectorAll('article.case ul.points > li strong')).map((element) => element.textContent),
        overviewRows: document.querySelectorAll('#overview tbody tr').length,
        intro: document.querySelector('#intro')?.textContent ?? '',
        conclusion: document.querySelector('#conclusion')?.textContent ?? '',
        tocEntries: document.querySelectorAll('#contents .toc-case').length,
        fontsLoaded: Array.from(document.fonts).filter((font) => font.status === 'loaded').length,
        title: document.title,
      }))
      expect(report.lang).toBe('zh-CN')
      // The source's half-width colon, printed full-width in the zh-CN pack (typography.punctuation).
      expect(report.title).toBe('解码公共服务成功之道：十大典范案例')
      expect(report.order).toEqual(['cover', 'contents', 'intro', ...Array.from({ length: 10 }, (_, index) => `case-${index + 1}`), 'overview', 'conclusion'])
      expect(report.caseHeadings[0]).toBe('案例一 上海智慧城市建设')
      expect(report.caseHeadings[1]).toBe('案例二 杭州“城市大脑”')
      expect(report.caseHeadings[9]).toBe('案例十 广州“智慧医疗”')
      expect(report.boldLabels).toHaveLength(30)
      expect(report.boldLabels).toContain('数据驱动决策')
      expect(report.overviewRows).toBe(10)
      expect(report.tocEntries).toBe(10)
      expect(report.intro).toContain('本文将解码公共服务成功之道')
      expect(report.conclusion).toContain('未来，城市治理需要继续探索创新')
      expect(report.fontsLoaded).toBeGreaterThan(0)
    } finally {
      await page.close()
    }
  })
})

describe('hostile text', () => {
  it('stays text: no script runs, no markup is injected, javascript: links are dropped', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'casebook-hostile-'))
    const input = join(folder, 'hostile.md')
    writeFileSync(
      input,
      [
        '# 引言',
        '',
        '<script>window.pwned = 1</script>',
        '',
        '# 案例一:<img src=x onerror="window.pwned=2">{{title}}',
        '',
        '## 1.1 案例背景',
        '',
        '文本 <b onclick="window.pwned=3">粗</b> 与 [链接](javascript:window.pwned=4) 和 {{{raw}}}。',
        '',
        '## 1.2 案例分析',
        '',
        '- **<i>标签</i>**:内容 &lt;tag&gt;',
        '',
        '## 1.3 案例启示',
        '',
        '启示。',
      ].join('\n'),
    )
    const file = await buildHtml(input)
    const { page } = await openPage(session.browser, pathToFileURL(file).href)
    try {
      const seen = await page.evaluate(() => ({
        pwned: (window as unknown as { pwned?: number }).pwned ?? null,
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        handlers: Array.from(document.querySelectorAll('*')).filter((element) => Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on'))).length,
        javascriptLinks: Array.from(document.querySelectorAll('a')).filter((anchor) => anchor.getAttribute('href')?.trim().toLowerCase().startsWith('javascript:')).length,
        heading: document.querySelector('article.case h2')?.textContent ?? '',
        body: document.body.innerText,
      }))
      expect(seen.pwned).toBeNull()
      expect(seen.scripts).toBe(0)
      expect(seen.images).toBe(0)
      expect(seen.handlers).toBe(0)
      expect(seen.javascriptLinks).toBe(0)
      expect(seen.heading).toContain('<img src=x onerror="window.pwned=2">{{title}}')
      expect(seen.body).toContain('{{{raw}}}')
      expect(seen.body).toContain('链接')
    } finally {
      await page.close()
    }
  })
})
