/**
 * Latin text gets a Latin face (issue 22, part 5): in the en pack an apostrophe is the Latin
 * face's, about a third of an em, not the CJK face's full em; in zh-CN the “” between hanzi stay
 * the CJK face's full-width marks. Measured in Chromium, a Range over the one character.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { startBrowser } from './helpers/browser.js'
import { casebook, SEED } from './helpers/cli.js'

/** The width in ems of each character of `pattern`'s group `mark` in the page's text, as laid out. */
async function markWidths(page: Page, pattern: string, mark: number): Promise<Array<{ text: string; ems: number; family: string }>> {
  return page.evaluate(
    (source, group) => {
      const found: Array<{ text: string; ems: number; family: string }> = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue ?? ''
        for (const match of text.matchAll(new RegExp(source, 'gu'))) {
          const at = match.index + match[0].indexOf(match[group])
          const range = document.createRange()
          range.setStart(node, at)
          range.setEnd(node, at + match[group].length)
          const style = getComputedStyle(node.parentElement!)
          found.push({ text: match[0], ems: range.getBoundingClientRect().width / parseFloat(style.fontSize), family: style.fontFamily })
        }
      }
      return found
    },
    pattern,
    mark,
  )
}

describe('Latin text in a Latin face, Chinese punctuation in the CJK face', () => {
  const out = mkdtempSync(join(tmpdir(), 'casebook-latin-'))
  let session: BrowserSession
  let page: Page

  beforeAll(async () => {
    const build = casebook(['build', SEED, '-f', 'html', '-l', 'en,zh-CN', '-o', out])
    expect(build.code, build.stderr).toBe(0)
    session = await startBrowser()
    page = await session.browser.newPage()
  }, 120_000)
  afterAll(async () => session?.close())

  it('sets the en pack’s apostrophes about a third of an em wide', async () => {
    await page.goto(pathToFileURL(join(out, 'en', 'report.html')).href, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    const apostrophes = await markWidths(page, '[A-Za-z](’)[a-z]', 1)
    expect(apostrophes.length).toBeGreaterThan(3)
    for (const { text, ems } of apostrophes) {
      expect(ems, `the ’ of “${text}”`).toBeGreaterThan(0.15)
      expect(ems, `the ’ of “${text}”`).toBeLessThan(0.45)
    }
    // The curly quotes of English text are the Latin face's too.
    const quotes = await markWidths(page, '\\s(“)[A-Za-z]', 1)
    expect(quotes.length).toBeGreaterThan(0)
    for (const { text, ems } of quotes) expect(ems, `the “ of “${text}”`).toBeLessThan(0.6)
  })

  it('keeps “” between hanzi full-width in zh-CN, while Latin letters there are the Latin face’s', async () => {
    await page.goto(pathToFileURL(join(out, 'zh-CN', 'report.html')).href, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    const opening = await markWidths(page, '\\p{Script=Han}(“)\\p{Script=Han}', 1)
    const closing = await markWidths(page, '\\p{Script=Han}(”)\\p{Script=Han}', 1)
    expect(opening.length).toBeGreaterThan(3)
    expect(closing.length).toBeGreaterThan(3)
    // text-spacing-trim may set a mark that follows other punctuation half-width; between hanzi it is a full em.
    for (const { text, ems } of [...opening, ...closing]) expect(ems, `the mark of “${text}”`).toBeGreaterThan(0.9)
    // Latin letters and digits in a Chinese sentence are set in Noto Serif: as wide as that face alone sets them, not as Noto Serif SC
    // does. The run's first and last characters are left out: text-autospace puts an eighth of an em between them and the hanzi.
    const latin = await markWidths(page, '[A-Za-z0-9]([A-Za-z0-9]+)[A-Za-z0-9]', 1)
    expect(latin.length).toBeGreaterThanOrEqual(3)
    const alone = await page.evaluate(
      (runs) => {
        const context = document.createElement('canvas').getContext('2d')!
        const ems = (text: string, family: string) => {
          context.font = `100px ${family}`
          return context.measureText(text).width / 100
        }
        return runs.map((run) => ({ latin: ems(run, "'Noto Serif'"), cjk: ems(run, "'Noto Serif SC'") }))
      },
      latin.map(({ text }) => text.slice(1, -1)),
    )
    const distinct = latin.filter((_, index) => Math.abs(alone[index].latin - alone[index].cjk) > 0.02)
    expect(distinct.length).toBeGreaterThanOrEqual(1)
    latin.forEach(({ text, ems }, index) => expect(Math.abs(ems - alone[index].latin), `the Latin run of “${text}”: ${ems} ems, Noto Serif's ${alone[index].latin}`).toBeLessThan(0.02))
  })
})
