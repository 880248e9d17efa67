/**
 * The Node measurement the deck is paginated with agrees with Chromium: every text block of the
 * seed's decks (en, zh-CN, zh-TW), read in the browser with its width, size, weight, spacing and
 * line height, is broken by text-lines.ts into as many lines as Chromium shows (never fewer),
 * with the advances of the very font files the deck inlines.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { templateDirs } from '../src/config/template-dirs.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { buildPack } from '../src/pack/build-pack.js'
import { DEFAULT_BRAND } from '../src/config/brand.js'
import { fontsOf } from '../src/render/slides/deck-layout.js'
import { loadFontMetrics } from '../src/render/slides/font-metrics.js'
import { TextMeasure } from '../src/render/slides/text-lines.js'
import { ROOT, SEED } from './helpers/cli.js'
import { startBrowser } from './helpers/browser.js'

const out = mkdtempSync(join(tmpdir(), 'casebook-measure-'))
let session: BrowserSession

beforeAll(async () => {
  session = await startBrowser()
  const result = await buildPack({ input: SEED, out, formats: ['slides'], locales: ['en', 'zh-CN', 'zh-TW'], cwd: ROOT })
  expect(result.failures).toEqual([])
}, 120_000)
afterAll(async () => {
  await session?.close()
  rmSync(out, { recursive: true, force: true })
})

interface Block {
  text: string
  width: number
  size: number
  bold: boolean
  spacing: number
  lines: number
  indent: number
}

describe('text measured in Node', () => {
  it.each(['en', 'zh-CN', 'zh-TW'])('breaks every text block of the %s seed deck into the lines Chromium shows', async (code) => {
    const page = await session.browser.newPage()
    let blocks: Block[]
    try {
      await page.setJavaScriptEnabled(false)
      await page.goto(pathToFileURL(join(out, code, 'slides.html')).href, { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready.then(() => undefined))
      blocks = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.point-text, .point-label, .body-text, .lead-text, .insight-text, .frame-text, .agenda-title, .slide-title, .deck-title, .kicker, .item-heading, .overview tbody th.col-case a'))
          // Blocks of one run of text: what holds another element (a “continued” note, a label) is measured with it elsewhere.
          .filter((element) => element.children.length === 0 || element.matches('.overview tbody th.col-case a'))
          .map((element) => {
            const style = getComputedStyle(element)
            const box = element.getBoundingClientRect()
            const size = parseFloat(style.fontSize)
            // An overview title follows its label on the first line.
            const label = element.querySelector('.overview-label') as HTMLElement | null
            const cell = element.parentElement as HTMLElement
            const width = label ? cell.clientWidth - parseFloat(getComputedStyle(cell).paddingLeft) - parseFloat(getComputedStyle(cell).paddingRight) : box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
            const indent = label ? label.getBoundingClientRect().width + parseFloat(getComputedStyle(label).marginRight) : 0
            const text = label ? Array.from(element.childNodes).filter((node) => node !== label).map((node) => node.textContent).join('') : element.textContent ?? ''
            // The lines the text is set on: its fragments' distinct tops (a grid item's box is as tall as its row, not its text).
            const tops = new Set<number>()
            for (const node of Array.from(element.childNodes).filter((child) => child !== label)) {
              const range = document.createRange()
              range.selectNodeContents(node)
              for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.add(Math.round(rect.bottom))
            }
            return { text, width, size, bold: Number(style.fontWeight) >= 600, spacing: parseFloat(style.letterSpacing) / size || 0, lines: tops.size, indent }
          }),
      )
    } finally {
      await page.close()
    }
    const locale = await loadLocale(code, templateDirs())
    const metrics = await loadFontMetrics(fontsOf(DEFAULT_BRAND, locale), blocks.map((block) => block.text).join(''))
    const measure = new TextMeasure(metrics)
    const disagreements = blocks
      .map((block) => ({ block, node: measure.count(block.text, block.width, { size: block.size, bold: block.bold, spacing: block.spacing }, block.indent) }))
      .filter(({ block, node }) => node !== block.lines)
      .map(({ block, node }) => `${node} lines in Node, ${block.lines} in Chromium: “${block.text.trim().slice(0, 40)}” (${Math.round(block.width)} px)`)
    expect(blocks.length).toBeGreaterThan(60)
    // Never fewer lines than the browser's (that would overfill a slide); the same count for nearly every block.
    expect(disagreements.filter((line) => Number(line.split(' ')[0]) < Number(line.split(', ')[1].split(' ')[0]))).toEqual([])
    expect(disagreements.length, disagreements.join('\n')).toBeLessThanOrEqual(Math.floor(blocks.length * 0.03))
  })
})
