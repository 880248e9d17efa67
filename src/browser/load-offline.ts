/**
 * Loads an HTML string into a page from a temporary file, with every request
 * that could reach the network or the disk blocked but that file, so
 * rendering never touches either. data: URLs (the inlined fonts) are not
 * intercepted at all: each intercepted request waits for a round trip to
 * Node, and a report has a few dozen font faces.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'puppeteer-core'

/** URLs a page asked for and did not get, for tests and diagnostics. */
export interface OfflineLoad {
  blocked: string[]
}

// Every scheme a page can fetch through from outside itself. Others (data:, blob:, about:) stay in the page.
const INTERCEPTED = ['http:*', 'https:*', 'ws:*', 'wss:*', 'ftp:*', 'file:*'].map((urlPattern) => ({ urlPattern }))

/** Loads `html` as a file:// page, waits for its fonts, and returns what was blocked. */
export async function loadOffline(page: Page, html: string, timeout: number): Promise<OfflineLoad> {
  const folder = await mkdtemp(join(tmpdir(), 'casebook-page-'))
  const file = join(folder, 'index.html')
  const url = pathToFileURL(file).href
  const blocked: string[] = []
  const client = await page.createCDPSession()
  try {
    await writeFile(file, html)
    client.on('Fetch.requestPaused', ({ requestId, request }) => {
      if (request.url === url) return void client.send('Fetch.continueRequest', { requestId }).catch(() => undefined)
      blocked.push(request.url)
      void client.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }).catch(() => undefined)
    })
    await client.send('Fetch.enable', { patterns: INTERCEPTED })
    await page.goto(url, { waitUntil: 'load', timeout })
    // Printing before web fonts are ready would embed fallback (Type 3) fonts.
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    return { blocked }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
