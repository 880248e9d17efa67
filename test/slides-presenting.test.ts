/** slides.html as a presenter uses it, in real Chromium: presenter view, blackout, overview, jumps, phones, screen readers. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { KeyInput, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { buildPack } from '../src/pack/build-pack.js'
import { ROOT, SEED } from './helpers/cli.js'
import { openPage, startBrowser } from './helpers/browser.js'

let session: BrowserSession
let url: string
beforeAll(async () => {
  session = await startBrowser()
  const out = mkdtempSync(join(tmpdir(), 'casebook-presenting-'))
  const result = await buildPack({ input: SEED, out, formats: ['slides'], locales: ['zh-CN'], cwd: ROOT })
  expect(result.failures).toEqual([])
  url = pathToFileURL(join(out, 'zh-CN', 'slides.html')).href
})
afterAll(async () => {
  await session?.close()
})

/** The numbers of the slides on screen. */
function shown(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('#deck > .slide'))
      .map((slide, index) => (getComputedStyle(slide).display === 'none' ? 0 : index + 1))
      .filter(Boolean),
  )
}

function active(page: Page): Promise<{ slide: number; hash: string }> {
  return page.evaluate(() => ({ slide: Number(document.querySelector('#deck > .slide.active')?.getAttribute('data-slide')), hash: location.hash }))
}

/** Waits until `page` shows slide `n` (a message from another window arrives when it does). */
function waitForSlide(page: Page, n: number): Promise<unknown> {
  return page.waitForFunction((expected) => document.querySelector('#deck > .slide.active')?.getAttribute('data-slide') === String(expected) && location.hash === `#${expected}`, {}, n)
}

async function press(page: Page, ...keys: KeyInput[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key)
}

async function withDeck(hash: string, run: (page: Page) => Promise<void>): Promise<void> {
  const { page } = await openPage(session.browser, `${url}${hash}`)
  try {
    await run(page)
  } finally {
    await page.close()
  }
}

describe('the presenter view', () => {
  it('opens with P in its own window, with the notes, the next slide, a timer and the clock, and keeps both windows in step', async () => {
    await withDeck('#4', async (audience) => {
      const [target] = await Promise.all([session.browser.waitForTarget((candidate) => candidate.url().includes('?presenter')), press(audience, 'p')])
      const presenter = (await target.page())!
      try {
        await presenter.waitForFunction(() => document.querySelector('.next-deck .slide')?.getAttribute('data-slide') === '5')
        await waitForSlide(presenter, 4)
        const view = await presenter.evaluate(() => ({
          notes: document.getElementById('notes-body')!.textContent ?? '',
          full: document.querySelector('#deck > .slide[data-slide="4"] .notes')?.textContent ?? '',
          notesShown: getComputedStyle(document.getElementById('notes-panel')!).display !== 'none',
          elapsed: document.getElementById('presenter-elapsed')!.textContent,
          clock: document.getElementById('presenter-clock')!.textContent,
          nextShown: document.querySelector('.next-deck .slide')!.getBoundingClientRect().width > 100,
        }))
        expect(view.notesShown).toBe(true)
        expect(view.full.length).toBeGreaterThan(10)
        expect(view.notes.replace(/\s+/g, '')).toBe(view.full.replace(/\s+/g, ''))
        expect(view.elapsed).toMatch(/^\d+:\d\d:\d\d$/)
        expect(view.clock).toMatch(/\d/)
        expect(view.nextShown).toBe(true)
        // The audience never sees the notes or the presenter's chrome.
        expect(
          await audience.evaluate(() => [document.getElementById('notes-panel'), document.getElementById('presenter-bar')].map((element) => getComputedStyle(element!).display)),
        ).toEqual(['none', 'none'])

        // Moving the presenter view moves the audience, and the other way round.
        await press(presenter, 'ArrowRight', 'ArrowRight')
        await waitForSlide(audience, 6)
        await press(audience, 'ArrowLeft')
        await waitForSlide(presenter, 5)
        await presenter.waitForFunction(() => document.querySelector('.next-deck .slide')?.getAttribute('data-slide') === '6')
        // Blacking out from the presenter view blacks out the audience, not the presenter.
        await press(presenter, 'b')
        await audience.waitForFunction(() => getComputedStyle(document.getElementById('blackout')!).display === 'block')
        expect(await presenter.evaluate(() => [getComputedStyle(document.getElementById('blackout')!).display, document.getElementById('presenter-blackout')!.hidden])).toEqual(['none', false])
        await press(audience, 'b')
        await presenter.waitForFunction(() => document.getElementById('presenter-blackout')!.hidden)

        // S with the view open brings it forward rather than opening another.
        await press(audience, 's')
        const presenters = (await session.browser.pages()).filter((page) => page.url().includes('?presenter'))
        expect(presenters).toHaveLength(1)
      } finally {
        await presenter.close()
      }
    })
  })

  it('opens directly with ?presenter (or the older ?notes) and ends the preview at the last slide', async () => {
    const { page } = await openPage(session.browser, `${url.replace(/#.*$/, '')}?notes#2`)
    try {
      expect(await page.evaluate(() => document.documentElement.classList.contains('presenter'))).toBe(true)
      await press(page, 'End')
      const last = await page.evaluate(() => document.querySelectorAll('#deck > .slide').length)
      expect(await active(page)).toEqual({ slide: last, hash: `#${last}` })
      expect(await page.evaluate(() => [document.querySelector('.next-deck'), getComputedStyle(document.querySelector('.next-end')!).display])).toEqual([null, 'flex'])
    } finally {
      await page.close()
    }
  })
})

