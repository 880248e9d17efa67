/** The build's browser: found like Marp CLI finds it, offline, and failing clearly instead of hanging. */
import { createServer, type Server } from 'node:http'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findBrowser, isHeadlessShell } from '../src/browser/find-browser.js'
import { launchBrowser, type BrowserSession } from '../src/browser/launch-browser.js'
import { loadOffline } from '../src/browser/load-offline.js'
import { withPage } from '../src/browser/with-page.js'
import { EnvironmentError, UsageError } from '../src/errors.js'
import { casebook, SEED } from './helpers/cli.js'
import { requireBrowser } from './helpers/tools.js'

describe('findBrowser', () => {
  it('takes the explicit path (--browser-path or browser.path) first, then CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH', () => {
    const chromium = requireBrowser()
    expect(findBrowser(chromium, { CHROME_PATH: '/nowhere', PUPPETEER_EXECUTABLE_PATH: '/nowhere' }, 'linux')).toBe(chromium)
    expect(findBrowser(undefined, { CHROME_PATH: chromium, PUPPETEER_EXECUTABLE_PATH: '/nowhere' }, 'linux')).toBe(chromium)
    expect(findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: chromium }, 'linux')).toBe(chromium)
    expect(findBrowser(chromium, { CASEBOOK_BROWSER_SEARCH: 'explicit' }, 'linux')).toBe(chromium)
  })

  it('refuses a named browser that is not there instead of passing it over, naming where the name came from', () => {
    const chromium = requireBrowser()
    expect(() => findBrowser('/nowhere/chrome', { CHROME_PATH: chromium }, 'linux')).toThrow(UsageError)
    expect(() => findBrowser(undefined, { CHROME_PATH: '/nowhere/chromium', PUPPETEER_EXECUTABLE_PATH: chromium }, 'linux')).toThrow(/CHROME_PATH names \/nowhere\/chromium, which does not exist/)
    expect(() => findBrowser({ path: '/tmp', from: '--browser-path' }, {}, 'linux')).toThrow(/--browser-path names \/tmp, which is a folder/)
  })

  it('looks for Chromium\'s headless shell before full Chromium, and tells the two apart by name', () => {
    const bin = mkdtempSync(join(tmpdir(), 'casebook-finders-'))
    try {
      for (const name of ['chromium', 'chromium-headless-shell']) {
        writeFileSync(join(bin, name), '#!/bin/sh\n')
        chmodSync(join(bin, name), 0o755)
      }
      expect(findBrowser(undefined, { PATH: bin }, 'linux')).toBe(join(bin, 'chromium-headless-shell'))
      // A named browser still wins over the search, whatever its kind.
      expect(findBrowser(undefined, { PATH: bin, CHROME_PATH: join(bin, 'chromium') }, 'linux')).toBe(join(bin, 'chromium'))
    } finally {
      rmSync(bin, { recursive: true, force: true })
    }
    expect(isHeadlessShell('/usr/bin/chromium-headless-shell')).toBe(true)
    expect(isHeadlessShell('/opt/chrome-headless-shell/linux-131/chrome-headless-shell-linux64/chrome-headless-shell')).toBe(true)
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false)
    expect(isHeadlessShell('/opt/google/chrome/chrome')).toBe(false)
  })

  it('finds nothing when nothing is named and only named browsers count', () => {
    expect(findBrowser(undefined, { CASEBOOK_BROWSER_SEARCH: 'explicit', PATH: '/usr/bin' }, 'linux')).toBeNull()
  })
})

