/**
 * The command line casebook starts Chrome/Chromium with: puppeteer 24's defaults for automation
 * (what `puppeteer.launch` would pass, kept here because casebook starts the browser itself, before
 * puppeteer has loaded) and casebook's own: offline, no GPU, no font hinting, a private profile.
 */

/** What the command line depends on. */
export interface BrowserArgsOptions {
  /** Chromium's headless shell (`--headless`), else full Chrome/Chromium in its new headless mode. */
  shell: boolean
  /** The profile folder. */
  userDataDir: string
  /** Root in a container cannot use the sandbox; pages are casebook's own files only. */
  noSandbox: boolean
}

/** Arguments for a browser driven over `--remote-debugging-pipe` (fds 3 and 4). */
export function browserArgs({ shell, userDataDir, noSandbox }: BrowserArgsOptions): string[] {
  return [
    // puppeteer 24's defaults (ChromeLauncher.defaultArgs), so pages lay out and print as they did when puppeteer launched the browser.
    '--allow-pre-commit-input',
    '--disable-background-networking',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-breakpad',
    '--disable-client-side-phishing-detection',
    '--disable-component-extensions-with-background-pages',
    '--disable-crash-reporter',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    '--disable-hang-monitor',
    '--disable-infobars',
    '--disable-ipc-flooding-protection',
    '--disable-popup-blocking',
    '--disable-prompt-on-repost',
    '--disable-renderer-backgrounding',
    '--disable-search-engine-choice-screen',
    '--disable-sync',
    '--enable-automation',
    '--export-tagged-pdf',
    '--force-color-profile=srgb',
    '--generate-pdf-document-outline',
    '--metrics-recording-only',
    '--no-first-run',
    '--password-store=basic',
    '--use-mock-keychain',
    '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
    '--enable-features=PdfOopif',
    `--user-data-dir=${userDataDir}`,
    shell ? '--headless' : '--headless=new',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    '--remote-debugging-pipe',
    // casebook's own.
    ...(noSandbox ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-component-update',
    '--font-render-hinting=none',
    'about:blank',
  ]
}