describe('the controls presenters expect', () => {
  it('blacks the screen out with B and with ., and goes full screen with F', async () => {
    await withDeck('#3', async (page) => {
      const cover = () =>
        page.evaluate(() => {
          const element = document.getElementById('blackout')!
          const box = element.getBoundingClientRect()
          const style = getComputedStyle(element)
          return { display: style.display, background: style.backgroundColor, covers: box.width >= innerWidth && box.height >= innerHeight }
        })
      await press(page, 'b')
      expect(await cover()).toEqual({ display: 'block', background: 'rgb(0, 0, 0)', covers: true })
      await press(page, 'b')
      expect((await cover()).display).toBe('none')
      await press(page, '.')
      expect((await cover()).display).toBe('block')
      await press(page, '.')
      expect((await cover()).display).toBe('none')
      // F asks the browser for full screen, and F again leaves it.
      await press(page, 'f')
      await page.waitForFunction(() => document.fullscreenElement === document.documentElement)
      await press(page, 'f')
      await page.waitForFunction(() => document.fullscreenElement === null)
    })
  })

  it('shows every slide in a grid with O or Esc, and a click on one opens it', async () => {
    await withDeck('#2', async (page) => {
      await page.setViewport({ width: 1280, height: 720 })
      const count = await page.evaluate(() => document.querySelectorAll('#deck > .slide').length)
      await press(page, 'o')
      expect(await shown(page)).toHaveLength(count)
      const grid = await page.evaluate(() => {
        const boxes = Array.from(document.querySelectorAll('#deck > .slide')).map((slide) => slide.getBoundingClientRect())
        return { lefts: new Set(boxes.map((box) => Math.round(box.left))).size, tops: new Set(boxes.map((box) => Math.round(box.top))).size, widest: Math.max(...boxes.map((box) => box.right)) }
      })
      expect(grid.lefts).toBeGreaterThanOrEqual(3)
      expect(grid.tops).toBeGreaterThanOrEqual(2)
      expect(grid.widest).toBeLessThanOrEqual(1280)

      const box = await page.evaluate(() => {
        const slide = document.querySelector('#deck > .slide[data-slide="7"]')!
        slide.scrollIntoView({ block: 'center' })
        const rect = slide.getBoundingClientRect()
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
      })
      await page.mouse.click(box.x, box.y)
      expect(await shown(page)).toEqual([7])
      expect(await active(page)).toEqual({ slide: 7, hash: '#7' })

      // Esc opens it too; arrows pick a slide and Enter opens it.
      await press(page, 'Escape')
      expect(await shown(page)).toHaveLength(count)
      await press(page, 'ArrowRight', 'Enter')
      expect(await shown(page)).toEqual([8])
      expect(await active(page)).toEqual({ slide: 8, hash: '#8' })
    })
  })

  it('jumps with a number and Enter, or with G, and lists the keys with ?', async () => {
    await withDeck('#1', async (page) => {
      await press(page, '1', '2', 'Enter')
      expect(await active(page)).toEqual({ slide: 12, hash: '#12' })
      await press(page, 'g', '3', 'Enter')
      expect(await active(page)).toEqual({ slide: 3, hash: '#3' })
      await press(page, '?')
      const help = await page.evaluate(() => {
        const dialog = document.getElementById('help') as HTMLDialogElement
        return { open: dialog.open, keys: Array.from(dialog.querySelectorAll('kbd')).map((key) => key.textContent) }
      })
      expect(help.open).toBe(true)
      expect(help.keys).toEqual(expect.arrayContaining(['→', '←', 'Home', 'End', 'G', 'O', 'Esc', 'P', 'S', 'B', '.', 'F', '?']))
      // Esc closes the help and leaves the deck as it was.
      await press(page, 'Escape')
      expect(await page.evaluate(() => [(document.getElementById('help') as HTMLDialogElement).open, document.documentElement.classList.contains('overview-mode')])).toEqual([false, false])
      expect(await shown(page)).toEqual([3])
    })
  })

  it('has on-screen previous and next buttons and a progress bar', async () => {
    await withDeck('#2', async (page) => {
      const count = await page.evaluate(() => document.querySelectorAll('#deck > .slide').length)
      await page.click('.deck-controls [data-action="next"]')
      await page.click('.deck-controls [data-action="next"]')
      expect(await active(page)).toEqual({ slide: 4, hash: '#4' })
      await page.click('.deck-controls [data-action="previous"]')
      expect(await active(page)).toEqual({ slide: 3, hash: '#3' })
      const bar = await page.evaluate(() => document.getElementById('progress-bar')!.getBoundingClientRect().width / innerWidth)
      expect(bar).toBeCloseTo(3 / count, 2)
      expect(await page.evaluate(() => Array.from(document.querySelectorAll('.deck-controls button')).map((button) => button.getAttribute('aria-label')))).toEqual(['上一张', '下一张', '快捷键'])
      // When the pointer rests (slides.js sets controls-idle) they step aside, unless one has the keyboard's focus.
      const reachable = () => page.evaluate(() => getComputedStyle(document.getElementById('deck-controls')!).pointerEvents !== 'none')
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      await page.evaluate(() => document.documentElement.classList.add('controls-idle'))
      expect(await reachable()).toBe(false)
      await page.focus('.deck-controls [data-action="next"]')
      expect(await reachable()).toBe(true)
    })
  })
})

