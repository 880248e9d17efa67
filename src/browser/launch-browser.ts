/**
 * Starts the build's one headless browser, offline and sandboxed from the user's profile.
 *
 * The browser dies with casebook: it is driven over a pipe (`--remote-debugging-pipe`), and
 * Chromium exits when the pipe closes, which it does when casebook ends in any
 * way, `kill -9` included. Its profile folder in /tmp is named after casebook's
 * pid (`casebook-browser-<pid>-…`), so the next launch removes the folders of
 * builds that are no longer running, as the next build removes stale temp files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import type { Readable, Writable } from 'node:stream'
import type { Browser } from 'puppeteer-core'
import { errnoCode, errnoMeaning } from '../io/fs-errors.js'
import { EnvironmentError } from '../errors.js'
import { isAlive, onInterrupt } from '../process-cleanup.js'
import { isHeadlessShell, locateBrowser, INSTALL_HINT } from './find-browser.js'
import { browserArgs } from './browser-args.js'
import { pipeTransport } from './pipe-transport.js'

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
   * How long the browser may take to start and answer; LAUNCH_TIMEOUT_MS by default. A program
   * that is no browser but keeps running would otherwise hold the build for PROTOCOL_TIMEOUT_MS.
   */
  timeout?: number
}

/** The default wait for a browser to start, as puppeteer's own launch timeout; a build waits as long as browser.timeout if that is longer. */
export const LAUNCH_TIMEOUT_MS = 30_000

/** The longest one call to the browser may take: a 10,000-case deck prints for longer than 17 minutes. */
export const PROTOCOL_TIMEOUT_MS = 60 * 60 * 1000

/** How long a closed browser may take to exit before it is killed (its profile folder is removed next). */
const EXIT_GRACE_MS = 5_000

/**
 * Launches headless Chromium found by `findBrowser`; throws EnvironmentError (exit 3) if there is none or it does not start.
 *
 * casebook starts the program itself and then connects puppeteer to it over the pipe, rather than
 * `puppeteer.launch`: that way Chromium starts while puppeteer's modules load (a few hundred ms on
 * two cores, each on its own core), not after. Ctrl-C is casebook's to handle (process-cleanup.ts):
 * it kills the browser's process group and removes its profile before the CLI exits.
 */
export async function launchBrowser(explicitPath?: string, options: LaunchOptions = {}): Promise<BrowserSession> {
  const located = locateBrowser(explicitPath)
  if (!located) throw new EnvironmentError(`No Chrome or Chromium found. ${INSTALL_HINT}`)
  const executablePath = located.path
  const launchTimeout = options.timeout ?? LAUNCH_TIMEOUT_MS
  await removeStaleFolders()
  // Made synchronously, so Ctrl-C cannot land between the folder's making and its cleanup's registration.
  let userDataDir: string
  try {
    userDataDir = mkdtempSync(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`))
  } catch (error) {
    throw tempFolderError(error, 'the browser profile')
  }
  const removeProfile = (): void => rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 })
  const args = browserArgs({ shell: isHeadlessShell(executablePath), userDataDir, noSandbox: process.getuid?.() === 0 })
  // Its own process group (detached), so the whole browser can be killed at once. Over a pipe, not a
  // WebSocket: when casebook ends, even by kill -9, the pipe closes and Chromium exits with it.
  const child = spawn(executablePath, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] })
  const said = firstWords(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // Settles only when the program fails before it answers: a spawn error, an exit, the timeout.
  let timedOut = false
  const failed = new Promise<never>((_, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => reject(new Error(`it exited ${code !== null ? `with code ${code}` : `on ${signal}`}${said() ? `: ${said()}` : ''}`)))
  })
  failed.catch(() => undefined)
  const timer = setTimeout(() => {
    timedOut = true
    killGroup(child)
  }, launchTimeout)
  // Ctrl-C while the browser starts: it is killed and its folder removed once no Chromium is left to write into it.
  let interrupted = false
  let forget = onInterrupt(async () => {
    interrupted = true
    killGroup(child)
    await exited
    await untilUnused(userDataDir)
    removeProfile()
  })
  let browser: Browser
  try {
    const { default: puppeteer } = await import('puppeteer-core')
    const [toBrowser, fromBrowser] = [child.stdio[3], child.stdio[4]] as [Writable, Readable]
    browser = await Promise.race([
      puppeteer.connect({
        transport: pipeTransport(toBrowser, fromBrowser),
        // As puppeteer.launch: pages start at 800×600.
        defaultViewport: { width: 800, height: 600 },
        // Each job has its own timeouts, scaled to its page (with-page.ts); puppeteer's cap on a
        // single protocol call (3 minutes by default) cut long prints short whatever they allowed.
        // Still finite, so a browser that stops answering (even to Browser.close) cannot hang a build.
        protocolTimeout: PROTOCOL_TIMEOUT_MS,
      }),
      failed,
    ])
  } catch (error) {
    forget()
    killGroup(child)
    await exited
    // Nothing of the program may keep casebook running: its pipes go with it.
    for (const stream of child.stdio) stream?.destroy()
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
    killGroup(child)
    await exited
    await untilUnused(userDataDir)
    removeProfile()
  })
  return {
    browser,
    async close() {
      // A connected browser is asked to close; it is killed if it does not exit in time.
      await browser.close().catch(() => undefined)
      const grace = setTimeout(() => killGroup(child), EXIT_GRACE_MS)
      await exited
      clearTimeout(grace)
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 })
      // Only now: a Ctrl-C during the close still kills the browser and removes its folder.
      forget()
    },
  }
}

/** The first line the program wrote to stderr (read on, so a chatty browser never blocks on a full pipe), for messages. */
function firstWords(child: ChildProcess): () => string | undefined {
  let text = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    if (text.length < 4096) text += chunk.toString('utf8')
  })
  return () => firstLine(text)
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

/** SIGKILL to the browser and its helpers: its whole process group, which it leads (it was started detached). */
function killGroup(child: ChildProcess): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
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
