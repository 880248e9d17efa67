/**
 * Starts the build's one headless browser, offline and sandboxed from the user's profile.
 *
 * The browser dies with casebook: it is driven over a pipe (`pipe: true`), and
 * Chromium exits when the pipe closes, which it does when casebook ends in any
 * way, `kill -9` included. Its profile folder in /tmp is named after casebook's
 * pid (`casebook-browser-<pid>-…`), so the next launch removes the folders of
 * builds that are no longer running, as the next build removes stale temp files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'puppeteer-core'
import { errnoCode, errnoMeaning } from '../io/fs-errors.js'
import { EnvironmentError } from '../errors.js'
import { isAlive, onInterrupt } from '../process-cleanup.js'
import { spawnSync } from 'node:child_process'
import { isHeadlessShell, locateBrowser, INSTALL_HINT } from './find-browser.js'

/** Temp folders casebook makes in /tmp, each named `<prefix><owner pid>-<random>`. */
export const PROFILE_PREFIX = 'casebook-browser-'
export const PAGE_PREFIX = 'casebook-page-'
const OWNED = /^casebook-(?:browser|page)-(\d+)-/

/** A running browser and how to stop it (which also removes its profile folder). */
export interface BrowserSession {
  browser: Browser
  close(): Promise<void>
}

/** How the browser is launched. */
export interface LaunchOptions {
  /**
   * Let puppeteer kill the browser (and exit the process, on Ctrl-C) when a signal arrives.
   * Defaults to false: puppeteer's exit on Ctrl-C would skip casebook's own cleanup (the
   * output lock, temp files, this profile folder), which the CLI runs on a signal
   * (process-cleanup.ts); `watch` closes its browser itself.
   */
  handleSignals?: boolean
  /**
   * How long the browser may take to start and answer; LAUNCH_TIMEOUT_MS by default. A program
   * that is no browser but keeps running would otherwise hold the build for PROTOCOL_TIMEOUT_MS.
   */
  timeout?: number
}

/** The default wait for a browser to start, as puppeteer's own launch timeout; a build waits as long as browser.timeout if that is longer. */
export const LAUNCH_TIMEOUT_MS = 30_000

/** The longest one call to the browser may take: a 10,000-case deck prints for longer than 17 minutes. */
export const PROTOCOL_TIMEOUT_MS = 60 * 60 * 1000

