/** The seed's report.pdf, read back with poppler and pdf-lib as a reader's tools would. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { casebook, SEED } from './helpers/cli.js'
import { requireBrowser, requireTool } from './helpers/tools.js'
import { contentsEntries, pageStarting, readPdf, type PdfReading } from './helpers/pdf-read.js'

interface AstCase {
  type: 'case'
  label: string
  title: string
  children: Array<{ number: string; title: string }>
}

const EPOCH = '1700000000'
const out = mkdtempSync(join(tmpdir(), 'casebook-pdf-seed-'))
let reading: PdfReading
let cases: AstCase[]
let first: Buffer
let second: Buffer
let manifest: { artifacts: Array<{ path: string; pages?: number }> }
let timings: string

beforeAll(async () => {
  requireBrowser()
  for (const tool of ['pdftotext', 'pdfinfo', 'pdffonts']) requireTool(tool)
  const ast = casebook(['ast', SEED])
  expect(ast.code).toBe(0)
  cases = (JSON.parse(ast.stdout) as { children: Array<{ type: string }> }).children.filter((node): node is AstCase => node.type === 'case')
  // The second build prints another locale first in the same browser, and measures its steps: the bytes must depend on neither.
  for (const [folder, locales, ...extra] of [['a', 'zh-CN'], ['b', 'en,zh-CN', '--timings']]) {
    const result = casebook(['build', SEED, '--format', 'pdf', '--locale', locales, '--out', join(out, folder), ...extra], { env: { SOURCE_DATE_EPOCH: EPOCH } })
    expect(result.stderr).toContain('report.pdf')
    expect(result.code).toBe(0)
    timings = result.stderr
  }
  first = readFileSync(join(out, 'a/zh-CN/report.pdf'))
  second = readFileSync(join(out, 'b/zh-CN/report.pdf'))
  manifest = JSON.parse(readFileSync(join(out, 'a/manifest.json'), 'utf8')) as typeof manifest
  reading = await readPdf(join(out, 'a/zh-CN/report.pdf'))
})

afterAll(() => {
  if (first?.equals(second)) rmSync(out, { recursive: true, force: true })
})

/** The page whose body begins with the case's label: its heading, not a contents line. */
function caseStart(item: AstCase): number {
  return reading.bodies.findIndex((body) => body[0] === item.label) + 1
}

