/**
 * slides.pptx, read by its readers: the package's XML (text runs, tables, pictures, notes, fonts
 * and languages) and LibreOffice Impress, whose PDF poppler reads for text and word boxes. The
 * deck is slides.html's: the same slides, in the same order, with the same words.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { casebook, SEED } from './helpers/cli.js'
import { run } from './helpers/tools.js'
import { convertPptx, notesOf, pdfPageTexts, pdfWords, pptxBytes, pptxParts, runs, scratch, slidesXml, squeeze } from './helpers/pptx-read.js'
import { needsBrowser } from '../src/render/registry.js'
import { DEFAULT_BRAND } from '../src/config/brand.js'
import { templateDirs } from '../src/config/template-dirs.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { fontsOf, slideLayout } from '../src/render/slides/deck-layout.js'
import type { TextMeasure } from '../src/render/slides/text-lines.js'

const EPOCH = '1700000000'
const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const
/** What each locale's runs say they are written in, and the East Asian face and character set they name. */
const LANGUAGE = { 'zh-CN': ['zh-CN', '微软雅黑', '-122'], 'zh-TW': ['zh-TW', '微軟正黑體', '-120'], en: ['en-US', '微软雅黑', '-122'] } as const
const CONTINUED = { 'zh-CN': '（续）', 'zh-TW': '（續）', en: '(continued)' } as const

/** One slide of slides.html, as a reader sees it. */
interface HtmlSlide {
  kind: string
  continued: boolean
  kicker: string
  title: string
  /** Key-point labels and section headings. */
  labels: string[]
  /** The speaker notes' paragraphs. */
  notes: string[]
  /** The overview's column heads. */
  heads: string[]
  /** Rows of the overview or of a table. */
  rows: number
}

function decodeHtml(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .trim()
}

