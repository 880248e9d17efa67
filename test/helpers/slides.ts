/** The deck in Chromium: which slides spill over their 16:9 box. */
import type { Page } from 'puppeteer-core'

/** Shows every slide in turn at 1280×720 and reports any that spills over, with what spills. */
export async function overflowingSlides(page: Page): Promise<string[]> {
  await page.setViewport({ width: 1280, height: 720 })
  const count = await page.evaluate(() => document.querySelectorAll('.slide').length)
  const problems: string[] = []
  for (let number = 1; number <= count; number++) {
    await page.evaluate((n) => (location.hash = `#${n}`), number)
    await page.waitForFunction((n) => document.querySelector('.slide.active')?.getAttribute('data-slide') === String(n), {}, number)
    const problem = await page.evaluate(() => {
      const slide = document.querySelector('.slide.active') as HTMLElement
      if (slide.scrollHeight > slide.clientHeight || slide.scrollWidth > slide.clientWidth) {
        return `scroll ${slide.scrollWidth}×${slide.scrollHeight} in ${slide.clientWidth}×${slide.clientHeight}`
      }
      const box = slide.getBoundingClientRect()
      for (const element of Array.from(slide.querySelectorAll<HTMLElement>('.slide-body *, .slide-footer, .title-main *'))) {
        const rect = element.getBoundingClientRect()
        if (rect.height > 0 && (rect.bottom > box.bottom + 0.5 || rect.right > box.right + 0.5)) return `${element.className || element.tagName} ends at ${rect.bottom}`
        const size = parseFloat(getComputedStyle(element).fontSize)
        if (element.textContent && size < 15) return `${element.className || element.tagName} is ${size}px`
      }
      return null
    })
    if (problem) problems.push(`slide ${number}: ${problem}`)
  }
  return problems
}
