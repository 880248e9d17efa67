/** slides.html and slides.pdf as a presenter's browser sees them: real Chromium, from file:// and http, offline. */
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PDFDocument } from 'pdf-lib'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { buildPack } from '../src/pack/build-pack.js'
import { ROOT, SEED } from './helpers/cli.js'
import { openPage, startBrowser } from './helpers/browser.js'
import { overflowingSlides } from './helpers/slides.js'

const FOURTEEN = join(ROOT, 'test/fixtures/slides-fourteen-cases/input.txt')

let session: BrowserSession
beforeAll(async () => {
  session = await startBrowser()
})
afterAll(async () => {
  await session?.close()
})

interface Deck {
  html: string
  pdf: string
  pages: number
}

async function buildDeck(input: string, env: { epoch?: string } = {}): Promise<Deck> {
  const out = mkdtempSync(join(tmpdir(), 'casebook-slides-'))
  const saved = process.env.SOURCE_DATE_EPOCH
  if (env.epoch) process.env.SOURCE_DATE_EPOCH = env.epoch
  try {
    const result = await buildPack({ input, out, formats: ['slides', 'handout'], locales: ['zh-CN'], cwd: ROOT })
    expect(result.failures).toEqual([])
    expect(result.artifacts.map((artifact) => artifact.path)).toEqual(['zh-CN/slides.html', 'zh-CN/slides.pdf'])
    return { html: join(out, 'zh-CN', 'slides.html'), pdf: join(out, 'zh-CN', 'slides.pdf'), pages: result.artifacts[0].pages ?? -1 }
  } finally {
    if (env.epoch) saved === undefined ? delete process.env.SOURCE_DATE_EPOCH : (process.env.SOURCE_DATE_EPOCH = saved)
  }
}

/** The active slide's number and the URL hash. */
function position(page: Page): Promise<{ active: number[]; hash: string }> {
  return page.evaluate(() => ({
    active: Array.from(document.querySelectorAll('.slide'))
      .map((slide, index) => (getComputedStyle(slide).display === 'none' ? 0 : index + 1))
      .filter(Boolean),
    hash: location.hash,
  }))
}

