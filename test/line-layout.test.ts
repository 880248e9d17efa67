/**
 * Line layout (issue 22, part 4): at the print width, no line of the seed's report starts with
 * closing punctuation or ends with opening punctuation (line-break: strict, W3C clreq). Lines are
 * read in Chromium from a Range over each character of each text node: a new line starts where
 * a character sits below the one before it in the same block.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { pageGeometry } from '../src/render/pdf/page-geometry.js'
import { startBrowser } from './helpers/browser.js'
import { casebook, SEED } from './helpers/cli.js'

const CLOSING = '，。、；：？！）》」』】〕〉”’…·,.;:?!)]}'
const OPENING = '（《「『【〔〈“‘([{'

describe('line layout of the seed’s report at the print width', () => {
  const out = mkdtempSync(join(tmpdir(), 'casebook-lines-'))
  let session: BrowserSession

  beforeAll(async () => {
    const build = casebook(['build', SEED, '-f', 'html', '-l', 'zh-CN,zh-TW', '-o', out])
    expect(build.code, build.stderr).toBe(0)
    session = await startBrowser()
  }, 120_000)
  afterAll(async () => session?.close())

  for (const locale of ['zh-CN', 'zh-TW']) {
    it(`starts no ${locale} line with closing punctuation and ends none with opening punctuation`, async () => {
      const page = await session.browser.newPage()
      const geometry = pageGeometry('A4')
      await page.emulateMediaType('print')
      await page.setViewport({ width: Math.floor(geometry.contentWidthPx), height: Math.floor(geometry.contentHeightPx) })
      await page.goto(pathToFileURL(join(out, locale, 'report.html')).href, { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready)
      const lines = await page.evaluate(() => {
        const found: Array<{ text: string; block: Element }> = []
        let last: { bottom: number; block: Element } | null = null
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
        const range = document.createRange()
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const block = node.parentElement!.closest('p, li, h1, h2, h3, h4, td, th, caption, figcaption, blockquote, pre, a, div, header')!
          const text = node.nodeValue ?? ''
          for (let index = 0; index < text.length; index++) {
            if (/\s/.test(text[index])) continue
            range.setStart(node, index)
            range.setEnd(node, index + 1)
            const rect = range.getBoundingClientRect()
            if (rect.width === 0 && rect.height === 0) continue
            // A character whose top is below the last one's middle starts a new line of the same block.
            if (!last || last.block !== block || rect.top > last.bottom - rect.height / 2) found.push({ text: '', block })
            found.at(-1)!.text += text[index]
            last = { bottom: rect.bottom, block }
          }
        }
        return found.map((line) => line.text)
      })
      await page.close()
      // The seed's report has some 200 lines, so a reading that found none would show.
      expect(lines.length).toBeGreaterThan(150)
      const wrapped = lines.filter((line) => line.length > 1)
      expect(wrapped.filter((line) => CLOSING.includes(line[0])), 'lines starting with closing punctuation').toEqual([])
      expect(wrapped.filter((line) => OPENING.includes(line.at(-1)!)), 'lines ending with opening punctuation').toEqual([])
    }, 60_000)
  }

  // Chromium adds the gap to the character before it: here the digit before a hanzi.
  it('puts an eighth of an em between digits and hanzi on screen (text-autospace), and nothing in print, where it would read as a space', async () => {
    const page = await session.browser.newPage()
    await page.goto(pathToFileURL(join(out, 'zh-CN', 'report.html')).href, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    const gaps = async () =>
      page.evaluate(() => {
        const context = document.createElement('canvas').getContext('2d')!
        const found: number[] = []
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of (node.nodeValue ?? '').matchAll(/\d(\d)\p{Script=Han}/gu)) {
            const range = document.createRange()
            range.setStart(node, match.index + 1)
            range.setEnd(node, match.index + 2)
            const size = parseFloat(getComputedStyle(node.parentElement!).fontSize)
            context.font = `${getComputedStyle(node.parentElement!).fontWeight} ${size}px 'Noto Serif'`
            found.push((range.getBoundingClientRect().width - context.measureText(match[1]).width) / size)
          }
        }
        return found
      })
    const screen = await gaps()
    await page.emulateMediaType('print')
    const print = await gaps()
    await page.close()
    expect(screen.length).toBeGreaterThanOrEqual(2)
    expect(print).toHaveLength(screen.length)
    for (const gap of screen) expect(gap).toBeCloseTo(0.125, 2)
    for (const gap of print) expect(gap).toBeCloseTo(0, 2)
  })
})
