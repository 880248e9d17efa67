import { launchBrowser } from './dist/browser/launch-browser.js'
import { findBrowser } from './dist/browser/find-browser.js'
const s = await launchBrowser(findBrowser())
const page = await s.browser.newPage()
await page.setJavaScriptEnabled(false)
await page.goto('file://' + process.argv[2], { waitUntil: 'load' })
await page.evaluate(() => document.fonts.ready)
const r = await page.evaluate((sel) => Array.from(document.querySelectorAll(sel)).map(e => [e.className || e.tagName, Math.round(e.getBoundingClientRect().height*10)/10, e.textContent.slice(0, 50)]), process.argv[3])
console.log(r.map(x => x.join(' | ')).join('\n'))
await s.close()
