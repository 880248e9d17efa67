/**
 * Slide pieces paginated with casebook's own slides.css and the Noto Serif SC advances: a table too
 * long for one slide continues on the next, its header repeated; a point too long for a slide
 * continues, every word kept; a row too tall for a slide steps down to the floor size and is then
 * reported; a figure is scaled to fit, never up. A house style's sizes are read from its stylesheet.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { templateDirs } from '../src/config/template-dirs.js'
import { DEFAULT_BRAND } from '../src/config/brand.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { fontsOf, slideLayout } from '../src/render/slides/deck-layout.js'
import { figureItem, tableItem } from '../src/render/slides/rich-items.js'
import { paginateItems } from '../src/render/slides/paginate-items.js'
import type { SlideLayout } from '../src/render/slides/slide-layout.js'
import { slideProperties, slideStyle } from '../src/render/slides/slide-style.js'
import type { CaseItem } from '../src/render/slides/slide-types.js'
import type { RichContent } from '../src/render/rich-content.js'
import type { Figure, Table } from '../src/types.js'
import { ROOT } from './helpers/cli.js'

const cell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] })
const table = (rows: number, long = ''): Table => ({
  type: 'table',
  align: [null, 'right'],
  children: Array.from({ length: rows + 1 }, (_, index) => ({ type: 'tableRow' as const, children: index === 0 ? [cell('城市'), cell('事项')] : [cell(`城市${index}${index === 1 ? long : ''}`), cell(String(index * 10))] })),
})
const POINT = '数据共享平台汇聚五十多个部门的数据，'.repeat(40)

let layout: SlideLayout
let budget: number
beforeAll(async () => {
  layout = await slideLayout(templateDirs(), fontsOf(DEFAULT_BRAND, await loadLocale('zh-CN', templateDirs())), `城市事项表续（）0123456789${POINT}关键要点标签推进建设接入各门形成统一治理底座做法背景启示主要`)
  budget = layout.bodyHeight('案例一（续）', '上海智慧城市建设')
})

const height = (page: CaseItem[]) => page.reduce((sum, item) => sum + layout.itemHeight(item, '（续）'), 0)

describe('slide pieces paginated with the stylesheet and the font', () => {
  it('cuts a long table into runs of rows under its header, the later ones continued, each fitting a slide, every row once', () => {
    const node = table(40)
    const rich = { floats: new Map([[node, { label: '表 1' }]]), images: new Map() } as unknown as RichContent
    const { pages, overflows } = paginateItems([tableItem(node, rich)], budget, layout, '（续）')
    expect(overflows).toEqual([])
    expect(pages.length).toBeGreaterThan(2)
    const tables = pages.map((page) => page[0]).filter((item): item is Extract<CaseItem, { type: 'table' }> => item.type === 'table')
    expect(tables.map((item) => item.continued)).toEqual(pages.map((_, index) => index > 0))
    for (const item of tables) expect(item.header).toEqual([{ text: '城市', align: null }, { text: '事项', align: 'right' }])
    expect(tables.flatMap((item) => item.rows.map((row) => row[0].text))).toEqual(Array.from({ length: 40 }, (_, index) => `城市${index + 1}`))
    for (const page of pages) expect(height(page)).toBeLessThanOrEqual(budget)
    // Full slides: each but the last leaves no room for one more row.
    for (const page of pages.slice(0, -1)) expect(budget - height(page)).toBeLessThan(layout.style.tableRow)
  })

  it('continues a key point longer than a slide on the next, its label repeated and marked, every word kept', () => {
    const items: CaseItem[] = [{ type: 'heading', text: '主要做法', continued: false }, { type: 'point', label: '关键要点标签', text: POINT }]
    const { pages } = paginateItems(items, budget, layout, '（续）')
    expect(pages.length).toBeGreaterThan(1)
    const points = pages.flat().filter((item): item is Extract<CaseItem, { type: 'point' }> => item.type === 'point')
    expect(points.map((item) => item.text).join('')).toBe(POINT.trim())
    expect(points.map((item) => [item.label, Boolean(item.continued)])).toEqual(points.map((_, index) => ['关键要点标签', index > 0]))
    // The section's heading opens each slide, continued after the first.
    expect(pages.map((page) => page[0])).toEqual(pages.map((_, index) => ({ type: 'heading', text: '主要做法', continued: index > 0 })))
    for (const page of pages) expect(height(page)).toBeLessThanOrEqual(budget)
  })

  it('never leaves a piece alone on a case’s last slide when the piece before it can join it there', () => {
    const say = (count: number) => '城市推进数据共享平台建设接入各部门数据形成统一治理底座'.repeat(4).slice(0, count)
    const items: CaseItem[] = [
      { type: 'lead', heading: '案例背景', text: say(60) },
      { type: 'heading', text: '主要做法', continued: false },
      ...[1, 2, 3].map((index): CaseItem => ({ type: 'point', label: `做法${index}`, text: say(50) })),
      { type: 'insight', heading: '案例启示', text: say(60) },
    ]
    const { pages } = paginateItems(items, budget, layout, '（续）')
    expect(pages.map((page) => page.map((item) => (item.type === 'point' ? item.label : item.type === 'heading' ? `${item.text}${item.continued ? '（续）' : ''}` : item.type)))).toEqual([
      ['lead', '主要做法', '做法1', '做法2'],
      ['主要做法（续）', '做法3', 'insight'],
    ])
    for (const page of pages) expect(height(page)).toBeLessThanOrEqual(budget)
  })

  it('steps a table row too tall for a slide down to the floor size, and reports one still too tall', () => {
    const tall = (text: string) => paginateItems([tableItem(table(2, text), null)], budget, layout, '（续）')
    const floor = tall('城市'.repeat(225))
    expect(floor.overflows).toEqual([])
    expect(floor.pages.flat().every((item) => item.type === 'table' && item.floor)).toBe(true)
    const giant = tall('城市'.repeat(600))
    expect(giant.overflows).toHaveLength(1)
    expect(giant.overflows[0]).toMatchObject({ page: 1 })
    expect(giant.overflows[0].what).toMatch(/^a table row \(“城市 事项”\)$/)
  })

  it('scales a large picture down to the content column and the figure height, keeping its proportions, and a small one not at all', () => {
    const figure: Figure = { type: 'figure', url: 'a.png', alt: '图', children: [], data: { sha256: 'x' } }
    const rich = (width: number, height: number) => ({ floats: new Map(), images: new Map([['x', { bytes: new Uint8Array([1]), mime: 'image/png', width, height }]]) }) as unknown as RichContent
    const { contentWidth } = layout
    const maxHeight = layout.style.figureHeight
    expect(figureItem(figure, rich(4000, 1000), layout)).toMatchObject({ type: 'figure', width: contentWidth, height: Math.floor((1000 * contentWidth) / 4000) })
    expect(figureItem(figure, rich(500, 2000), layout)).toMatchObject({ height: maxHeight, width: Math.floor(500 * (maxHeight / 2000)) })
    expect(figureItem(figure, rich(40, 20), layout)).toMatchObject({ width: 40, height: 20 })
  })
})

describe('the slide sizes', () => {
  const css = readFileSync(join(ROOT, 'templates/slides.css'), 'utf8')

  it('are read from the --slide-… properties of slides.css', () => {
    const style = slideStyle(css, 'slides.css', css, 'slides.css')
    expect(style).toMatchObject({ width: 1280, height: 720, textSize: 22, textLine: 34, kickerSpacing: 0.12, overviewCaseShare: 0.42 })
  })

  it('take a house style’s own sizes, later rules winning, and casebook’s for what it leaves out or casebook cannot read', () => {
    const house = ':root { --slide-text-size: 24px; } .slide { color: navy } :root { --slide-text-size: 26px; --slide-text-line: 40px; --slide-unknown: 3px; --brand-primary: #123456 }'
    const own = `${house}\n:root {\n  --slide-title-size: 2.5rem;\n  --slide-frame-size: calc(20px + 6px);\n  --slide-lead-size: 30px;\n  --slide-lead-size: 2rem;\n  --slide-kicker-size: 1rem;\n  --slide-kicker-size: 21px;\n}`
    const style = slideStyle(own, 'house/slides.css', css, 'slides.css')
    // An unreadable last declaration is casebook's size, not the readable one before it (the browser draws the last).
    expect(style).toMatchObject({ textSize: 26, textLine: 40, titleSize: 40, frameSize: 26, leadSize: 24, kickerSize: 21, width: 1280 })
    // What it cannot read is said at its line, not silently replaced; a readable last declaration wins.
    expect(slideProperties(own, 'house/slides.css').unreadable).toEqual([
      { name: '--slide-title-size', line: 3, column: 3 },
      { name: '--slide-frame-size', line: 4, column: 3 },
      { name: '--slide-lead-size', line: 6, column: 3 },
    ])
  })
})
