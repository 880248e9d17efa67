/**
 * A browser tab for one job, closed in `finally`, where a crash, a lost
 * browser or a timeout becomes an EnvironmentError instead of a hang.
 */
import type { Browser, Page } from 'puppeteer-core'
import { EnvironmentError } from '../errors.js'
import { timed } from '../timed.js'
import { PROTOCOL_TIMEOUT_MS } from './launch-browser.js'

/** How long one job may take; `timeout` comes from `config.browser.timeout`. */
export interface PageOptions {
  /** Milliseconds for each load or print step, and (times four) for the whole job. */
  timeout: number
  /** Names the job in error messages, e.g. `report.pdf (zh-CN)`. */
  label: string
  /** Told how long opening and closing the tab took. */
  onStep?: (step: string, ms: number) => void
  /** `browser.timeout` as configured and the config file that sets it (null: the default), for the advice when time runs out. */
  setting?: { timeout: number; file: string | null }
}

/** “browser.timeout is 1 ms in casebook.yaml; raise it there …”: what a timeout message tells the user to change. */
export function timeoutAdvice(setting: PageOptions['setting']): string {
  if (!setting) return 'raise browser.timeout in the config if the document is very large'
  const where = setting.file ? `browser.timeout is ${setting.timeout} ms in ${setting.file}; raise it there` : `browser.timeout is ${setting.timeout} ms (the default); set a higher browser.timeout in casebook.yaml`
  return `${where} if the document is very large or the machine slow`
}

/** A tab opened as soon as its browser started, for the first job to take. */
const openedEarly = new WeakMap<Browser, Promise<Page>>()

/**
 * Takes a tab of `browser` now, for the next `withPage` to use: the blank tab a browser starts
 * with, whose renderer started with the browser, or else a new one, which costs ~80 ms of
 * Chromium's time, spent while the first page's HTML is still being made, not after it.
 */
export function openTabEarly(browser: Browser): void {
  const page = browser.pages().then(([blank]) => blank ?? browser.newPage())
  // A failure reaches the job that takes the tab; a tab never taken closes with its browser.
  page.catch(() => undefined)
  openedEarly.set(browser, page)
}

/** Opens a tab, runs `use` on it, and always closes it; failures of the browser throw EnvironmentError. */
export async function withPage<T>(browser: Browser, options: PageOptions, use: (page: Page) => Promise<T>): Promise<T> {
  const early = openedEarly.get(browser)
  openedEarly.delete(browser)
  const page = await timed(options, 'open a tab', () => early ?? browser.newPage()).catch((error: unknown) => {
    throw new EnvironmentError(`The browser could not open a page for ${options.label}: ${(error as Error).message}`, { cause: error })
  })
  page.setDefaultTimeout(options.timeout)
  let timer: NodeJS.Timeout | undefined
  let onCrash: ((error: Error) => void) | undefined
  let onDisconnect: (() => void) | undefined
  // Whatever `use` waits on, one of these settles first when the browser goes away or stalls.
  const failure = new Promise<never>((_, reject) => {
    onCrash = (error) => reject(new EnvironmentError(`The browser page crashed while rendering ${options.label}: ${error.message}`, { cause: error }))
    onDisconnect = () => reject(new EnvironmentError(`The browser exited while rendering ${options.label}`))
    timer = setTimeout(
      () => reject(new EnvironmentError(`Rendering ${options.label} did not finish in ${options.timeout * 4} ms (four times the page's timeout); ${timeoutAdvice(options.setting)}`)),
      options.timeout * 4,
    )
    page.on('error', onCrash)
    browser.on('disconnected', onDisconnect)
  })
  try {
    return await Promise.race([use(page).catch((error: unknown) => Promise.reject(asEnvironmentError(error, options))), failure])
  } finally {
    clearTimeout(timer)
    if (onCrash) page.off('error', onCrash)
    if (onDisconnect) browser.off('disconnected', onDisconnect)
    failure.catch(() => undefined)
    await timed(options, 'close the tab', () => page.close()).catch(() => undefined)
  }
}

/** Puppeteer's timeouts and protocol errors are the environment's fault, not the user's content. */
function asEnvironmentError(error: unknown, options: PageOptions): unknown {
  if (!(error instanceof Error) || error instanceof EnvironmentError) return error
  if (error.name === 'TimeoutError') {
    return new EnvironmentError(`The browser timed out rendering ${options.label} (${error.message.split('\n')[0]}); ${timeoutAdvice(options.setting)}`, { cause: error })
  }
  if (/timed out\. Increase the 'protocolTimeout'/.test(error.message)) {
    return new EnvironmentError(`The browser took longer than ${PROTOCOL_TIMEOUT_MS / 60_000} minutes for one step of ${options.label}; split the document, or build the formats that need no browser`, { cause: error })
  }
  if (error.name === 'ProtocolError' || error.name === 'TargetCloseError' || /Target closed|Session closed|crash/i.test(error.message)) {
    // Puppeteer's own words (“Protocol error (Emulation.setEmulatedMedia): Session closed. Most likely…”)
    // say only that the page went away; --debug keeps them in the cause.
    const closed = /Target closed|Session closed|TargetCloseError/i.test(`${error.name} ${error.message}`)
    const why = closed ? 'the page was closed under it (the browser crashed, ran out of memory or was stopped)' : 'it stopped answering as expected'
    return new EnvironmentError(`The browser failed while rendering ${options.label}: ${why}. Build again; if it happens again, run with --debug`, { cause: error })
  }
  return error
}