describe.each([
  { name: 'the seed', input: SEED, cases: 10 },
  { name: 'fourteen cases, four sections, long key points', input: FOURTEEN, cases: 14 },
])('slides.html of $name', ({ input, cases }) => {
  let deck: Deck
  beforeAll(async () => {
    deck = await buildDeck(input)
  })

  it('has a title, agenda, every case, an overview and the conclusion, each slide a .slide', async () => {
    const { page } = await openPage(session.browser, pathToFileURL(deck.html).href)
    try {
      const shape = await page.evaluate(() => ({
        count: document.querySelectorAll('.slide').length,
        kinds: Array.from(document.querySelectorAll('.slide')).map((slide) => slide.className.match(/kind-(\w+)/)?.[1]),
        cases: [...new Set(Array.from(document.querySelectorAll('.slide[data-case]')).map((slide) => Number(slide.getAttribute('data-case'))))],
        agenda: Array.from(document.querySelectorAll('.agenda a')).map((link) => link.getAttribute('href')),
        overviewRows: document.querySelectorAll('.overview tbody tr').length,
        themes: Array.from(document.querySelectorAll('.overview thead th.col-theme')).map((cell) => cell.textContent),
        numbers: Array.from(document.querySelectorAll('.slide')).map((slide) => slide.getAttribute('data-slide')),
      }))
      expect(shape.count).toBe(deck.pages)
      expect(shape.numbers).toEqual(Array.from({ length: shape.count }, (_, index) => String(index + 1)))
      expect(shape.kinds[0]).toBe('title')
      expect(shape.kinds[1]).toBe('agenda')
      expect(shape.kinds.at(-1)).toBe('frame')
      expect(shape.kinds).toContain('overview')
      expect(shape.cases).toEqual(Array.from({ length: cases }, (_, index) => index + 1))
      expect(shape.agenda).toHaveLength(cases)
      // Each agenda entry opens its case's first slide.
      for (const [index, href] of shape.agenda.entries()) {
        const first = await page.evaluate((n) => document.querySelector(`.slide[data-case="${n}"]`)?.getAttribute('data-slide'), index + 1)
        expect(href).toBe(`#${first}`)
      }
      expect(shape.overviewRows).toBe(cases)
      expect(shape.themes.length).toBeGreaterThanOrEqual(2)
      expect(shape.themes).toContain('智慧医疗')
    } finally {
      await page.close()
    }
  })

  it('never overflows a slide, measured on screen slide by slide, and keeps text readable', async () => {
    const { page } = await openPage(session.browser, pathToFileURL(deck.html).href)
    try {
      expect(await overflowingSlides(page)).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('navigates with keys and the URL hash, and shows the full case in the presenter view', async () => {
    const url = pathToFileURL(deck.html).href
    const { page } = await openPage(session.browser, `${url}#5`)
    try {
      const last = deck.pages
      expect(await position(page)).toEqual({ active: [5], hash: '#5' })
      const steps: Array<[string, number]> = [['ArrowRight', 6], ['PageDown', 7], ['Space', 8], ['ArrowLeft', 7], ['PageUp', 6], ['End', last], ['ArrowRight', last], ['Home', 1], ['ArrowLeft', 1]]
      for (const [key, expected] of steps) {
        await page.keyboard.press(key as 'ArrowRight')
        expect(await position(page), key).toEqual({ active: [expected], hash: `#${expected}` })
      }
      await page.evaluate(() => (location.hash = '#3'))
      await page.waitForFunction(() => document.querySelector('.slide.active')?.getAttribute('data-slide') === '3')
      expect(await position(page)).toEqual({ active: [3], hash: '#3' })

      const caseSlide = await page.evaluate(() => document.querySelector('.slide[data-case="2"]')!.getAttribute('data-slide'))
      await page.evaluate((n) => (location.hash = `#${n}`), caseSlide)
      expect(await page.evaluate(() => getComputedStyle(document.getElementById('notes-panel')!).display)).toBe('none')
      // S opens the presenter view in its own window; the audience's stays as it was.
      const [target] = await Promise.all([session.browser.waitForTarget((candidate) => candidate.url().includes('?presenter')), page.keyboard.press('s')])
      const presenter = (await target.page())!
      try {
        await presenter.waitForFunction((n) => document.querySelector('#deck > .slide.active')?.getAttribute('data-slide') === n, {}, caseSlide)
        const notes = await presenter.evaluate(() => ({
          shown: getComputedStyle(document.getElementById('notes-panel')!).display !== 'none',
          text: document.getElementById('notes-body')!.textContent ?? '',
          slide: (document.querySelector('#deck > .slide.active') as HTMLElement).innerText,
        }))
        expect(notes.shown).toBe(true)
        // The full text of case 2, including whatever the slide shortened.
        const full = await page.evaluate(() => document.querySelector('.slide[data-case="2"] .notes')!.textContent ?? '')
        expect(notes.text.replace(/\s+/g, '')).toBe(full.replace(/\s+/g, ''))
        expect(notes.text.length).toBeGreaterThan(notes.slide.length * 0.5)
        expect(await page.evaluate(() => getComputedStyle(document.getElementById('notes-panel')!).display)).toBe('none')
      } finally {
        await presenter.close()
      }
    } finally {
      await page.close()
    }
  })

  it('opens the presenter view with ?notes, and scales to any window at 16:9 wide enough to read', async () => {
    const notesView = await openPage(session.browser, `${pathToFileURL(deck.html).href}?notes#4`)
    try {
      const notes = await notesView.page.evaluate(() => ({
        shown: getComputedStyle(document.getElementById('notes-panel')!).display !== 'none',
        text: document.getElementById('notes-body')!.textContent ?? '',
      }))
      expect(notes.shown).toBe(true)
      expect(notes.text.length).toBeGreaterThan(10)
    } finally {
      await notesView.page.close()
    }
    // Narrower windows get a scrolling page of slides (slides-presenting.test.ts).
    const { page } = await openPage(session.browser, `${pathToFileURL(deck.html).href}#4`)
    try {
      for (const [width, height] of [[800, 900], [1600, 500], [700, 1000]]) {
        await page.setViewport({ width, height })
        // Resizing is handled before the next frame.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
        const box = await page.evaluate(() => {
          const rect = document.querySelector('.slide.active')!.getBoundingClientRect()
          return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, width: rect.width, height: rect.height }
        })
        expect(box.width / box.height).toBeCloseTo(16 / 9, 2)
        expect(box.left).toBeGreaterThanOrEqual(-0.5)
        expect(box.top).toBeGreaterThanOrEqual(-0.5)
        expect(box.right).toBeLessThanOrEqual(width + 0.5)
        expect(box.bottom).toBeLessThanOrEqual(height + 0.5)
        expect(Math.max(box.width / width, box.height / height)).toBeGreaterThan(0.99)
      }
    } finally {
      await page.close()
    }
  })

  it('makes no network request from file:// or from a web server', async () => {
    const fileUrl = pathToFileURL(deck.html).href
    const fromFile = await openPage(session.browser, fileUrl)
    try {
      expect(fromFile.requests.filter((request) => request !== fileUrl && !request.startsWith('data:'))).toEqual([])
    } finally {
      await fromFile.page.close()
    }
    const body = readFileSync(deck.html)
    const server = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const httpUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slides.html`
    try {
      const fromHttp = await openPage(session.browser, `${httpUrl}#2`)
      try {
        expect(fromHttp.requests.filter((request) => request !== `${httpUrl}#2` && request !== httpUrl && !request.startsWith('data:'))).toEqual([])
        await fromHttp.page.keyboard.press('ArrowRight')
        expect(await position(fromHttp.page)).toEqual({ active: [3], hash: '#3' })
        expect(await fromHttp.page.evaluate(() => Array.from(document.fonts).some((font) => font.status === 'loaded'))).toBe(true)
      } finally {
        await fromHttp.page.close()
      }
    } finally {
      server.close()
    }
    // Subset fonts keep the single file small.
    expect(body.length).toBeLessThan(1_500_000)
  })

  it('prints one 16:9 page per slide into slides.pdf', async () => {
    const pdf = await PDFDocument.load(readFileSync(deck.pdf), { updateMetadata: false })
    expect(pdf.getPageCount()).toBe(deck.pages)
    for (const pdfPage of pdf.getPages()) {
      const { width, height } = pdfPage.getSize()
      expect(width / height).toBeCloseTo(16 / 9, 3)
    }
    expect(pdf.getTitle()).toBeTruthy()
    expect(pdf.getCreationDate()?.getTime()).toBe(pdf.getModificationDate()?.getTime())
  })
})

describe('slides determinism', () => {
  it('gives byte-identical slides.html and slides.pdf for the same input and SOURCE_DATE_EPOCH', async () => {
    const first = await buildDeck(SEED, { epoch: '1700000000' })
    const second = await buildDeck(SEED, { epoch: '1700000000' })
    expect(readFileSync(second.html).equals(readFileSync(first.html))).toBe(true)
    expect(readFileSync(second.pdf).equals(readFileSync(first.pdf))).toBe(true)
    const pdf = await PDFDocument.load(readFileSync(first.pdf), { updateMetadata: false })
    expect(pdf.getCreationDate()?.toISOString()).toBe(new Date(1700000000 * 1000).toISOString())
  })
})