describe('phones, history and screen readers', () => {
  it('announces each slide in a polite live region and moves focus to the slide', async () => {
    await withDeck('#1', async (page) => {
      for (const key of ['ArrowRight', 'ArrowRight', 'End', 'Home'] as const) {
        await press(page, key)
        const state = await page.evaluate(() => {
          const slide = document.querySelector('#deck > .slide.active')!
          const status = document.getElementById('deck-status')!
          return {
            live: status.getAttribute('aria-live'),
            text: status.textContent,
            title: slide.querySelector('.slide-title, .deck-title')!.textContent!.trim(),
            number: slide.getAttribute('data-slide'),
            focused: document.activeElement === slide,
          }
        })
        expect(state.live).toBe('polite')
        expect(state.text).toContain(state.title)
        expect(state.text).toContain(`第 ${state.number} 张`)
        expect(state.focused).toBe(true)
      }
    })
  })

  it('keeps swipes away from Back and Forward and adds no history entry per slide', async () => {
    await withDeck('#1', async (page) => {
      await page.setViewport({ width: 1280, height: 720, hasTouch: true, isMobile: false })
      const styles = await page.evaluate(() => ({
        html: getComputedStyle(document.documentElement).overscrollBehaviorX,
        body: getComputedStyle(document.body).overscrollBehaviorX,
        stage: getComputedStyle(document.getElementById('stage')!).touchAction,
      }))
      expect(styles).toEqual({ html: 'none', body: 'none', stage: 'pan-y pinch-zoom' })
      const before = await page.evaluate(() => history.length)
      await press(page, 'ArrowRight', 'ArrowRight', 'PageDown')
      // An agenda link moves the same way as the keys.
      await page.evaluate(() => (location.hash = '#2'))
      await waitForSlide(page, 2)
      const entries = await page.evaluate(() => history.length)
      await page.click('.slide.active .agenda a')
      // A swipe to the left is the next slide.
      const target = (await active(page)).slide
      await page.touchscreen.touchStart(900, 400)
      await page.touchscreen.touchMove(500, 410)
      await page.touchscreen.touchEnd()
      expect((await active(page)).slide).toBe(target + 1)
      expect(await page.evaluate(() => history.length)).toBe(entries)
      // Setting the hash by hand is the one thing that adds an entry.
      expect(entries).toBe(before + 1)
    })
  })

  it('becomes a scrolling page of readable slides where the canvas would shrink text under 12 px', async () => {
    await withDeck('#5', async (page) => {
      await page.setViewport({ width: 375, height: 667, hasTouch: true, isMobile: true })
      await page.waitForFunction(() => document.documentElement.classList.contains('scroll-view'))
      // The page is laid out anew for the narrow window: the current slide is brought to the top once it settles.
      await page.waitForFunction(() => Math.abs(document.querySelector('#deck > .slide[data-slide="5"]')!.getBoundingClientRect().top) < 2)
      const count = await page.evaluate(() => document.querySelectorAll('#deck > .slide').length)
      expect(await shown(page)).toHaveLength(count)
      const layout = await page.evaluate(() => {
        const small: string[] = []
        for (const element of Array.from(document.querySelectorAll<HTMLElement>('#deck > .slide *'))) {
          if (!element.offsetParent || !Array.from(element.childNodes).some((node) => node.nodeType === 3 && node.textContent!.trim())) continue
          const size = parseFloat(getComputedStyle(element).fontSize) * (element.getBoundingClientRect().width / (element.offsetWidth || 1))
          if (size < 12) small.push(`${element.className || element.tagName} ${size}px`)
        }
        return { small, pageWidth: document.documentElement.scrollWidth, top: document.querySelector('#deck > .slide[data-slide="5"]')!.getBoundingClientRect().top }
      })
      expect(layout.small).toEqual([])
      expect(layout.pageWidth).toBeLessThanOrEqual(375)
      expect(Math.abs(layout.top)).toBeLessThan(2)

      // Keys scroll to the slide; scrolling makes the slide at the top current.
      await press(page, 'ArrowRight')
      expect(await active(page)).toEqual({ slide: 6, hash: '#6' })
      expect(Math.abs(await page.evaluate(() => document.querySelector('#deck > .slide[data-slide="6"]')!.getBoundingClientRect().top))).toBeLessThan(2)
      await page.evaluate(() => window.scrollTo(0, (document.querySelector('#deck > .slide[data-slide="9"]') as HTMLElement).offsetTop + 5))
      await waitForSlide(page, 9)
      // Page Down scrolls the page, as on any page, and the slide at the top becomes current.
      const scrolled = await page.evaluate(() => window.scrollY)
      await press(page, 'PageDown')
      await page.waitForFunction((before) => window.scrollY > before, {}, scrolled)
      // Scroll events are handled in the next frames.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
      const after = await active(page)
      expect(after.slide).toBeGreaterThanOrEqual(9)
      expect(after.hash).toBe(`#${after.slide}`)

      // Back to a wide window, the canvas again, on the same slide.
      await page.setViewport({ width: 1280, height: 720 })
      await page.waitForFunction(() => !document.documentElement.classList.contains('scroll-view'))
      expect(await shown(page)).toEqual([after.slide])
    })
  })
})