/** Launches headless Chromium found by `findBrowser`; throws EnvironmentError (exit 3) if there is none or it does not start. */
export async function launchBrowser(explicitPath?: string, options: LaunchOptions = {}): Promise<BrowserSession> {
  const handleSignals = options.handleSignals ?? false
  const located = locateBrowser(explicitPath)
  if (!located) throw new EnvironmentError(`No Chrome or Chromium found. ${INSTALL_HINT}`)
  const executablePath = located.path
  const launchTimeout = options.timeout ?? LAUNCH_TIMEOUT_MS
  const { default: puppeteer } = await import('puppeteer-core')
  await removeStaleFolders()
  // Made synchronously, so Ctrl-C cannot land between the folder's making and its cleanup's registration.
  let userDataDir: string
  try {
    userDataDir = mkdtempSync(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`))
  } catch (error) {
    throw tempFolderError(error, 'the browser profile')
  }
  const removeProfile = (): void => rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 })
  let browser: Browser
  // Stops (kills) the launch of a program that starts but never answers as a browser.
  const abort = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    abort.abort()
  }, launchTimeout)
  const launching = puppeteer.launch({
    signal: abort.signal,
    executablePath,
    // The headless shell takes the old `--headless`; full Chrome/Chromium runs its new headless mode.
    headless: isHeadlessShell(executablePath) ? 'shell' : true,
    userDataDir,
    // Over a pipe, not a WebSocket: when casebook ends, even by kill -9, the pipe closes and Chromium exits with it.
    pipe: true,
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
  // Ctrl-C while the browser starts: the launch is stopped (puppeteer kills the process group it
  // started) and the folder removed once no Chromium is left to write into it. The launch itself is
  // not waited for: stopped at the wrong moment, puppeteer's promise never settles.
  let launched: Browser | undefined
  launching.then((started) => (launched = started), () => undefined)
  let interrupted = false
  let forget = onInterrupt(async () => {
    interrupted = true
    abort.abort()
    if (launched) await killBrowser(launched)
    await untilUnused(userDataDir)
    removeProfile()
  })
  try {
    browser = await launching
  } catch (error) {
    forget()
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 })
    // Stopped by Ctrl-C, which exits once its cleanups end: no need to ask the program what it is.
    if (interrupted) throw error
    throw new EnvironmentError(launchFailure(located, error, timedOut ? launchTimeout : null), { cause: error })
  } finally {
    clearTimeout(timer)
  }
  forget()
  // On Ctrl-C the CLI exits at once: kill the browser's whole process group, then remove its profile.
  forget = onInterrupt(async () => {
    await killBrowser(browser)
    await untilUnused(userDataDir)
    removeProfile()
  })
  return {
    browser,
    async close() {
      await browser.close().catch(() => killBrowser(browser))
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 })
      // Only now: a Ctrl-C during the close still kills the browser and removes its folder.
      forget()
    },
  }
}

/**
 * Why a browser did not start, in plain words. The program is asked for its version
 * (as `chromium --version` answers): a Chrome/Chromium that failed is named with the
 * first line of puppeteer's error; anything else is said not to be a browser, with
 * the first line it printed (`ls: unrecognized option …`, or nothing).
 */
function launchFailure(located: { path: string; from: string | null }, error: unknown, timedOutAfter: number | null): string {
  const { path, from } = located
  const named = from ? `, named by ${from},` : ''
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 })
  const said = firstLine(probe.stdout) ?? firstLine(probe.stderr)
  // `Chromium 156.0.8078.114 built on Debian …`, `Google Chrome 120.0 …`, `Microsoft Edge 120.0 …`.
  if (said && /^(?:Chromium|(?:Google )?Chrome(?: for Testing)?|HeadlessChrome|Microsoft Edge|Brave Browser|Opera|Vivaldi)\b.*\d+\.\d+/i.test(said)) {
    const why = timedOutAfter !== null ? `it did not answer within ${timedOutAfter / 1000} s` : (firstLine((error as Error).message) ?? 'it exited')
    return `The browser at ${path} (${said})${named.replace(/,$/, '')} could not start: ${why}. Check that it runs on this machine (${path} --headless --dump-dom about:blank), or name another one`
  }
  const output = said
    ? `asked for its version, it printed “${said}”`
    : probe.error && (probe.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
      ? 'asked for its version, it gave no answer'
      : probe.error
        ? `it cannot be run (${probe.error.message})`
        : `asked for its version, it printed nothing${probe.status !== null ? ` and exited with code ${probe.status}` : ''}`
  const wait = timedOutAfter !== null ? `it ran but did not answer as a browser within ${timedOutAfter / 1000} s; ` : ''
  return `${path}${named} is not a Chrome/Chromium casebook could start: ${wait}${output}. Name a Chrome or Chromium executable${from ? ' there' : `. ${INSTALL_HINT}`}`
}

function firstLine(text: string | null | undefined): string | undefined {
  return text?.split(/\r?\n/).map((line) => line.trim()).find(Boolean)
}

/** A temp folder that cannot be made (a full or read-only /tmp): the machine's fault, so the formats without a browser are still written. */
export function tempFolderError(error: unknown, what: string): EnvironmentError {
  const code = errnoCode(error)
  return new EnvironmentError(`Cannot write ${what} in ${tmpdir()}: ${code ? errnoMeaning(code) : (error as Error).message}. Free some space there, or point TMPDIR at a writable folder.`, { cause: error })
}

/** SIGKILL to the browser and its helpers (puppeteer starts it as the leader of its own process group). */
async function killBrowser(browser: Browser): Promise<void> {
  const child = browser.process()
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
  // Its whole group got the signal at once; once the main process is reaped the others are gone
  // too, and none can write into the profile folder that is removed next.
  await exited
}

/**
 * Waits (a few seconds at most) until no living process names `folder` on its command line:
 * a killed Chromium's helpers can outlive its main process for a moment and write into their
 * profile. Linux's /proc tells; where there is none, there is nothing to wait for.
 */
async function untilUnused(folder: string, limitMs = 3_000): Promise<void> {
  const deadline = Date.now() + limitMs
  while (usedBy(folder) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25))
}

function usedBy(folder: string): boolean {
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return false
  }
  return pids.some((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // A zombie has exited; it only waits to be reaped.
      if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z') return false
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder)
    } catch {
      return false
    }
  })
}

/** Removes the profile and page folders in /tmp of casebook processes that are no longer running. */
export async function removeStaleFolders(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[])
  await Promise.all(
    names.map(async (name) => {
      const owner = Number(OWNED.exec(name)?.[1])
      if (!owner || owner === process.pid || isAlive(owner)) return
      // Best effort: another user's folder, say, is theirs to remove.
      await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined)
    }),
  )
}
