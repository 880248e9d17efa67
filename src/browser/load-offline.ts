/**
 * Loads an HTML string into a page from a temporary file, with every request
 * other than that file and data: URLs blocked, so rendering never touches the network.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { HTTPRequest, Page } from 'puppeteer-core'
import { onInterrupt } from '../process-cleanup.js'
import { PAGE_PREFIX, tempFolderError } from './launch-browser.js'

/** URLs a page asked for and did not get, for tests and diagnostics. */
export interface OfflineLoad {
  blocked: string[]
}

/** Loads `html` as a file:// page, waits for its fonts, and returns what was blocked. */
export async function loadOffline(page: Page, html: string, timeout: number): Promise<OfflineLoad> {
  // Named after our pid: a killed build's folder is removed by the next launch (launch-browser.ts); Ctrl-C removes it at once.
  // Made synchronously, so Ctrl-C cannot land between the folder's making and its cleanup's registration.
  let folder: string
  try {
    folder = mkdtempSync(join(tmpdir(), `${PAGE_PREFIX}${process.pid}-`))
  } catch (error) {
    throw tempFolderError(error, 'the page to print')
  }
  // Retried: the page file may be written (on another thread) while the folder is removed.
  const forget = onInterrupt(() => rmSync(folder, { recursive: true, force: true, maxRetries: 5 }))
  const file = join(folder, 'index.html')
  const url = pathToFileURL(file).href
  const blocked: string[] = []
  try {
    await writeFile(file, html).catch((error: unknown) => {
      throw tempFolderError(error, 'the page to print')
    })
    await page.setRequestInterception(true)
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return
      const target = request.url()
      if (target === url || target.startsWith('data:') || target === 'about:blank') return void request.continue()
      blocked.push(target)
      void request.abort('blockedbyclient')
    })
    await page.goto(url, { waitUntil: 'load', timeout })
    // Printing before web fonts are ready would embed fallback (Type 3) fonts.
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    return { blocked }
  } finally {
    forget()
    await rm(folder, { recursive: true, force: true })
  }
}
