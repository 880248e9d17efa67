/**
 * Finds a Chromium or Chrome to drive, the way Marp CLI does: explicit
 * settings first, then each platform's usual install locations.
 */
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** Where a finder looks; each returns candidate paths in order. */
type BrowserFinder = (env: NodeJS.ProcessEnv) => string[]

const linux: BrowserFinder = (env) => [
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
  'Install Chromium (Debian/Ubuntu: `apt-get install chromium`; macOS: install Google Chrome) or set CHROME_PATH to a Chrome/Chromium executable.'

/**
 * The browser to use: CHROME_PATH, PUPPETEER_EXECUTABLE_PATH, the
 * `--browser-path` option (or config), then the platform's locations. Null if none.
 * `CASEBOOK_BROWSER_SEARCH=explicit` looks only at the explicit settings, so
 * CI and tests can pin a browser or simulate a machine without one.
 */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string | null {
  const configured = [env.CHROME_PATH, env.PUPPETEER_EXECUTABLE_PATH, explicit].filter((path): path is string => Boolean(path))
  const finder = browserFinders[platform as keyof typeof browserFinders] ?? linux
  const searched = env.CASEBOOK_BROWSER_SEARCH === 'explicit' ? [] : finder(env)
  for (const candidate of [...configured, ...searched]) if (existsSync(candidate)) return candidate
  return null
}

function onPath(env: NodeJS.ProcessEnv, names: string[]): string[] {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean)
  return names.flatMap((name) => dirs.map((dir) => join(dir, name)))
}
