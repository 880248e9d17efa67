/**
 * The handout and the numbers of a deck as rendered: bookmarks with the slide titles (spaces
 * kept), clickable links, `handout.notes` pages, slide numbers and counts that follow a template
 * that leaves slides out, a house style with larger type that still fits, and a slide that cannot
 * fit reported at build time.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { buildPack } from '../src/pack/build-pack.js'
import { ROOT, SEED } from './helpers/cli.js'
import { startBrowser } from './helpers/browser.js'
import { readDeck } from './helpers/slides.js'
import { requireTool, run } from './helpers/tools.js'

const work = mkdtempSync(join(tmpdir(), 'casebook-handout-'))
let session: BrowserSession

beforeAll(async () => {
  requireTool('pdftotext')
  session = await startBrowser()
})
afterAll(async () => {
  await session?.close()
  rmSync(work, { recursive: true, force: true })
})

/** A folder of its own under the test's temp folder. */
function folder(name: string): string {
  const path = join(work, name)
  mkdirSync(path, { recursive: true })
  return path
}

/** The PDF's bookmark titles, in order. */
function bookmarks(pdf: PDFDocument): string[] {
  const titles: string[] = []
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict)
  while (item) {
    const title = item.lookup(PDFName.of('Title'))
    titles.push(title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : String(title))
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
  }
  return titles
}

/** Each page's Link annotations: the URI of those that open one, '' for links within the PDF. */
function links(pdf: PDFDocument): string[] {
  return pdf.getPages().flatMap((page) => {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    if (!annotations) return []
    return annotations.asArray().flatMap((ref) => {
      const annotation = pdf.context.lookup(ref) as PDFDict
      if (annotation.get(PDFName.of('Subtype'))?.toString() !== '/Link') return []
      const uri = annotation.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'))
      return [uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : '']
    })
  })
}

async function readHandout(path: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(path), { updateMetadata: false })
}

describe('the handout', () => {
  it('of the English seed: one page per slide, a bookmark per slide with its title’s spaces, the agenda’s links clickable', async () => {
    const out = folder('seed')
    const result = await buildPack({ input: SEED, out, formats: ['slides', 'handout'], locales: ['en'], cwd: ROOT })
    expect(result.failures).toEqual([])
    const [html, handout] = result.artifacts
    const pdf = await readHandout(join(out, 'en', 'slides.pdf'))
    expect(handout.pages).toBe(pdf.getPageCount())
    expect(handout.pages).toBe(html.pages)
    const titles = bookmarks(pdf)
    expect(titles[0]).toBe('Decoding Success in Public Services: Ten Exemplary Cases')
    expect(titles).toContain('Case 2 Hangzhou’s “City Brain”')
    expect(titles).toContain('Case 4 Guangzhou’s “Sponge City” Development')
    // A bookmark per slide that is not a continuation: title, agenda, introduction, ten cases, overview, conclusion.
    expect(titles).toHaveLength(15)
    // The agenda's ten entries link to their slides inside the PDF.
    expect(links(pdf).filter((link) => link === '').length).toBeGreaterThanOrEqual(10)
  })

  it('with handout.notes: a page of notes after each run of slides that has them, their web links clickable', async () => {
    const dir = folder('notes')
    copyFileSync(join(ROOT, 'test/fixtures/docx-markdown-links/input.md'), join(dir, 'input.md'))
    writeFileSync(join(dir, 'casebook.yaml'), 'locales: [zh-CN]\nhandout:\n  notes: true\n')
    const plain = await buildPack({ input: join(dir, 'input.md'), out: join(dir, 'plain'), formats: ['handout'], locales: ['zh-CN'], cwd: dir, config: join(dir, 'none.yaml') }).catch(() => null)
    expect(plain).toBeNull()
    const result = await buildPack({ input: join(dir, 'input.md'), out: join(dir, 'out'), formats: ['slides', 'handout'], cwd: dir })
    expect(result.failures).toEqual([])
    const [html, handout] = result.artifacts
    const pdf = await readHandout(join(dir, 'out', 'zh-CN', 'slides.pdf'))
    expect(handout.pages).toBe(pdf.getPageCount())
    // The introduction, the two cases, the overview and the conclusion have notes: five pages more.
    expect(handout.pages).toBe((html.pages ?? 0) + 5)
    const text = run('pdftotext', ['-layout', join(dir, 'out', 'zh-CN', 'slides.pdf'), '-'])
    expect(text.match(/演讲者备注 · /g)).toHaveLength(5)
    expect(links(pdf)).toEqual(expect.arrayContaining(['https://example.org/cases', 'mailto:editor@example.org']))
    expect(links(pdf)).not.toContain('javascript:alert(1)')
  })
})