function htmlSlides(html: string): HtmlSlide[] {
  return [...html.matchAll(/<section class="slide kind-([a-z-]+)((?: [a-z-]+)*)"[\s\S]*?<\/section>/g)].map(([section, kind, classes]) => {
    const first = (pattern: RegExp) => decodeHtml(pattern.exec(section)?.[1] ?? '')
    const all = (pattern: RegExp) => [...section.matchAll(pattern)].map((match) => decodeHtml(match[1]))
    const notes = /<aside class="notes"[^>]*>([\s\S]*?)<\/aside>/.exec(section)?.[1] ?? ''
    return {
      kind,
      continued: classes.split(' ').includes('is-continued'),
      kicker: first(/<p class="kicker">([^<]*)/),
      title: first(/<h[12] class="(?:slide-title|deck-title[^"]*)">([\s\S]*?)<\/h[12]>/),
      labels: [...all(/<strong class="point-label">([\s\S]*?)<\/strong>/g), ...all(/<p class="item-heading[^"]*">([^<]*)/g)],
      notes: [...notes.matchAll(/<(p|li|h3|h4)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => decodeHtml(match[2])).filter(Boolean),
      heads: all(/<th class="col-theme" scope="col">([\s\S]*?)<\/th>/g),
      rows: (section.split('<aside')[0].match(/<tr>/g) ?? []).length,
    }
  })
}

const EMU_PER_PX = 9525

/** Checks every shape of the slides, layouts and masters lies on the 16:9 slide; returns how many it checked. */
function boxesInside(parts: Map<string, string>): number {
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(parts.get('ppt/presentation.xml')!)!
  const [width, height] = [Number(size[1]), Number(size[2])]
  // 16:9, 13.333 × 7.5 in.
  expect([width, height]).toEqual([12192000, 6858000])
  let boxes = 0
  for (const [name, xml] of parts) {
    if (!/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) continue
    for (const [, x, y, cx, cy] of xml.matchAll(/<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
      expect(Number(x), name).toBeGreaterThanOrEqual(0)
      expect(Number(y), name).toBeGreaterThanOrEqual(0)
      expect(Number(x) + Number(cx), name).toBeLessThanOrEqual(width)
      expect(Number(y) + Number(cy), name).toBeLessThanOrEqual(height)
      boxes++
    }
  }
  return boxes
}

/** The deck's measure in `locale` (casebook's fonts, as these decks are set), for every character of `slides`. */
async function deckMeasure(locale: string, slides: string[]): Promise<TextMeasure> {
  const dirs = templateDirs()
  return (await slideLayout(dirs, fontsOf(DEFAULT_BRAND, await loadLocale(locale, dirs)), slides.map((xml) => runs(xml).join('')).join(''))).measure
}

/**
 * Checks each text box holds its lines at its own size, weight, spacing and line height, by the
 * deck's measure (the embedded fonts' advances slides.html was paginated with); returns how many it checked.
 */
function textsFit(slides: string[], measure: TextMeasure): number {
  let texts = 0
  slides.forEach((xml, index) => {
    for (const [shape] of xml.matchAll(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:txBody>[\s\S]*?<\/p:sp>/g)) {
      const box = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape)
      if (!box) continue
      const [w, h] = [Number(box[1]) / EMU_PER_PX, Number(box[2]) / EMU_PER_PX]
      let needed = 0
      for (const [, paragraph] of shape.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const text = runs(paragraph).join('')
        if (!text) continue
        const sizes = [...paragraph.matchAll(/<a:rPr[^>]*\bsz="(\d+)"/g)].map((match) => Number(match[1]) / 100 / 0.75)
        const size = Math.max(...sizes)
        const font = { size, bold: /<a:rPr[^>]*\bb="1"/.test(paragraph), spacing: Number(/\bspc="(\d+)"/.exec(paragraph)?.[1] ?? 0) / 100 / 0.75 / size }
        const line = Number(/<a:spcPts val="(\d+)"\/><\/a:lnSpc>/.exec(paragraph)?.[1] ?? 0) / 100 / 0.75 || size * 1.25
        const indent = /<a:buChar/.test(paragraph) ? 28 : 0
        // A Latin word without spaces cannot wrap in a viewer: it must fit the box's width.
        const breakable = /[\s\u2e80-\uffff]/.test(text)
        if (!breakable) expect(measure.width(text, font), text).toBeLessThanOrEqual(w - indent)
        needed += line * (breakable ? measure.count(text, w - indent, font) : 1)
      }
      if (needed === 0) continue
      expect(needed, `slide ${index + 1}: ${runs(shape).join('').slice(0, 40)}`).toBeLessThanOrEqual(h + 1)
      texts++
    }
  })
  return texts
}
const out = scratch()
const built: Record<string, { html: HtmlSlide[]; parts: Map<string, string>; slides: string[]; pdf: string }> = {}

beforeAll(() => {
  const result = casebook(['build', SEED, '--format', 'slides,pptx', '--out', out], { env: { SOURCE_DATE_EPOCH: EPOCH } })
  expect(result.stderr).not.toMatch(/\n\s+at /)
  expect(result.code, result.stderr).toBe(0)
  for (const locale of LOCALES) {
    const parts = pptxParts(join(out, locale, 'slides.pptx'))
    built[locale] = { html: htmlSlides(readFileSync(join(out, locale, 'slides.html'), 'utf8')), parts, slides: slidesXml(parts), pdf: convertPptx(join(out, locale, 'slides.pptx')) }
  }
}, 600_000)

describe.each(LOCALES)('seed slides.pptx (%s)', (locale) => {
  it("has slides.html's slides in its order, and LibreOffice shows every one", () => {
    const { html, slides, pdf } = built[locale]
    expect(html.length).toBeGreaterThan(10)
    expect(slides).toHaveLength(html.length)
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1])).toBe(html.length)
    html.forEach((slide, index) => expect(runs(slides[index]), `slide ${index + 1}`).toContain(slide.title))
  })

  it('holds every title, kicker, key-point label and heading as text runs, and LibreOffice prints them', () => {
    const { html, slides, pdf } = built[locale]
    const pages = pdfPageTexts(pdf).map(squeeze)
    let checked = 0
    html.forEach((slide, index) => {
      const texts = runs(slides[index])
      for (const text of [slide.title, slide.kicker, ...slide.labels].filter(Boolean)) {
        expect(texts, `slide ${index + 1}: “${text}”`).toContain(text)
        expect(pages[index], `page ${index + 1}: “${text}”`).toContain(squeeze(text))
        checked++
      }
    })
    expect(checked).toBeGreaterThan(50)
  })

  it('marks the same slides “continued” as slides.html', () => {
    const { html, slides } = built[locale]
    const continued = html.map((slide) => slide.continued)
    expect(slides.map((xml) => runs(xml).some((text) => text.trim() === CONTINUED[locale]))).toEqual(continued)
  })

  it('keeps every box on its slide and every text inside its box', async () => {
    const { parts, slides } = built[locale]
    expect(boxesInside(parts)).toBeGreaterThan(slides.length * 4)
    expect(textsFit(slides, await deckMeasure(locale, slides))).toBeGreaterThan(slides.length * 2)
  })

  it('prints, in LibreOffice, every word inside its page and above the footer', () => {
    const { pdf } = built[locale]
    const { pages, words } = pdfWords(pdf)
    expect(words.length).toBeGreaterThan(100)
    for (const word of words) {
      const page = pages[word.page - 1]
      expect(word.xMin, `${word.text} on page ${word.page}`).toBeGreaterThanOrEqual(0)
      expect(word.yMin, `${word.text} on page ${word.page}`).toBeGreaterThanOrEqual(0)
      expect(word.xMax, `${word.text} on page ${word.page}`).toBeLessThanOrEqual(page.width + 0.5)
      expect(word.yMax, `${word.text} on page ${word.page}`).toBeLessThanOrEqual(page.height + 0.5)
      // The footer is the slide's last 48 of 720 px: body text that reaches into it ran over.
      const footer = (page.height * (720 - 48)) / 720
      if (word.yMin < footer) expect(word.yMax, `${word.text} on page ${word.page}`).toBeLessThanOrEqual(footer + 1)
    }
  })

  it("names the locale's language and East Asian face on every run, and LibreOffice picks a CJK font", () => {
    const { slides, parts, pdf } = built[locale]
    const [lang, eastAsia, charset] = LANGUAGE[locale]
    for (const xml of slides) {
      for (const [props] of xml.matchAll(/<a:rPr [^>]*>[\s\S]*?<\/a:rPr>/g)) {
        expect(props).toContain(`lang="${lang}"`)
        expect(props).toContain(`<a:ea typeface="${eastAsia}" charset="${charset}"/>`)
        expect(props).toContain('<a:latin typeface="Arial"/>')
      }
    }
    for (const [name, xml] of parts) expect(xml, name).not.toContain('casebook-')
    expect(parts.get('ppt/theme/theme1.xml')).toContain(`<a:ea typeface="${eastAsia}"/>`)
    if (locale !== 'en') expect(run('pdffonts', [pdf])).toMatch(/CJK/)
  })

  it('keeps the full text of each case in its speaker notes', () => {
    const { html, parts } = built[locale]
    let cases = 0
    html.forEach((slide, index) => {
      if (slide.kind !== 'case' && slide.kind !== 'frame') return
      const notes = squeeze(notesOf(parts, index + 1).join('\n'))
      for (const paragraph of slide.notes) expect(notes, `notes of slide ${index + 1}`).toContain(squeeze(paragraph))
      cases++
    })
    expect(cases).toBeGreaterThanOrEqual(10)
  })

  it('draws the overview as a native table, and the title and slide number from the master', () => {
    const { html, slides, parts } = built[locale]
    const index = html.findIndex((slide) => slide.kind === 'overview')
    const overview = slides[index]
    expect(overview).toContain('<a:tbl>')
    expect((overview.match(/<a:tr /g) ?? []).length).toBe(html[index].rows)
    for (const head of html[index].heads) expect(runs(overview)).toContain(head)
    // Its case labels, and the agenda's slide numbers, jump to the case's slide.
    expect(overview.match(/action="ppaction:\/\/hlinksldjump"/g)).toHaveLength(html[index].rows - 1)
    expect(slides[1].match(/action="ppaction:\/\/hlinksldjump"/g)).toHaveLength(10)
    // Every content slide's title is its layout's title placeholder, and its number the master's field.
    slides.forEach((xml, n) => expect(xml, `slide ${n + 1}`).toMatch(/<p:ph[^>]*type="title"/))
    slides.slice(1).forEach((xml) => expect(xml).toContain('type="slidenum"'))
    const layouts = [...parts].filter(([name]) => name.startsWith('ppt/slideLayouts/slideLayout')).map(([, xml]) => xml).join('')
    expect(runs(layouts)).toContain(html[0].title)
    // The overview cuts its cells to a line; its notes give every case's title whole.
    const agenda = readFileSync(join(out, locale, 'slides.html'), 'utf8').match(/<span class="agenda-title">[^<]*<\/span>/g)!.map((span) => span.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&'))
    expect(agenda).toHaveLength(10)
    const notes = notesOf(parts, index + 1).join('\n')
    for (const title of agenda) expect(notes).toContain(title)
  })
})

