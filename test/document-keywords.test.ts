/** The keywords the .docx and the PDF record: the cases' titles, the first hundred standing for a long report's. */
import { describe, expect, it } from 'vitest'
import { documentKeywords, MAX_KEYWORDS } from '../src/render/shared/document-keywords.js'

describe('document keywords', () => {
  it('are every title of a short report, in order', () => {
    expect(documentKeywords([{ title: '上海' }, { title: 'Hangzhou; city brain' }])).toEqual(['上海', 'Hangzhou; city brain'])
  })

  it('are the first hundred titles of a long one', () => {
    const cases = Array.from({ length: 400 }, (_, index) => ({ title: `案例 ${index + 1}` }))
    const keywords = documentKeywords(cases)
    expect(MAX_KEYWORDS).toBe(100)
    expect(keywords).toHaveLength(100)
    expect(keywords[0]).toBe('案例 1')
    expect(keywords[99]).toBe('案例 100')
  })
})