describe('a template that leaves slides out', () => {
  it('numbers the slides it renders, links the agenda to them, and reports the count the HTML and the PDF have', async () => {
    const dir = folder('hidden')
    const templates = folder('hidden/templates')
    const original = readFileSync(join(ROOT, 'templates/slides.hbs'), 'utf8')
    // The overview slides are left out.
    const hidden = original.replace('{{#each slides}}\n', '{{#each slides}}{{#unless (eq kind "overview")}}\n').replace('</section>\n{{/each}}', '</section>\n{{/unless}}{{/each}}')
    expect(hidden).not.toBe(original)
    writeFileSync(join(templates, 'slides.hbs'), hidden)
    writeFileSync(join(dir, 'casebook.yaml'), 'templates: templates\n')
    const result = await buildPack({ input: SEED, out: join(dir, 'out'), formats: ['slides', 'handout'], locales: ['zh-CN'], cwd: dir, config: join(dir, 'casebook.yaml') })
    expect(result.failures).toEqual([])
    const [html, handout] = result.artifacts
    const pdf = await readHandout(join(dir, 'out', 'zh-CN', 'slides.pdf'))
    expect(pdf.getPageCount()).toBe(14)
    expect(handout.pages).toBe(14)
    expect(html.pages).toBe(14)
    // The last page says 14 / 14, not 15 / 15.
    const last = run('pdftotext', ['-f', '14', '-l', '14', join(dir, 'out', 'zh-CN', 'slides.pdf'), '-'])
    expect(last).toContain('14 / 14')
    const page = await session.browser.newPage()
    try {
      await page.goto(pathToFileURL(join(dir, 'out', 'zh-CN', 'slides.html')).href, { waitUntil: 'load' })
      const shown = await page.evaluate(() => ({
        footers: Array.from(document.querySelectorAll('.footer-number')).map((element) => element.textContent),
        labels: Array.from(document.querySelectorAll('.slide')).map((element) => element.getAttribute('aria-label')),
        agenda: Array.from(document.querySelectorAll('.agenda a')).map((link) => [link.getAttribute('href'), link.querySelector('.agenda-slide')?.textContent]),
        starts: Array.from(document.querySelectorAll('.slide[data-case]:not(.is-continued)')).map((slide) => slide.getAttribute('data-slide')),
      }))
      expect(shown.footers).toEqual(Array.from({ length: 13 }, (_, index) => `${index + 2} / 14`))
      expect(shown.labels).toEqual(Array.from({ length: 14 }, (_, index) => `${index + 1} / 14`))
      expect(shown.agenda).toEqual(shown.starts.map((number) => [`#${number}`, number]))
    } finally {
      await page.close()
    }
  })
})

describe('a house style with larger type', () => {
  it('gets its type on more slides that still fit, every word kept', async () => {
    const dir = folder('house')
    const templates = folder('house/templates')
    writeFileSync(join(templates, 'slides.css'), `${readFileSync(join(ROOT, 'templates/slides.css'), 'utf8')}\n:root { --slide-text-size: 34px; --slide-text-line: 50px; --slide-lead-size: 36px; --slide-lead-line: 54px; --slide-title-size: 46px; --slide-title-line: 58px; }\n`)
    writeFileSync(join(dir, 'casebook.yaml'), 'templates: templates\n')
    const plain = await buildPack({ input: SEED, out: join(dir, 'plain'), formats: ['slides'], locales: ['zh-CN'], cwd: ROOT })
    const result = await buildPack({ input: SEED, out: join(dir, 'out'), formats: ['slides'], locales: ['zh-CN'], cwd: dir, config: join(dir, 'casebook.yaml') })
    expect(result.failures).toEqual([])
    expect(result.artifacts[0].pages).toBeGreaterThan(plain.artifacts[0].pages!)
    const page = await session.browser.newPage()
    try {
      await page.setJavaScriptEnabled(false)
      await page.goto(pathToFileURL(join(dir, 'out', 'zh-CN', 'slides.html')).href, { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready.then(() => undefined))
      const deck = await readDeck(page)
      // The house's size, or on a case kept to fewer slides, that size stepped down by --slide-compact-scale.
      const sizes = await page.evaluate(() => Array.from(document.querySelectorAll('.point-text'), (element) => parseFloat(getComputedStyle(element).fontSize)))
      expect(sizes.every((size) => size === 34 || Math.abs(size - 34 * 0.86) < 0.01)).toBe(true)
      expect(sizes).toContain(34)
      expect(deck.overflows).toEqual([])
      expect(deck.lonely).toEqual([])
      const shown = deck.pointText.replace(/\s+/g, '')
      for (const point of deck.notes.flatMap((item) => item.points)) expect(shown).toContain(point.text.replace(/\s+/g, ''))
    } finally {
      await page.close()
    }
  })
})

describe('a slide that cannot fit', () => {
  it('is a build warning naming the artifact and the slide, its text kept', async () => {
    const dir = folder('giant')
    const giant = '城市'.repeat(900)
    writeFileSync(join(dir, 'input.md'), `---\ntitle: 巨表\n---\n\n# 引言\n本集一个案例。\n\n# 案例一：巨表\n## 1.1 案例背景\n背景。\n\n## 1.2 案例分析\n| 城市 | 事项 |\n|---|---|\n| ${giant} | 1 |\n\n## 1.3 案例启示\n启示。\n\n# 结论\n完。\n`)
    const result = await buildPack({ input: join(dir, 'input.md'), out: join(dir, 'out'), formats: ['slides'], locales: ['zh-CN'], cwd: dir })
    expect(result.failures).toEqual([])
    const messages = result.reports.flatMap((file) => file.messages.map((message) => ({ path: file.path, ruleId: message.ruleId, fatal: message.fatal, reason: message.reason })))
    const overflow = messages.filter((message) => message.ruleId === 'slide-overflow')
    expect(overflow).toHaveLength(1)
    expect(overflow[0]).toMatchObject({ path: join(dir, 'out', 'zh-CN', 'slides.html'), fatal: false })
    expect(overflow[0].reason).toMatch(/^slide 5 \(案例一 巨表\): a table row \(“表 1 城市 事项”\) does not fit the slide even at the smallest type/)
    expect(readFileSync(join(dir, 'out', 'zh-CN', 'slides.html'), 'utf8')).toContain(giant)
  })
})
