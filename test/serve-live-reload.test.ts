/**
 * `servePack` in real Chromium: an open report reloads with an edit, shows a
 * content error over the page (leaving the file on disk alone), and recovers.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { EVENTS_PATH, OVERLAY_ID } from '../src/serve/live-reload-script.js'
import { servePack, type ServeHandle } from '../src/serve/serve-pack.js'
import { openPage, startBrowser } from './helpers/browser.js'
import { copyFixture, WatchRecorder } from './helpers/watch-recorder.js'

let session: BrowserSession
beforeAll(async () => {
  session = await startBrowser()
})
afterAll(async () => {
  await session?.close()
})

/** Polls the page until `read` returns true, through reloads; resolves with when that happened. */
async function waitInPage(page: Page, read: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    // A reload destroys the page's context mid-evaluate; that is expected here.
    if (await page.evaluate(read).catch(() => false)) return
    if (performance.now() > deadline) throw new Error(`page did not reach the expected state within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** The status code for a raw request path, sent as written (no normalising of `..`). */
function statusOf(url: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    request({ hostname, port, path, method: 'GET' }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
      .on('error', reject)
      .end()
  })
}

describe('serve: report.html', () => {
  let server: ServeHandle
  const recorder = new WatchRecorder()
  const fixture = copyFixture('watch-three-cases')
  beforeAll(async () => {
    server = await servePack({ input: fixture.input, out: fixture.out, config: fixture.config, cwd: fixture.dir, port: 0, onEvent: recorder.onEvent })
    await recorder.next('build-done', 0)
  })
  afterAll(async () => {
    await server?.close()
  })

  it('shows an edited case title after the rebuild without a manual reload, loading nothing but the page and the event stream', async () => {
    const url = `${server.url}zh-CN/report.html`
    const { page, requests } = await openPage(session.browser, url)
    try {
      const title = (): string | null => document.querySelector('article.case[data-case="2"] .case-title')?.textContent ?? null
      expect(await page.evaluate(title)).toBe('宁波“民生e点通”')
      const mark = recorder.mark()
      writeFileSync(fixture.input, readFileSync(fixture.input, 'utf8').replace('宁波“民生e点通”', '宁波“民生e点通”二期'))
      const built = await recorder.next('build-done', mark)
      expect(built.event.result.written).toContain('zh-CN/report.html')
      // The live-reload script, not the test, brings the new page: waitInPage only reads it (and gives up after a hang guard).
      await waitInPage(page, () => document.querySelector('article.case[data-case="2"] .case-title')?.textContent === '宁波“民生e点通”二期')
      const events = `${server.url.replace(/\/$/, '')}${EVENTS_PATH}`
      expect(requests.filter((request) => request !== url && request !== events && !request.startsWith('data:'))).toEqual([])
      expect(requests).toContain(events)
    } finally {
      await page.close()
    }
  })

  it('shows a content error over the page, keeps report.html on disk, and reloads once it is fixed', async () => {
    const url = `${server.url}zh-CN/report.html`
    const { page } = await openPage(session.browser, url)
    try {
      const report = join(fixture.out, 'zh-CN', 'report.html')
      const onDisk = readFileSync(report)
      const source = readFileSync(fixture.input, 'utf8')
      let mark = recorder.mark()
      writeFileSync(fixture.input, source.replace('三、案例三', '二、案例二'))
      await recorder.next('build-error', mark)
      await waitInPage(page, () => /case-number-duplicate/.test(document.getElementById('casebook-error-overlay')?.shadowRoot?.textContent ?? ''))
      const shown = await page.evaluate((id) => document.getElementById(id)?.shadowRoot?.querySelector('pre')?.textContent ?? '', OVERLAY_ID)
      expect(shown).toMatch(/input\.txt:\d+:\d+ error Duplicate case number 2/)
      expect(readFileSync(report).equals(onDisk)).toBe(true)
      expect(await page.evaluate(() => document.querySelectorAll('article.case').length)).toBe(3)

      mark = recorder.mark()
      writeFileSync(fixture.input, source.replace('厦门“城市书房”', '厦门“城市书房”新馆'))
      await recorder.next('build-done', mark)
      await waitInPage(page, () => document.querySelector('article.case[data-case="3"] .case-title')?.textContent === '厦门“城市书房”新馆')
      expect(await page.evaluate((id) => document.getElementById(id) === null, OVERLAY_ID)).toBe(true)
      expect(readFileSync(report, 'utf8')).not.toContain(OVERLAY_ID)
    } finally {
      await page.close()
    }
  })

  it('lists the pack at / and refuses paths outside out/', async () => {
    const { page } = await openPage(session.browser, server.url)
    try {
      const links = await page.evaluate(() => Array.from(document.querySelectorAll('a')).map((link) => link.getAttribute('href')))
      expect(links).toEqual(['/zh-CN/report.html', '/zh-CN/CHANGES.md', '/CHANGES.md', '/manifest.json'])
      expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('三城公共服务速览')
    } finally {
      await page.close()
    }
    expect(await statusOf(server.url, '/zh-CN/report.html')).toBe(200)
    expect(await statusOf(server.url, '/manifest.json')).toBe(200)
    for (const path of ['/../src/input.txt', '/..%2fsrc%2finput.txt', '/%2e%2e/src/input.txt', '/zh-CN/../../src/casebook.yaml', '//etc/passwd', '/.casebook.lock', '/zh-CN/missing.html', '/%E0%A4%A']) {
      expect([path, await statusOf(server.url, path)]).toEqual([path, 404])
    }
  })
})

describe('serve: slides.html', () => {
  let server: ServeHandle
  const recorder = new WatchRecorder()
  const fixture = copyFixture('watch-three-cases')
  beforeAll(async () => {
    server = await servePack({ input: fixture.input, out: fixture.out, config: fixture.config, cwd: fixture.dir, formats: ['slides'], port: 0, onEvent: recorder.onEvent })
    await recorder.next('build-done', 0)
  })
  afterAll(async () => {
    await server?.close()
  })

  it('reloads the open deck on the slide it was showing', async () => {
    const { page } = await openPage(session.browser, `${server.url}zh-CN/slides.html#4`)
    try {
      await page.keyboard.press('ArrowRight')
      const position = (): { hash: string; active: number } => ({
        hash: location.hash,
        active: Array.from(document.querySelectorAll('.slide')).findIndex((slide) => slide.classList.contains('active')) + 1,
      })
      expect(await page.evaluate(position)).toEqual({ hash: '#5', active: 5 })
      const mark = recorder.mark()
      writeFileSync(fixture.input, readFileSync(fixture.input, 'utf8').replace('苏州“一网通办”', '苏州“一网通办”升级版'))
      const built = await recorder.next('build-done', mark)
      expect(built.event.result.written).toContain('zh-CN/slides.html')
      await waitInPage(page, () => document.body.textContent?.includes('苏州“一网通办”升级版') === true)
      expect(await page.evaluate(position)).toEqual({ hash: '#5', active: 5 })
    } finally {
      await page.close()
    }
  })
})