describe('seed slides.pptx: reproducible', () => {
  it('is byte-identical when built again, its entries and core properties dated SOURCE_DATE_EPOCH', () => {
    const again = scratch()
    expect(casebook(['build', SEED, '--format', 'pptx', '--out', again], { env: { SOURCE_DATE_EPOCH: EPOCH } }).code).toBe(0)
    for (const locale of LOCALES) expect(readFileSync(join(again, locale, 'slides.pptx')).equals(readFileSync(join(out, locale, 'slides.pptx'))), locale).toBe(true)
    const core = built['zh-CN'].parts.get('docProps/core.xml')!
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>')
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:modified>')
    const bytes = readFileSync(join(out, 'zh-CN', 'slides.pptx'))
    const dates = new Set<string>()
    for (let at = bytes.indexOf('PK\x03\x04'); at !== -1; at = bytes.indexOf('PK\x03\x04', at + 4)) dates.add(`${bytes.readUInt16LE(at + 12)}:${bytes.readUInt16LE(at + 10)}`)
    expect([...dates]).toEqual([`${((2023 - 1980) << 9) | (11 << 5) | 14}:${(22 << 11) | (13 << 5) | (20 >> 1)}`])
  })

  it('needs no browser', async () => {
    expect(await needsBrowser(['pptx'])).toBe(false)
  })
})

