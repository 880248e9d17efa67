/**
 * Measures margin text in the page being printed, with the faces it is
 * printed in, and adds the rules made from that measure: Chromium lays
 * margin boxes out but neither clips nor ellipsizes them, so text that must
 * be cut is cut before the print, by its real width.
 */
import type { Page } from 'puppeteer-core'
import type { MeasureText } from '../cut-text.js'

/** What to measure, and the rules (`<style>` text) made from its measure. */
export interface MarginRules {
  /** Every character the rules may show. */
  text: string
  /** The CSS `font` the margin boxes use. */
  font: string
  rules(measure: MeasureText): string
}

/** Measures `margin.text` in `page` (its faces must be loaded) and appends `margin.rules` to the page. */
export async function addMarginRules(page: Page, margin: MarginRules): Promise<void> {
  const characters = [...new Set(Array.from(margin.text))]
  // One advance per character: margin text is short, and kerning only narrows Latin pairs, so the sum errs wide.
  const advances = await page.evaluate(
    (font, list) => {
      const context = document.createElement('canvas').getContext('2d')!
      context.font = font
      return list.map((character) => context.measureText(character).width)
    },
    margin.font,
    characters,
  )
  const widths = new Map(characters.map((character, index) => [character.codePointAt(0)!, advances[index]]))
  // A character the text did not list (none should be) counts as a full em.
  const em = Math.max(...advances, 0)
  const measure: MeasureText = (text, start = 0, end = text.length, width = 0) => {
    for (let index = start; index < end; index++) {
      const code = text.codePointAt(index)!
      if (code > 0xffff) index++
      width += widths.get(code) ?? em
    }
    return width
  }
  await page.evaluate((css) => {
    const style = document.createElement('style')
    style.textContent = css
    document.head.append(style)
  }, margin.rules(measure))
}
