/**
 * report.pdf for a document other than the seed, tried as a new user would:
 * twelve cases, one with four sections, long key points, CRLF line ends,
 * full-width punctuation, and Letter paper from the config.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { casebook } from './helpers/cli.js'
import { requireBrowser, requireTool } from './helpers/tools.js'
import { contentsEntries, pageStarting, readPdf, type PdfReading } from './helpers/pdf-read.js'

interface AstCase {
  type: 'case'
  label: string
  title: string
  children: Array<{ number: string; title: string }>
}

const INPUT = fileURLToPath(new URL('./fixtures/pdf-twelve-cases/input.txt', import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'casebook-pdf-twelve-'))
let reading: PdfReading
let cases: AstCase[]

beforeAll(async () => {
  requireBrowser()
  for (const tool of ['pdftotext', 'pdfinfo', 'pdffonts']) requireTool(tool)
  expect(readFileSync(INPUT, 'utf8')).toContain('\r\n')
  const ast = casebook(['ast', INPUT])
  cases = (JSON.parse(ast.stdout) as { children: Array<{ type: string }> }).children.filter((node): node is AstCase => node.type === 'case')
  const result = casebook(['build', INPUT, '--out', out], { env: { SOURCE_DATE_EPOCH: '1700000000' } })
  expect(result.stderr).toContain('report.pdf')
  expect(result.code).toBe(0)
  reading = await readPdf(join(out, 'zh-CN/report.pdf'))
})

afterAll(() => rmSync(out, { recursive: true, force: true }))

function caseStart(item: AstCase): number {
  return reading.bodies.findIndex((body) => body[0] === item.label) + 1
}

describe('report.pdf of a twelve-case document on Letter paper', () => {
  it('uses the configured paper size', () => {
    expect(reading.info['Page size']).toMatch(/612 x 792 pts/)
  })

  it('has all twelve cases, each on a new page, and a case that runs over two pages', () => {
    expect(cases).toHaveLength(12)
    const starts = cases.map(caseStart)
    for (let index = 1; index < starts.length; index++) expect(starts[index], cases[index].title).toBeGreaterThan(starts[index - 1])
    expect(starts[0]).toBeGreaterThan(2)
    // Case 5 has four sections and long points: it needs more than one page.
    expect(starts[5] - starts[4]).toBeGreaterThan(1)
    // Its continuation page still names case 5 in the running header.
    expect(reading.pages[starts[4]].split('\n')[0]).toContain(`${cases[4].label} ${cases[4].title}`)
  })

  it('gives contents numbers equal to the real pages, including the fourth section', () => {
    const entries = contentsEntries(reading, '目录')
    expect(entries.get('前言')).toBe(pageStarting(reading, '前言', 3))
    for (const item of cases) {
      const start = caseStart(item)
      expect(entries.get(`${item.label} ${item.title}`), item.title).toBe(start)
      for (const section of item.children) {
        const text = `${section.number} ${section.title}`
        expect(entries.get(text), text).toBe(pageStarting(reading, text, start))
      }
    }
    expect(entries.get('5.4 延伸思考')).toBeGreaterThan(0)
    expect(entries.get('结语')).toBe(pageStarting(reading, '结语', 3))
    expect(entries.get('案例总览')).toBe(pageStarting(reading, '案例总览', 3))
  })

  it('never leaves a section heading as the last line of a page', () => {
    for (const [index, body] of reading.bodies.entries()) {
      expect(body.at(-1) ?? '', `page ${index + 1}`).not.toMatch(/^\d+\.\d+ \S+$/)
    }
  })

  it('numbers pages, leaves the cover bare, and embeds fonts without Type 3', () => {
    expect(reading.pages[0]).not.toMatch(/第\s*\d+\s*页/)
    const last = reading.pages[reading.pageCount - 1].split('\n').map((line) => line.trim()).filter(Boolean).at(-1)
    expect(last).toBe(`第 ${reading.pageCount} 页 共 ${reading.pageCount} 页`)
    expect(reading.fonts).toMatch(/CID TrueType/)
    expect(reading.fonts).not.toMatch(/Type 3/)
  })

  it('takes metadata and bookmarks from this document', () => {
    expect(reading.info.Title).toBe('十二城“一网通办”改革案例集')
    expect(reading.info.Subject).toBe('政务服务便利化实践')
    expect(reading.info.Author).toBe('测试编写组')
    const titles = reading.outline.map((entry) => entry.title.replace(/\s+/g, ' '))
    for (const item of cases) expect(titles).toContain(`${item.label} ${item.title}`)
    expect(titles).toContain('5.4 延伸思考')
    expect(titles).toContain('前言')
    expect(titles).toContain('结语')
  })
})
