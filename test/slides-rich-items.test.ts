/** A table too long for one slide continues on the next, its header repeated; a figure is scaled to fit, never up. */
import { describe, expect, it } from 'vitest'
import { figureItem, tableItems } from '../src/render/slides/rich-items.js'
import { CONTENT_WIDTH, FIGURE, TABLE, bodyHeight, itemHeight } from '../src/render/slides/slide-metrics.js'
import { paginateItems } from '../src/render/slides/paginate-items.js'
import type { RichContent } from '../src/render/rich-content.js'
import type { Figure, Table } from '../src/types.js'

const cell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] })
const table = (rows: number): Table => ({
  type: 'table',
  align: [null, 'right'],
  children: Array.from({ length: rows + 1 }, (_, index) => ({ type: 'tableRow' as const, children: index === 0 ? [cell('城市'), cell('事项')] : [cell(`城市${index}`), cell(String(index * 10))] })),
})

describe('slide pieces of tables and figures', () => {
  it('cuts a long table into runs of rows under its header, the later ones continued, each fitting a slide', () => {
    const node = table(20)
    const rich = { floats: new Map([[node, { label: '表 1' }]]), images: new Map() } as unknown as RichContent
    const items = tableItems(node, rich)
    const header = [{ text: '城市', align: null }, { text: '事项', align: 'right' }]
    expect(items.map((item) => item.type === 'table' && [item.label, item.continued, item.rows.length, item.header])).toEqual([
      ['表 1', false, TABLE.maxRows, header],
      ['表 1', true, TABLE.maxRows, header],
      ['表 1', true, 20 - 2 * TABLE.maxRows, header],
    ])
    expect(items[2].type === 'table' && items[2].rows.at(-1)).toEqual([{ text: '城市20', align: null }, { text: '200', align: 'right' }])
    for (const item of items) expect(itemHeight(item)).toBeLessThanOrEqual(bodyHeight(2))
    // Paginated, no slide holds more than fits.
    for (const page of paginateItems(items, bodyHeight(1))) expect(page.reduce((sum, item) => sum + itemHeight(item), 0)).toBeLessThanOrEqual(bodyHeight(1))
  })

  it('scales a large picture down to the content column and the figure height, keeping its proportions, and a small one not at all', () => {
    const figure: Figure = { type: 'figure', url: 'a.png', alt: '图', children: [], data: { sha256: 'x' } }
    const rich = (width: number, height: number) => ({ floats: new Map(), images: new Map([['x', { bytes: new Uint8Array([1]), mime: 'image/png', width, height }]]) }) as unknown as RichContent
    const wide = figureItem(figure, rich(4000, 1000))
    expect(wide).toMatchObject({ type: 'figure', width: CONTENT_WIDTH, height: Math.floor((1000 * CONTENT_WIDTH) / 4000) })
    const tall = figureItem(figure, rich(500, 2000))
    expect(tall).toMatchObject({ height: FIGURE.maxHeight, width: Math.floor(500 * (FIGURE.maxHeight / 2000)) })
    expect(figureItem(figure, rich(40, 20))).toMatchObject({ width: 40, height: 20 })
  })
})
