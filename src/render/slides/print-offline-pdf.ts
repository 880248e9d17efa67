/**
 * Prints an HTML string to PDF in the build's browser with every network
 * request refused, waiting for fonts first. (A candidate for a helper shared
 * with the report PDF once src/render/pdf settles.)
 */
import type { Browser } from 'puppeteer-core'
import { EnvironmentError } from '../../errors.js'
import { scaledTimeout } from '../pdf/scaled-timeout.js'

/** How to print. */
export interface PrintOptions {
  /** Milliseconds for loading and for printing, each, per started megabyte of HTML. */
  timeout: number
}

/** The PDF bytes Chromium prints for `html`, using the page size in its CSS (`@page`). */
export async function printOfflinePdf(browser: Browser, html: string, options: PrintOptions): Promise<Uint8Array> {
  const timeout = scaledTimeout(options.timeout, html)
  const page = await browser.newPage()
  try {
    await page.setRequestInterception(true)
    page.on('request', (request) => {
      const url = request.url()
      if (url.startsWith('data:') || url === 'about:blank') void request.continue()
      else void request.abort('blockedbyclient')
    })
    await page.setContent(html, { waitUntil: 'load', timeout })
    await page.evaluate(async () => {
      await document.fonts.ready
    })
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout })
  } catch (error) {
    throw new EnvironmentError(`The browser could not print the deck: ${(error as Error).message}`, { cause: error })
  } finally {
    await page.close().catch(() => undefined)
  }
}
