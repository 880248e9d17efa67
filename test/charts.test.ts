/**
 * Charts from data: a `chart` code block (a Vega-Lite spec, its data inline or in a CSV beside the
 * source) is drawn to SVG in Node and shown as a numbered figure in every format, read by the real
 * readers: the HTML and the deck in Chromium's terms (an <img> of the SVG), the PDF with pdftotext,
 * the .docx through its parts and LibreOffice. A bad spec is a content error at its line.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { casebook } from './helpers/cli.js'
import { convertToPdf, docxParts } from './helpers/docx-read.js'
import { requireBrowser, requireTool } from './helpers/tools.js'

const ENV = { SOURCE_DATE_EPOCH: '1767225600', CI: 'true' }
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function project(chart: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-chart-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'scores.csv'), 'city,score\nShanghai,90\nHangzhou,85\nShenzhen,88\n')
  writeFileSync(
    join(dir, 'cases.md'),
    ['---', 'title: 图表测试', '---', '', '# 案例一：上海', '', '## 1.1 案例背景', '', '上海的背景。', '', '```chart', chart, '```', '', '## 1.2 案例分析', '', '- **要点**：内容。', '', '## 1.3 案例启示', '', '启示。', ''].join('\n'),
  )
  return dir
}

const SPEC = JSON.stringify({
  title: '三市满意度',
  description: 'Satisfaction in three cities, as bars',
  data: { url: 'scores.csv' },
  mark: 'bar',
  encoding: { x: { field: 'city', type: 'nominal' }, y: { field: 'score', type: 'quantitative' } },
}, null, 2)

describe('a chart block', () => {
  const dir = project(SPEC)

  it('renders as a numbered figure in all four formats', () => {
    requireBrowser()
    requireTool('pdftotext')
    const result = casebook(['build', 'cases.md', '--out', 'out'], { cwd: dir, env: ENV })
    expect(result.code, result.stderr).toBe(0)
    const html = readFileSync(join(dir, 'out', 'zh-CN', 'report.html'), 'utf8')
    const figure = html.match(/<figure id="figure-1">[^]*?<\/figure>/)?.[0] ?? ''
    expect(figure).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Satisfaction in three cities, as bars"/)
    expect(figure).toContain('图 1')
    expect(figure).toContain('三市满意度')
    const svg = Buffer.from(figure.match(/base64,([A-Za-z0-9+/=]+)/)![1], 'base64').toString('utf8')
    // The data came from the CSV beside the source.
    for (const city of ['Shanghai', 'Hangzhou', 'Shenzhen']) expect(svg).toContain(city)
    expect(html).not.toContain('"mark": "bar"')
    // The PDF draws it as vectors: its text is there to read.
    const pdf = execFileSync('pdftotext', [join(dir, 'out', 'zh-CN', 'report.pdf'), '-'], { encoding: 'utf8' })
    for (const text of ['Shanghai', 'Hangzhou', 'score', '图 1 三市满意度']) expect(pdf).toContain(text)
    expect(readFileSync(join(dir, 'out', 'zh-CN', 'slides.html'), 'utf8')).toMatch(/<img[^>]+src="data:image\/svg\+xml;base64,/)
    const parts = docxParts(join(dir, 'out', 'zh-CN', 'report.docx'))
    expect([...parts.keys()].some((name) => /^word\/media\/.+\.svg$/.test(name))).toBe(true)
    expect(parts.get('word/document.xml')).toContain('descr="Satisfaction in three cities, as bars"')
    const word = execFileSync('pdftotext', [convertToPdf(join(dir, 'out', 'zh-CN', 'report.docx')), '-'], { encoding: 'utf8' })
    expect(word).toContain('三市满意度')
  })

  it('gives the same bytes when built again, and rebuilds when its data changes', () => {
    const first = casebook(['build', 'cases.md', '--out', 'again', '--format', 'html'], { cwd: dir, env: ENV })
    expect(first.code, first.stderr).toBe(0)
    const bytes = readFileSync(join(dir, 'again', 'zh-CN', 'report.html'))
    expect(casebook(['build', 'cases.md', '--out', 'again', '--format', 'html', '--force'], { cwd: dir, env: ENV }).stderr).toContain('unchanged again/zh-CN/report.html')
    writeFileSync(join(dir, 'scores.csv'), 'city,score\nShanghai,95\nHangzhou,85\nShenzhen,88\n')
    const changed = casebook(['build', 'cases.md', '--out', 'again', '--format', 'html'], { cwd: dir, env: ENV })
    expect(changed.stderr).toMatch(/^wrote again\/zh-CN\/report\.html /m)
    expect(readFileSync(join(dir, 'again', 'zh-CN', 'report.html')).equals(bytes)).toBe(false)
    expect(readFileSync(join(dir, 'again', 'CHANGES.md'), 'utf8')).toContain('案例一：上海')
  })
})

describe('a chart that cannot be drawn', () => {
  it.each([
    ['invalid JSON, at its line and column', '{\n  "mark": "bar",\n  "encoding": }', /cases\.md:14:15 error Chart: the spec is not valid JSON/],
    ['data outside the input folder', JSON.stringify({ data: { url: '../secret.csv' }, mark: 'bar' }), /cases\.md:11:1 error Chart: data "\.\.\/secret\.csv" is outside the input folder/],
    ['data on the network', JSON.stringify({ data: { url: 'https://example.org/a.csv' }, mark: 'bar' }), /error Chart: data "https:\/\/example\.org\/a\.csv" is not on this machine and is never fetched/],
    ['a missing data file', JSON.stringify({ data: { url: 'gone.csv' }, mark: 'bar' }), /error Chart: data file gone\.csv is missing/],
    ['not a spec', '[1, 2, 3]', /error Chart: the block must hold one Vega-Lite spec/],
  ])('%s is exit 1, with nothing written', (_name, chart, says) => {
    const dir = project(chart)
    const result = casebook(['build', 'cases.md', '--out', 'out', '--format', 'html'], { cwd: dir, env: ENV })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(says)
    expect(result.stderr).toContain('chart-invalid')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('lines that look like a table but are none', () => {
  it('are a table-invalid warning at their place, and print as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-table-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'cases.md'), '# 案例一：甲\n\n## 1.1 背景\n\n| 指标 | 数值 |\n|---|\n| A | 1 |\n')
    const result = casebook(['check', 'cases.md'], { cwd: dir })
    expect(result.stdout).toMatch(/^cases\.md:5:1 warning These lines look like a table but are not one.* table-invalid$/m)
  })
})
