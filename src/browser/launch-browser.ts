/** Starts the build's one headless browser, offline and sandboxed from the user's profile. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'puppeteer-core'
import { EnvironmentError } from '../errors.js'
import { findBrowser, INSTALL_HINT } from './find-browser.js'

/** A running browser and how to stop it (which also removes its profile folder). */
export interface BrowserSession {
  browser: Browser
  close(): Promise<void>
}

/** How the browser is launched. */
export interface LaunchOptions {
  /**
   * Let puppeteer kill the browser (and exit the process, on Ctrl-C) when a signal arrives.
   * Defaults to true; a long-running owner such as `watch` sets false and closes the browser itself.
   */
  handleSignals?: boolean
}

/** The longest one call to the browser may take: a 10,000-case deck prints for longer than 17 minutes. */
export const PROTOCOL_TIMEOUT_MS = 60 * 60 * 1000

/** Launches headless Chromium found by `findBrowser`; throws EnvironmentError (exit 3) if there is none. */
export async function launchBrowser(explicitPath?: string, options: LaunchOptions = {}): Promise<BrowserSession> {
  const handleSignals = options.handleSignals ?? true
  const executablePath = findBrowser(explicitPath)
  if (!executablePath) throw new EnvironmentError(`No Chrome or Chromium found. ${INSTALL_HINT}`)
  const { default: puppeteer } = await import('puppeteer-core')
  const userDataDir = await mkdtemp(join(tmpdir(), 'casebook-browser-'))
  let browser: Browser
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
      // Each job has its own timeouts, scaled to its page (with-page.ts); puppeteer's cap on a
      // single protocol call (3 minutes by default) cut long prints short whatever they allowed.
      // Still finite, so a browser that stops answering (even to Browser.close) cannot hang a build.
      protocolTimeout: PROTOCOL_TIMEOUT_MS,
      args: [
        // Root in a container cannot use the sandbox; pages are our own files only.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--no-first-run',
        '--font-render-hinting=none',
      ],
    })
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true })
    throw new EnvironmentError(`Could not start the browser at ${executablePath}: ${(error as Error).message}`, { cause: error })
  }
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined)
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}
