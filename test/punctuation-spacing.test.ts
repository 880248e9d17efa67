/**
 * Adjacent full-width punctuation is collapsed by the CSS rules (text-spacing-trim), by Chromium
 * with the fonts' `halt`, the same for every pair whichever fontsource slices its marks came from.
 * Before the slices were merged into one font per face (merge-font-slices.ts), a pair in one
 * slice was left to that slice's `chws` and a pair across two to Chromium, so `”，` and `。」`
 * kept a full em between them where `：「` did not. Measured in Chromium, a Range over each pair.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { startBrowser } from './helpers/browser.js'
import { casebook } from './helpers/cli.js'

// Simplified Chinese sets ，。：； at the left of their em, so they close as 」 does (CSS Text 4, text spacing classes).
const COLLAPSED = ['：「', '」。', '。」', '》〈', '）（', '「『', '”，', '』」', '；（']
const KEPT = ['己「', '」辛', '丑，', '，寅']
const LINE = `甲：「乙」。丙。」丁》〈戊）（己「『庚』」辛“壬”，癸；（子）丑，寅`

describe('full-width punctuation pairs in the zh-CN report', () => {
  const folder = mkdtempSync(join(tmpdir(), 'casebook-punctuation-'))
  let session: BrowserSession
  let widths: Record<string, number[]>

  beforeAll(async () => {
    writeFileSync(join(folder, 'cases.txt'), `引言\n${LINE}\n一、案例一：标点\n1.1 案例背景\n${LINE}\n1.2 案例分析\n- 要点：${LINE}\n1.3 案例启示\n${LINE}\n结论\n${LINE}\n`)
    const build = casebook(['build', 'cases.txt', '-f', 'html', '-l', 'zh-CN', '-o', 'out'], { cwd: folder })
    expect(build.code, build.stderr).toBe(0)
    session = await startBrowser()
    const page = await session.browser.newPage()
    await page.goto(pathToFileURL(join(folder, 'out', 'zh-CN', 'report.html')).href, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    widths = await page.evaluate((pairs) => {
      const found: Record<string, number[]> = {}
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue ?? ''
        const size = parseFloat(getComputedStyle(node.parentElement!).fontSize)
        for (const pair of pairs) {
          for (let at = text.indexOf(pair); at >= 0; at = text.indexOf(pair, at + 1)) {
            const range = document.createRange()
            range.setStart(node, at)
            range.setEnd(node, at + pair.length)
            const rects = range.getClientRects()
            // A pair broken across lines is not a pair on the page.
            if (rects.length === 1) (found[pair] ??= []).push(rects[0].width / size)
          }
        }
      }
      return found
    }, [...COLLAPSED, ...KEPT])
  }, 120_000)
  afterAll(async () => session?.close())

  it('collapses every pair the rules collapse to an em and a half, wherever its marks come from', () => {
    for (const pair of COLLAPSED) {
      expect(widths[pair]?.length, pair).toBeGreaterThan(2)
      for (const ems of widths[pair]) expect(ems, pair).toBeCloseTo(1.5, 1)
    }
  })

  it('keeps two full ems where a mark meets a hanzi', () => {
    for (const pair of KEPT) {
      expect(widths[pair]?.length, pair).toBeGreaterThan(2)
      for (const ems of widths[pair]) expect(ems, pair).toBeCloseTo(2, 1)
    }
  })
})