describe('a build without a browser', () => {
  const out = mkdtempSync(join(tmpdir(), 'casebook-nobrowser-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('exits 3 with how to get one, and still writes the formats that need none', () => {
    const result = casebook(['build', SEED, '--format', 'html,pdf', '--locale', 'zh-CN', '--out', out], {
      env: { CASEBOOK_BROWSER_SEARCH: 'explicit', CHROME_PATH: '', PUPPETEER_EXECUTABLE_PATH: '' },
    })
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('apt-get install chromium')
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(out, 'zh-CN/report.html'))).toBe(true)
    expect(existsSync(join(out, 'zh-CN/report.pdf'))).toBe(false)
  })

  it('writes the deck without one: only its handout (slides.pdf) is printed', () => {
    const deckOut = join(out, 'deck')
    const result = casebook(['build', SEED, '--format', 'slides', '--locale', 'zh-CN', '--out', deckOut], {
      env: { CASEBOOK_BROWSER_SEARCH: 'explicit', CHROME_PATH: '', PUPPETEER_EXECUTABLE_PATH: '' },
    })
    expect(result.code, result.stderr).toBe(0)
    expect(existsSync(join(deckOut, 'zh-CN/slides.html'))).toBe(true)
    expect(existsSync(join(deckOut, 'zh-CN/slides.pdf'))).toBe(false)
    const handout = casebook(['build', SEED, '--format', 'slides,handout', '--locale', 'zh-CN', '--out', deckOut], {
      env: { CASEBOOK_BROWSER_SEARCH: 'explicit', CHROME_PATH: '', PUPPETEER_EXECUTABLE_PATH: '' },
    })
    expect(handout.code).toBe(3)
    expect(handout.stderr).toContain('zh-CN handout not built: No Chrome or Chromium found')
  })
})

describe('pages in the shared browser', () => {
  let session: BrowserSession
  let server: Server
  let hits = 0
  let origin = ''

  beforeAll(async () => {
    requireBrowser()
    session = await launchBrowser()
    server = createServer((_, response) => {
      hits++
      response.end('body { color: red }')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  })

  afterAll(async () => {
    await session?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('blocks every request that is not the page itself or a data: URL', async () => {
    const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="${origin}/style.css"></head>` +
      `<body><img src="${origin}/image.png"><img src="file:///etc/hostname"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p>离线</p></body></html>`
    const result = await withPage(session.browser, { timeout: 30_000, label: 'test' }, async (page) => {
      const load = await loadOffline(page, html, 30_000)
      return { ...load, text: await page.evaluate(() => document.body.textContent) }
    })
    expect(result.text).toContain('离线')
    expect(result.blocked).toEqual(expect.arrayContaining([`${origin}/style.css`, `${origin}/image.png`, 'file:///etc/hostname']))
    expect(result.blocked.some((url) => url.startsWith('data:'))).toBe(false)
    expect(hits).toBe(0)
  })

  it('turns a job that never ends into an EnvironmentError', async () => {
    const never = withPage(session.browser, { timeout: 100, label: 'stuck.pdf', setting: { timeout: 100, file: '/p/casebook.yaml' } }, () => new Promise<never>(() => undefined))
    await expect(never).rejects.toBeInstanceOf(EnvironmentError)
    // The configured value and where to raise it, not only the derived total.
    await expect(never).rejects.toThrow(/stuck\.pdf did not finish in 400 ms .*browser\.timeout is 100 ms in \/p\/casebook\.yaml; raise it there/)
  })

  it('turns a puppeteer timeout into an EnvironmentError that names the setting', async () => {
    const waiting = withPage(session.browser, { timeout: 200, label: 'slow.pdf' }, (page) => page.waitForSelector('#never-there'))
    await expect(waiting).rejects.toBeInstanceOf(EnvironmentError)
    await expect(waiting).rejects.toThrow(/browser\.timeout/)
  })

  it('turns a browser call past its protocol timeout into an EnvironmentError without puppeteer settings in it', async () => {
    const stalled = withPage(session.browser, { timeout: 20_000, label: 'deck.pdf' }, async (page) => {
      const client = await page.createCDPSession()
      // A real protocol timeout, made short for the test (a print runs into the launch-wide one).
      await client.send('Runtime.evaluate', { expression: 'new Promise(() => {})', awaitPromise: true }, { timeout: 100 })
    })
    await expect(stalled).rejects.toBeInstanceOf(EnvironmentError)
    await expect(stalled).rejects.toThrow(/took longer than 60 minutes for one step of deck\.pdf/)
    await expect(stalled).rejects.not.toThrow(/protocolTimeout/)
  })

  it('turns a crashed page into an EnvironmentError, and the browser keeps working', async () => {
    const crash = withPage(session.browser, { timeout: 20_000, label: 'crash.pdf' }, (page) => page.goto('chrome://crash').then(() => page.waitForSelector('#never-there')))
    await expect(crash).rejects.toBeInstanceOf(EnvironmentError)
    const title = await withPage(session.browser, { timeout: 20_000, label: 'after.pdf' }, async (page) => {
      await loadOffline(page, '<title>ok</title>', 20_000)
      return page.title()
    })
    expect(title).toBe('ok')
  })
})
