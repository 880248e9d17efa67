/** A Chinese label keeps its full-width colon in every pack; other labels take the locale's separator. */
import { describe, expect, it } from 'vitest'
import { pointSeparator } from '../src/render/shared/point-separator.js'
import { blocksToHtml } from '../src/render/blocks-to-html.js'
import type { Point } from '../src/types.js'

const point = (label: string): Point => ({ type: 'point', label, children: [{ type: 'text', value: '恢复湿地。' }] })

describe('the separator after a key point’s label', () => {
  it('is the full-width colon after a Chinese label in a pack whose locale separates with “: ”', () => {
    expect(pointSeparator('调蓄湖泊', ': ')).toBe('：')
    expect(pointSeparator('数据（2024）', ': ')).toBe('：')
    expect(pointSeparator('Flood storage', ': ')).toBe(': ')
    expect(pointSeparator('调蓄湖泊', '：')).toBe('：')
    expect(pointSeparator('Data', '：')).toBe('：')
  })

  it('is what the report HTML writes for an untranslated Chinese point in an English pack', () => {
    expect(blocksToHtml([point('调蓄湖泊')], ': ')).toContain('<strong>调蓄湖泊</strong>：恢复湿地。')
    expect(blocksToHtml([{ ...point('Storage'), children: [{ type: 'text', value: 'wetlands.' }] }], ': ')).toContain('<strong>Storage</strong>: wetlands.')
  })
})