describe('pictures and tables in slides.pptx', () => {
  const rich = scratch()
  let parts: Map<string, string>
  let bytes: Map<string, Uint8Array>
  let html: HtmlSlide[]

  beforeAll(() => {
    const result = casebook(['build', join('test', 'fixtures', 'rich-markdown', 'input.md'), '--format', 'slides,pptx', '--locale', 'zh-CN', '--out', rich], { env: { SOURCE_DATE_EPOCH: EPOCH } })
    expect(result.code, result.stderr).toBe(0)
    parts = pptxParts(join(rich, 'zh-CN', 'slides.pptx'))
    bytes = pptxBytes(join(rich, 'zh-CN', 'slides.pptx'))
    html = htmlSlides(readFileSync(join(rich, 'zh-CN', 'slides.html'), 'utf8'))
  })

  it('shows a figure as a native picture with its description as alt text', () => {
    const pictures = slidesXml(parts).flatMap((xml) => [...xml.matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)].map((match) => match[0]))
    expect(pictures.map((pic) => /descr="([^"]*)"/.exec(pic)![1])).toEqual(['城运中心大屏上的实时数据', '流程示意'])
  })

  it('gives an SVG its PNG fallback, drawn from the SVG at twice its size', () => {
    const svg = slidesXml(parts).flatMap((xml) => [...xml.matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)].map((match) => match[0])).find((pic) => pic.includes('svgBlip'))!
    expect(svg).toMatch(/<a:blip r:embed="rId\d+">\s*<a:extLst>/)
    const pngs = [...bytes].filter(([name]) => /^ppt\/media\/.*\.png$/.test(name)).map(([, data]) => Buffer.from(data))
    const sizes = pngs.map((png) => [png.readUInt32BE(16), png.readUInt32BE(20)])
    // The diagram is 240 × 120 in its viewBox; pptxgenjs alone would have left a broken-image stand-in.
    expect(sizes).toContainEqual([480, 240])
  })

  it('writes a table of the case as a native table with its header and rows', () => {
    const slides = slidesXml(parts)
    const tables = slides.filter((xml, index) => html[index].kind === 'case' && xml.includes('<a:tbl>'))
    expect(tables.length).toBeGreaterThan(0)
    const htmlRows = html.filter((slide) => slide.kind === 'case').reduce((sum, slide) => sum + slide.rows, 0)
    const pptxRows = tables.reduce((sum, xml) => sum + (xml.match(/<a:tr /g) ?? []).length, 0)
    expect(pptxRows).toBe(htmlRows)
  })

  it('opens in LibreOffice with every slide, every box on its slide and every text in its box', async () => {
    expect(boxesInside(parts)).toBeGreaterThan(0)
    expect(textsFit(slidesXml(parts), await deckMeasure('zh-CN', slidesXml(parts)))).toBeGreaterThan(0)
    const pdf = convertPptx(join(rich, 'zh-CN', 'slides.pptx'))
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1])).toBe(html.length)
  })
})

