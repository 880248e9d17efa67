/** Spaces the parts of each heading for the PDF outline, which Chromium builds from heading text. */
import type { Page } from 'puppeteer-core'

/**
 * Puts a space between a heading's element children (`案例二 杭州“城市大脑”`,
 * `2.1 案例背景`); without it the outline runs a heading's spans together.
 * A label on its own line gets a no-break space at its end, where it is
 * invisible; after an inline number the print stylesheet narrows the margin.
 */
export async function labelHeadings(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const heading of Array.from(document.querySelectorAll<HTMLElement>('h1, h2, h3'))) {
      for (const child of Array.from(heading.children)) {
        const next = child.nextSibling
        if (!next || /^\s/.test(next.textContent ?? '')) continue
        // A space after a label on its own line collapses away; a no-break space inside it survives.
        if (getComputedStyle(child).display === 'inline') heading.insertBefore(document.createTextNode(' '), next)
        else child.append('\u00a0')
      }
    }
  })
}
