/**
 * report.pdf with `layout.caseBreak: auto`: cases run on where the last one ended, so the report
 * has fewer pages, and its contents numbers, bookmarks, tags and fonts are as good as with a page per case.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { casebook } from './helpers/cli.js'
import { requireBrowser, requireTool } from './helpers/tools.js'
import { contentsEntries, readPdf, type PdfReading } from './helpers/pdf-read.js'

const FIXTURE = fileURLToPath(new URL('./fixtures/pdf-twelve-cases/', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'casebook-case-break-'))
let paged: PdfReading
let running: PdfReading
let cases: Array<{ label: string; title: string; children: Array<{ number: string; title: string }> }>

/** Builds the twelve-case fixture with `caseBreak` and reads its report.pdf. */
async function buildWith(caseBreak: string): Promise<PdfReading> {
  const config = join(dir, `${caseBreak}.yaml`)
  writeFileSync(config, readFileSync(join(FIXTURE, 'casebook.yaml'), 'utf8') + `layout:\n  caseBreak: ${caseBreak}\n`)
  const out = join(dir, caseBreak)
  const result = casebook(['build', join(FIXTURE, 'input.txt'), '--config', config, '--out', out], { env: { SOURCE_DATE_EPOCH: '1700000000' } })
  expect(result.code, result.stderr).toBe(0)
  return readPdf(join(out, 'zh-CN/report.pdf'))
}

beforeAll(async () => {
  requireBrowser()
  for (const tool of ['pdftotext', 'pdfinfo', 'pdffonts']) requireTool(tool)
  const ast = JSON.parse(casebook(['ast', join(FIXTURE, 'input.txt')]).stdout) as { children: Array<{ type: string }> }
  cases = ast.children.filter((node) => node.type === 'case') as typeof cases
  paged = await buildWith('page')
  running = await buildWith('auto')
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The page where `text` is a body line, from page `from` on (1-based; 0 when nowhere). */
const pageOf = (reading: PdfReading, text: string, from = 1) => reading.bodies.findIndex((body, index) => index + 1 >= from && body.includes(text)) + 1

describe('report.pdf with layout.caseBreak: auto', () => {
  it('runs cases on without a new page each: fewer pages, and cases that start below another', () => {
    expect(running.pageCount).toBeLessThan(paged.pageCount)
    const starts = cases.map((item) => pageOf(running, item.label, 3))
    for (let index = 1; index < starts.length; index++) expect(starts[index]).toBeGreaterThanOrEqual(starts[index - 1])
    expect(starts.some((start, index) => index > 0 && start === starts[index - 1])).toBe(true)
  })

  it('still gives contents numbers equal to the real pages', () => {
    const entries = contentsEntries(running, '目录')
    for (const item of cases) {
      const start = pageOf(running, item.label, 3)
      expect(entries.get(`${item.label} ${item.title}`), item.title).toBe(start)
      for (const section of item.children) {
        const text = `${section.number} ${section.title}`
        expect(entries.get(text), text).toBe(pageOf(running, text, start))
      }
    }
  })

  it('keeps bookmarks, tags, real fonts and the running title', () => {
    for (const item of cases) expect(running.outline.find((entry) => entry.title.replace(/\s+/g, ' ') === `${item.label} ${item.title}`)?.page, item.title).toBe(pageOf(running, item.label, 3))
    expect(running.info.Tagged).toBe('yes')
    expect(running.fonts).not.toMatch(/Type 3/)
    const start = pageOf(running, cases[3].label, 3)
    expect(running.pages[start - 1].split('\n').find((line) => line.trim())).toContain('十二城“一网通办”改革案例集')
  })
})
