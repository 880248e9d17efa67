/**
 * casebook starts Chromium itself (so that it starts while puppeteer loads) with puppeteer's
 * own automation flags: held here to the puppeteer-core installed, so an upgrade that changes
 * them fails this test instead of changing how pages lay out and print.
 */
import puppeteer from 'puppeteer-core'
import { describe, expect, it } from 'vitest'
import { browserArgs } from '../src/browser/browser-args.js'

describe('the browser command line', () => {
  it.each([
    ['the headless shell', true, 'shell' as const],
    ['full Chromium', false, true as const],
  ])('passes every flag puppeteer.launch would give %s', (_, shell, headless) => {
    const ours = browserArgs({ shell, userDataDir: '/tmp/profile', noSandbox: false })
    const theirs = puppeteer.defaultArgs({ headless, userDataDir: '/tmp/profile', pipe: true })
    expect(theirs.filter((flag) => !ours.includes(flag))).toEqual([])
    // And casebook's own on top: a pipe, no GPU, no font hinting.
    expect(ours).toEqual(expect.arrayContaining(['--remote-debugging-pipe', '--disable-gpu', '--font-render-hinting=none']))
  })
})
