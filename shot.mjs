import { launchBrowser } from './dist/browser/launch-browser.js'
import { findBrowser } from './dist/browser/find-browser.js'
const s = await launchBrowser(findBrowser())
const page = await s.browser.newPage()
await page.setViewport({ width: 1280, height: 720 })
for (const n of process.argv.slice(3)) {
  await page.goto('file://' + process.argv[2] + '#' + n, { waitUntil: 'load' })
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: `/tmp/dk/shot-${n}.png` })
}
await s.close()
