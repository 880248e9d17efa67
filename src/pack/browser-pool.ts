/**
 * The build's one browser: launched on first use (or early, when a build will surely print),
 * or the caller's own, which the pool never closes. `close` ends a launch begun at any moment,
 * and a launch asked for after it is refused, so no browser outlives its build.
 */
import type { Browser } from 'puppeteer-core'
import type { BrowserSession } from '../browser/launch-browser.js'

/** Where the browser comes from, and who hears how long its launch took. */
export interface BrowserPoolOptions {
  /** A running browser to use (kept warm by `watch`); the pool neither launches nor closes one then. */
  browser?: Browser
  /** The browser executable to launch, or undefined to look for one. */
  path?: string
  /** How long a launch may take, in ms (at least launch-browser's own default). */
  timeout: number
  /** Told the launch's duration once the browser is up. */
  onLaunched?: (ms: number) => void
}

/** One browser for a build, closed by `close` whatever happened. */
export class BrowserPool {
  private session: Promise<BrowserSession> | undefined
  /** Settles when the modules the launch needs are loaded, and the browser's process about to start. */
  private loaded: Promise<void> | undefined
  private closed = false

  constructor(private readonly options: BrowserPoolOptions) {}

  /** The browser, launching it on the first call. */
  async browser(): Promise<Browser> {
    return this.options.browser ?? (await this.launch()).browser
  }

  /**
   * Starts the launch now, alongside other work, when nothing is given and the pool is still open.
   * A failed launch is not lost: the renderer that asks for the browser receives its error.
   * Settles once the browser's process is being started (puppeteer loaded), not once it is up.
   */
  startEarly(): Promise<void> {
    if (this.options.browser || this.closed) return Promise.resolve()
    this.launch().catch(() => undefined)
    return this.loaded!
  }

  /** Closes a browser the pool launched (or is launching); later calls do nothing. */
  async close(): Promise<void> {
    this.closed = true
    const session = this.session
    this.session = undefined
    if (session) await session.then((running) => running.close(), () => undefined)
  }

  private launch(): Promise<BrowserSession> {
    if (this.session) return this.session
    if (this.closed) return Promise.reject(new Error('casebook: a browser was asked for after its build closed the pool'))
    const start = performance.now()
    const { path, timeout, onLaunched } = this.options
    const modules = Promise.all([import('../browser/launch-browser.js'), import('../browser/with-page.js'), import('puppeteer-core')])
    this.loaded = modules.then(() => undefined, () => undefined)
    this.session = modules.then(async ([{ launchBrowser, LAUNCH_TIMEOUT_MS }, { openTabEarly }]) => {
      // A slow machine's browser.timeout covers its browser's start too.
      const session = await launchBrowser(path, { timeout: Math.max(LAUNCH_TIMEOUT_MS, timeout) })
      openTabEarly(session.browser)
      return session
    })
    this.session.then(() => onLaunched?.(performance.now() - start), () => undefined)
    return this.session
  }
}
