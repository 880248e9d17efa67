/** A headless Chromium for tests, started once per test file. */
import type { Browser, Page } from 'puppeteer-core'
import { launchBrowser, type BrowserSession } from '../../src/browser/launch-browser.js'
import { requireBrowser } from './tools.js'

/** Starts the browser casebook itself would use; fails (never skips) if there is none. */
export async function startBrowser(): Promise<BrowserSession> {
  return launchBrowser(requireBrowser())
}

/** Opens `url` in a new page and records every request the page makes. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage()
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(url, { waitUntil: 'load' })
  await page.evaluate(() => document.fonts.ready)
  return { page, requests }
}
