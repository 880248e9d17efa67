/** One headless browser kept running across rebuilds, started on first need and restarted if it dies. */
import type { Browser } from 'puppeteer-core'
import type { BrowserSession } from '../browser/launch-browser.js'

/** A lazily started browser and how to stop it. */
export interface WarmBrowser {
  /** The running browser, launching (or relaunching) it when needed; throws EnvironmentError if none can start. */
  get(): Promise<Browser>
  close(): Promise<void>
}

/** Keeps one browser warm; `path` is an explicit Chrome or Chromium, else one is found. */
export function warmBrowser(path?: string): WarmBrowser {
  let session: Promise<BrowserSession> | undefined
  return {
    async get() {
      const current = session && (await session.catch(() => undefined))
      if (current?.browser.connected) return current.browser
      if (current) await current.close()
      const { launchBrowser } = await import('../browser/launch-browser.js')
      // The watch closes the browser itself on Ctrl-C, after the running build, so puppeteer must not exit first.
      session = launchBrowser(path, { handleSignals: false })
      // A failed launch is not kept, so the next build tries again.
      session.catch(() => {
        session = undefined
      })
      return (await session).browser
    },
    async close() {
      const current = session && (await session.catch(() => undefined))
      session = undefined
      await current?.close()
    },
  }
}