describe('seed report.pdf', () => {
  it('--timings names each step of the print in every locale, and the total', () => {
    const steps = [...timings.matchAll(/^timing +(\d+) ms  (.+)$/gm)].map(([, ms, label]) => ({ ms: Number(ms), label }))
    const labels = steps.map((step) => step.label)
    expect(labels).toEqual(expect.arrayContaining(['read, parse and check', 'browser launch', 'write', 'total, since the process started']))
    for (const locale of ['en', 'zh-CN']) {
      for (const step of ['report HTML', 'open a tab', 'page load', 'page numbers', 'print', 'close the tab', 'finish PDF', 'render']) expect(labels).toContain(`${locale} pdf: ${step}`)
    }
    const print = steps.find((step) => step.label === 'zh-CN pdf: print')!.ms
    const render = steps.find((step) => step.label === 'zh-CN pdf: render')!.ms
    const total = steps.at(-1)!.ms
    expect(print).toBeGreaterThan(0)
    expect(render).toBeGreaterThan(print)
    expect(total).toBeGreaterThan(render)
  })

  it('has a cover with the title and no page number', () => {
    expect(reading.pages[0]).toContain('解码公共服务成功之道')
    expect(reading.pages[0]).toContain('城市公共服务创新实践')
    expect(reading.pages[0]).not.toMatch(/第\s*\d+\s*页/)
  })

  it('numbers every other page in the locale form, with the total', () => {
    for (let page = 2; page <= reading.pageCount; page++) {
      const lines = reading.pages[page - 1].split('\n').map((line) => line.trim()).filter(Boolean)
      expect(lines.at(-1)).toBe(`第 ${page} 页 共 ${reading.pageCount} 页`)
    }
  })

  it('has all ten cases, each starting a new page with its heading first', () => {
    expect(cases).toHaveLength(10)
    let previous = 0
    for (const item of cases) {
      const start = caseStart(item)
      expect(start, item.title).toBeGreaterThan(previous)
      expect(reading.bodies[start - 1].slice(0, 2)).toEqual([item.label, item.title])
      previous = start
    }
  })

  it('shows the document title and the current case in the running header', () => {
    for (const item of cases) {
      const start = caseStart(item)
      const header = reading.pages[start - 1].split('\n').find((line) => line.trim())!.replace(/\s+/g, ' ').trim()
      expect(header).toBe(`解码公共服务成功之道：十大典范案例 ${item.label} ${item.title}`)
    }
  })

  it('gives contents page numbers equal to where each part really starts', () => {
    const entries = contentsEntries(reading, '目录')
    const intro = pageStarting(reading, '引言', 3)
    expect(entries.get('引言')).toBe(intro)
    for (const item of cases) {
      const start = caseStart(item)
      expect(start).toBeGreaterThan(intro)
      expect(entries.get(`${item.label} ${item.title}`), item.title).toBe(start)
      for (const section of item.children) {
        const text = `${section.number} ${section.title}`
        expect(entries.get(text), text).toBe(pageStarting(reading, text, start))
      }
    }
    expect(entries.get('案例总览')).toBe(pageStarting(reading, '案例总览', intro))
    expect(entries.get('结论')).toBe(pageStarting(reading, '结论', intro))
    // 1 intro + 10 cases + 30 sections + overview + conclusion.
    expect(entries.size).toBe(43)
  })

  it('has bookmarks for the intro, each case and section, and the conclusion, pointing at their pages', () => {
    const titles = reading.outline.map((entry) => entry.title)
    expect(titles).toContain('引言')
    expect(titles).toContain('结论')
    for (const item of cases) {
      const bookmark = reading.outline.find((entry) => entry.title.replace(/\s+/g, ' ') === `${item.label} ${item.title}`)
      expect(bookmark, item.title).toBeDefined()
      expect(bookmark!.page).toBe(caseStart(item))
      for (const section of item.children) expect(titles).toContain(`${section.number} ${section.title}`)
    }
  })

  it('records metadata from the document, not from the page URL', () => {
    // The title's colon as the zh-CN pack prints it: full-width (typography.punctuation).
    expect(reading.info.Title).toBe('解码公共服务成功之道：十大典范案例')
    expect(reading.info.Subject).toBe('城市公共服务创新实践')
    expect(reading.info.Author).toBe('公共服务创新案例研究组')
    for (const item of cases) expect(reading.info.Keywords).toContain(item.title)
    expect(JSON.stringify(reading.info)).not.toMatch(/localhost|file:|about:blank|HeadlessChrome/)
    expect(reading.lang).toBe('zh-CN')
    expect(reading.info.Tagged).toBe('yes')
    expect(reading.info.CreationDate).toMatch(/Nov 14 22:13:20 2023 UTC/)
    expect(reading.info.ModDate).toMatch(/Nov 14 22:13:20 2023 UTC/)
    expect(reading.info['Page size']).toContain('(A4)')
  })

  it('embeds the CJK font as CID TrueType and uses no Type 3 font', () => {
    expect(reading.fonts).toMatch(/CID TrueType/)
    expect(reading.fonts).not.toMatch(/Type 3/)
    const rows = reading.fonts.split('\n').slice(2).filter(Boolean)
    for (const row of rows) expect(row).toMatch(/ yes +yes +yes +\d+ +\d+$/)
  })

  it('is byte-identical across two builds with the same SOURCE_DATE_EPOCH, whatever the browser printed before', () => {
    expect(first.length).toBeGreaterThan(10_000)
    expect(first.equals(second)).toBe(true)
  })

  it('records the page count in the manifest', () => {
    const entry = manifest.artifacts.find((artifact) => artifact.path === 'zh-CN/report.pdf')
    expect(entry?.pages).toBe(reading.pageCount)
  })
})
