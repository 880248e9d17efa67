/**
 * Finds a Chromium or Chrome to drive, the way Marp CLI does: explicit
 * settings first, then each platform's usual install locations (on Linux
 * Chromium's headless shell before full Chromium or Chrome).
 */
import { accessSync, constants, statSync } from 'node:fs'
import { basename, delimiter, join } from 'node:path'
import { UsageError } from '../errors.js'

/** Where a finder looks; each returns candidate paths in order. */
type BrowserFinder = (env: NodeJS.ProcessEnv) => string[]

// The headless shell first: it prints the same pages as full Chromium's headless mode (not the same
// bytes) with less to start: the seed's report.pdf in 0.72× the time (docs/benchmarks.md).
const linux: BrowserFinder = (env) => [
  ...onPath(env, ['chromium-headless-shell', 'chrome-headless-shell']),
  '/usr/bin/chromium-headless-shell',
  '/usr/lib/chromium/chromium-headless-shell',
  ...onPath(env, ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge']),
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
]

const darwin: BrowserFinder = () => [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
]

const win32: BrowserFinder = (env) =>
  [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
    .filter((root): root is string => Boolean(root))
    .flatMap((root) => [join(root, 'Google/Chrome/Application/chrome.exe'), join(root, 'Microsoft/Edge/Application/msedge.exe'), join(root, 'Chromium/Application/chrome.exe')])

/** Finders per platform. */
export const browserFinders = { linux, darwin, win32 } as const satisfies Record<string, BrowserFinder>

/** How to get a browser, for the message when none is found. */
export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `apt-get install chromium-headless-shell`, or `chromium`; macOS: install Google Chrome) or set CHROME_PATH to a Chrome/Chromium executable.'

/**
 * Whether `path` is Chromium's headless shell (Debian's `chromium-headless-shell`, puppeteer's
 * `chrome-headless-shell`), which puppeteer drives as `headless: 'shell'`; full Chrome/Chromium
 * runs its new headless mode. Told by the program's name, as the two are told apart nowhere else
 * (both answer `--version` as `Chromium 156.0…`).
 */
export function isHeadlessShell(path: string): boolean {
  return /^(?:chromium|chrome)-headless-shell(?:\.exe)?$/i.test(basename(path))
}

/** A browser someone named, and where the name came from (`--browser-path`, `CHROME_PATH`, a config key). */
export interface NamedBrowser {
  path: string
  from: string
}

/**
 * The browser to use: the one named by `--browser-path` (or the config's
 * `browser.path`, which `explicit` carries), else by CHROME_PATH, else by
 * PUPPETEER_EXECUTABLE_PATH, else the first of the platform's usual locations.
 * Null if there is none. A named browser is used or refused, never passed over:
 * when the first name given is no executable file, a UsageError says so (a
 * mistyped path must not quietly print with some other browser).
 * `CASEBOOK_BROWSER_SEARCH=explicit` looks only at the names given, so CI and
 * tests can pin a browser or simulate a machine without one.
 */
export function findBrowser(explicit?: string | NamedBrowser, env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string | null {
  return locateBrowser(explicit, env, platform)?.path ?? null
}

/** As findBrowser, with where the browser's name came from (null for one found in the usual places), for messages. */
export function locateBrowser(explicit?: string | NamedBrowser, env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): { path: string; from: string | null } | null {
  const named = namedBrowser(explicit, env)
  if (named) {
    const problem = browserPathProblem(named.path)
    if (problem) throw new UsageError(`${named.from} names ${named.path}, which ${problem}. ${NAMED_HINT}`)
    return named
  }
  const finder = browserFinders[platform as keyof typeof browserFinders] ?? linux
  const searched = env.CASEBOOK_BROWSER_SEARCH === 'explicit' ? [] : finder(env)
  const path = searched.find((candidate) => browserPathProblem(candidate) === null)
  return path ? { path, from: null } : null
}

/** The first browser named by the caller or the environment, with where its name came from. */
function namedBrowser(explicit: string | NamedBrowser | undefined, env: NodeJS.ProcessEnv): NamedBrowser | null {
  if (typeof explicit === 'string' && explicit) return { path: explicit, from: '--browser-path (or browser.path in the config)' }
  if (typeof explicit === 'object' && explicit.path) return explicit
  for (const variable of ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH']) {
    if (env[variable]) return { path: env[variable], from: variable }
  }
  return null
}

/** What keeps `path` from being a browser to run: “does not exist”, “is a folder” …; null when it can be run. */
export function browserPathProblem(path: string): string | null {
  let info
  try {
    info = statSync(path)
  } catch {
    return 'does not exist'
  }
  if (info.isDirectory()) {
    return path.replace(/\/+$/, '').endsWith('.app') ? 'is an app bundle (a folder): name the program inside it, such as Contents/MacOS/Google Chrome' : 'is a folder, not a program'
  }
  if (!info.isFile()) return 'is not a file'
  try {
    accessSync(path, constants.X_OK)
  } catch {
    return 'is not executable'
  }
  return null
}

const NAMED_HINT = 'Name a Chrome or Chromium executable there, or leave it unset to let casebook look for one.'

function onPath(env: NodeJS.ProcessEnv, names: string[]): string[] {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean)
  return names.flatMap((name) => dirs.map((dir) => join(dir, name)))
}
