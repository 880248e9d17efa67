/** The overview shows a case's findings: the points of its analysis sections, not its other lists. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDocument } from '../src/load-document.js'
import { pointLabels } from '../src/render/overview-points.js'
import type { Case } from '../src/types.js'
import { ROOT } from './helpers/cli.js'

describe('pointLabels', () => {
  it('takes the analysis sections’ points, labelled or not, and neither the background’s list nor the insight’s labelled points', async () => {
    const { tree } = await loadDocument(join(ROOT, 'test/fixtures/parse-plain-lists/input.txt'))
    const node = tree.children.find((part): part is Case => part.type === 'case')!
    expect(pointLabels(node)).toEqual(['没有标签的发现', '数据驱动'])
  })

  it('leaves numbered lists, quotes and tables out, from Markdown too', async () => {
    const { tree } = await loadDocument(join(ROOT, 'test/fixtures/rich-markdown/input.md'))
    const node = tree.children.find((part): part is Case => part.type === 'case')!
    expect(pointLabels(node)).toEqual(['数据汇聚', '联动处置'])
  })
})
