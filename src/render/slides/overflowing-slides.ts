/**
 * Slides that spill over in the browser that prints them: what casebook's own measurement cannot
 * see (a user's stylesheet setting sizes outside the `--slide-…` properties it reads).
 */
import type { Page } from 'puppeteer-core'

/** Each slide of the loaded deck whose content leaves it, laid out as printed, with its title and by how many px. */
export async function overflowingSlides(page: Page): Promise<Array<{ number: number; title: string; by: number }>> {
  await page.emulateMediaType('print')
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.slide')).flatMap((slide, index) => {
      const box = slide.getBoundingClientRect()
      let by = Math.max(slide.scrollHeight - slide.clientHeight, slide.scrollWidth - slide.clientWidth)
      for (const element of Array.from(slide.querySelectorAll<HTMLElement>('.slide-body *, .title-main *'))) {
        const rect = element.getBoundingClientRect()
        if (rect.width > 0 && rect.height > 0) by = Math.max(by, rect.bottom - box.bottom, rect.right - box.right)
      }
      const title = (slide.querySelector('.deck-title, .slide-title')?.textContent ?? '').replace(/\s+/g, ' ').trim()
      return by > 1 ? [{ number: index + 1, title, by: Math.round(by) }] : []
    }),
  )
}