describe('source text a partial translation lacks', () => {
  it('is outlined and labelled “Untranslated” on its slide, as in slides.html', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.md'), ['---', 'title: 基层医疗', '---', '', '# 案例一：厦门', '', '## 1.1 案例背景', '', '厦门的背景。', '', '## 1.2 案例分析', '', '- **三师共管**：专科医生下沉社区。', '', '## 1.3 案例启示', '', '利益与信任。', ''].join('\n'))
    writeFileSync(join(dir, 'cases.en.md'), ['---', 'title: Primary care', '---', '', '# Case 1: Xiamen', '', '## 1.1 Background', '', 'Background of Xiamen.', '', '## 1.3 Insight', '', 'Incentives and trust.', ''].join('\n'))
    const result = casebook(['build', join(dir, 'cases.md'), '--format', 'slides,pptx', '--locale', 'en', '--out', join(dir, 'out')])
    expect(result.code, result.stderr).toBe(0)
    const html = htmlSlides(readFileSync(join(dir, 'out', 'en', 'slides.html'), 'utf8'))
    const slides = slidesXml(pptxParts(join(dir, 'out', 'en', 'slides.pptx')))
    const index = html.findIndex((slide) => slide.labels.includes('三师共管'))
    expect(index).toBeGreaterThan(0)
    expect(runs(slides[index])).toContain('Untranslated')
    expect(slides[index]).toContain('<a:prstDash val="dash"/>')
    expect(runs(slides[index])).toContain('三师共管')
  })
})

describe('the edition notes in slides.pptx', () => {
  it('has the notes slide of slides.html: each change, case label and title as text, fitting its slide', async () => {
    const dir = scratch()
    const source = join(dir, 'cases.md')
    const cases = (second: string) => ['---', 'title: 版本', 'date: 2026-01-01', '---', '', '# 案例一：甲', '', '## 1.1 案例背景', '', '甲的背景。', '', '## 1.2 案例分析', '', '- **要点**：内容。', '', '## 1.3 案例启示', '', '启示。', '', `# 案例二：${second}`, '', '## 2.1 案例背景', '', '乙的背景。', ''].join('\n')
    writeFileSync(source, cases('乙'))
    const build = () => casebook(['build', source, '--format', 'slides,pptx', '--locale', 'zh-CN', '--out', join(dir, 'out')])
    expect(build().code).toBe(0)
    writeFileSync(source, cases('乙城的新名字'))
    expect(build().code).toBe(0)
    const html = readFileSync(join(dir, 'out', 'zh-CN', 'slides.html'), 'utf8')
    const section = /<section class="slide kind-edition-notes[\s\S]*?<\/section>/.exec(html)![0]
    const index = htmlSlides(html).findIndex((slide) => slide.kind === 'edition-notes')
    const parts = pptxParts(join(dir, 'out', 'zh-CN', 'slides.pptx'))
    const slides = slidesXml(parts)
    expect(slides).toHaveLength(htmlSlides(html).length)
    const texts = [...section.matchAll(/<span class="(?:notes-change|agenda-label)">([^<]*)<\/span>/g)].map((match) => match[1])
    expect(texts.length).toBeGreaterThan(1)
    for (const text of texts) expect(runs(slides[index])).toContain(text)
    expect(runs(slides[index]).join('')).toContain('乙城的新名字')
    expect(boxesInside(parts)).toBeGreaterThan(0)
    expect(textsFit(slides, await deckMeasure('zh-CN', slides))).toBeGreaterThan(0)
  })
})

describe.each(['slides-fourteen-cases', 'visible-cuts-en', 'visible-cuts-zh', 'parse-numbered-chapter', 'rich-outline'])('the %s fixture as slides.pptx', (fixture) => {
  it("has slides.html's slides and titles, every box on its slide and every text in its box", async () => {
    const dir = scratch()
    const input = join('test', 'fixtures', fixture, 'input.txt')
    const result = casebook(['build', input, '--format', 'slides,pptx', '--out', dir])
    expect(result.code, result.stderr).toBe(0)
    const locales = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'slides.pptx')))
    expect(locales.length).toBeGreaterThan(0)
    for (const locale of locales) {
      const html = htmlSlides(readFileSync(join(dir, locale, 'slides.html'), 'utf8'))
      const parts = pptxParts(join(dir, locale, 'slides.pptx'))
      const slides = slidesXml(parts)
      expect(slides, locale).toHaveLength(html.length)
      html.forEach((slide, index) => {
        for (const text of [slide.title, slide.kicker, ...slide.labels].filter(Boolean)) expect(runs(slides[index]), `${locale} slide ${index + 1}`).toContain(text)
      })
      expect(boxesInside(parts)).toBeGreaterThan(0)
      expect(textsFit(slides, await deckMeasure(locale, slides))).toBeGreaterThan(0)
    }
  })
})
