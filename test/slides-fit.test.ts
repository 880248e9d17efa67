/**
 * Every word on the slides, and every slide within its box: each fixture's deck in en, zh-CN and
 * zh-TW, paginated in Node with the font's real advances, read back in Chromium. Every key point's
 * label and text and every case title is there whole (a point too long for a slide continues on
 * the next), nothing is cut with "…", and no slide spills over.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { buildPack } from '../src/pack/build-pack.js'
import { ROOT, SEED } from './helpers/cli.js'
import { startBrowser } from './helpers/browser.js'
import { readDeck, type DeckReading } from './helpers/slides.js'

const LOCALES = ['en', 'zh-CN', 'zh-TW']
const FIXTURES = join(ROOT, 'test/fixtures')
const out = mkdtempSync(join(tmpdir(), 'casebook-fit-'))

/** Each fixture's source: its input file or folder. */
const sources = readdirSync(FIXTURES)
  .map((name) => ({ name, input: ['input.txt', 'input.md', 'input'].map((file) => join(FIXTURES, name, file)).find(existsSync) }))
  .filter((fixture): fixture is { name: string; input: string } => Boolean(fixture.input))

let session: BrowserSession
beforeAll(async () => {
  session = await startBrowser()
})
afterAll(async () => {
  await session?.close()
  rmSync(out, { recursive: true, force: true })
})

/** Builds `input`'s decks; null when the source has content errors (a fixture made to break the parser makes no deck). */
async function build(name: string, input: string): Promise<string | null> {
  const folder = join(out, name)
  const result = await buildPack({ input, out: folder, formats: ['slides'], locales: LOCALES, cwd: join(FIXTURES, name) })
  expect(result.failures).toEqual([])
  if ([...result.document.files, ...result.reports].some((file) => file.messages.some((message) => message.fatal === true))) return null
  expect(result.artifacts.map((artifact) => artifact.path)).toEqual(LOCALES.map((locale) => `${locale}/slides.html`))
  return folder
}

async function read(html: string): Promise<DeckReading> {
  const page = await session.browser.newPage()
  try {
    await page.setJavaScriptEnabled(false)
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    return await readDeck(page)
  } finally {
    await page.close()
  }
}

const squeeze = (text: string) => text.replace(/\s+/g, '')

/** Checks one deck; returns how many key points it shows. */
function checkDeck(deck: DeckReading, where: string): number {
  expect(deck.overflows, where).toEqual([])
  expect(deck.ellipses, where).toEqual([])
  expect(deck.lonely, where).toEqual([])
  const shown = squeeze(deck.pointText)
  let points = 0
  for (const item of deck.notes) {
    expect(deck.titles, `${where}: the title “${item.title}”`).toContain(item.title)
    expect(deck.agenda, `${where}: the agenda's “${item.title}”`).toContain(item.title)
    expect(deck.overview, `${where}: the overview's “${item.title}”`).toContain(item.title)
    for (const point of item.points) {
      if (point.label) expect(deck.labels, `${where}: the label “${point.label}”`).toContain(point.label)
      if (point.text) expect(shown, `${where}: the key point “${point.text}”`).toContain(squeeze(point.text))
      points++
    }
  }
  return points
}

describe('every fixture deck, in every locale', () => {
  it.each(sources)('$name keeps every title, label and key point whole, and no slide overflows', async ({ name, input }) => {
    const folder = await build(name, input)
    if (!folder) {
      // Only the fixtures written to break the parser make no deck.
      expect(name).toMatch(/broken|no-sections/)
      return
    }
    for (const locale of LOCALES) {
      const deck = await read(join(folder, locale, 'slides.html'))
      expect(deck.slides).toBeGreaterThan(1)
      checkDeck(deck, `${name} (${locale})`)
    }
  })
})

describe('the seed deck', () => {
  it.each(LOCALES)('in %s shows every key point, label and case title whole on slides that do not overflow', async (locale) => {
    const folder = await build(`seed-${locale}`, SEED)
    const deck = await read(join(folder!, locale, 'slides.html'))
    expect(deck.notes).toHaveLength(10)
    expect(checkDeck(deck, `seed (${locale})`)).toBeGreaterThanOrEqual(25)
  })
})

describe('the title slide', () => {
  const long = {
    title: 'Decoding Success in Public Services: Ten Exemplary Cases of Integrated Urban Governance from Shanghai to Chengdu, 2015–2025',
    subtitle: 'Urban public-service innovation in practice, with notes on data sharing, one-stop services and community governance',
    organisation: 'Public Service Innovation Case Study Group of the Municipal Development Research Centre',
  }

  it.each(LOCALES)('keeps everything on the canvas in %s, for the seed and for long names', async (locale) => {
    const dir = join(out, `title-${locale}`)
    mkdirSync(dir, { recursive: true })
    const source = join(dir, 'input.md')
    writeFileSync(source, `---\ntitle: "${long.title}"\nsubtitle: "${long.subtitle}"\norganisation: "${long.organisation}"\nauthor: Research Group\ndate: 2026-01-15\nlang: en\n---\n\n# Introduction\nOne case.\n\n# Case 1: Shanghai\n## 1.1 Background\nText.\n\n## 1.2 Analysis\n- **Data**: shared.\n\n## 1.3 Insight\nInsight.\n`)
    for (const [name, input] of [['seed', SEED], ['long', source]] as const) {
      const folder = join(dir, name)
      const result = await buildPack({ input, out: folder, formats: ['slides'], locales: [locale], cwd: dir })
      expect(result.failures).toEqual([])
      const page = await session.browser.newPage()
      try {
        await page.setJavaScriptEnabled(false)
        await page.goto(pathToFileURL(join(folder, locale, 'slides.html')).href, { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready.then(() => undefined))
        const shown = await page.evaluate(() => {
          const slide = document.querySelector('.slide.kind-title') as HTMLElement
          const box = slide.getBoundingClientRect()
          const outside = Array.from(slide.querySelectorAll<HTMLElement>('*'))
            .map((element) => ({ element, rect: element.getBoundingClientRect() }))
            .filter(({ rect }) => rect.width > 0 && (rect.left < box.left - 0.5 || rect.right > box.right + 0.5 || rect.top < box.top - 0.5 || rect.bottom > box.bottom + 0.5))
            .map(({ element, rect }) => `${element.className || element.tagName} ${Math.round(rect.left - box.left)}–${Math.round(rect.right - box.left)} × ${Math.round(rect.top - box.top)}–${Math.round(rect.bottom - box.top)}`)
          const side = slide.querySelector('.title-side')!.getBoundingClientRect()
          return { outside, sideRight: side.right - box.left, width: box.width, title: (slide.querySelector('.deck-title') as HTMLElement).innerText.replace(/\s+/g, ' ').trim() }
        })
        expect(shown.outside, `${name} (${locale})`).toEqual([])
        // The dark panel ends at the canvas's right edge, not past it.
        expect(shown.sideRight).toBeCloseTo(shown.width, 0)
        if (name === 'long') expect(shown.title).toBe(long.title)
      } finally {
        await page.close()
      }
    }
  })
})
