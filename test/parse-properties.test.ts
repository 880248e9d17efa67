/**
 * Property tests: whatever the input, the parsers do not throw, lose no
 * content and keep positions inside the source.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { decodeSource } from '../src/parse/decode-source.js'
import { parseDocument, parseFile } from '../src/parse/parse-document.js'
import type { CaseDocument } from '../src/types.js'

// Outline syntax (table pipes, quote and picture marks too), whitespace, digits and numerals may legitimately vanish into structure; all else must survive.
const SYNTAX = /[\s、:：.．\-•·*‧・–—()（）①-⑳0-9０-９零〇一二两三四五六七八九十百千案例>＞|![\]]/gu

const pieces = fc.constantFrom('案例', '一', '十二', '、', ':', '：', '.', '1', '2', ' ', '　', '-', '•', '*', '背景', '分析', '启示', '引言', '结论', '“', '”', 'A', 'b', '城', '市', '#', '<', '>', '&', '\t', '\u0001', '\uFEFF')
const freeText = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''))
const outlineLine = fc.oneof(
  freeText,
  fc.tuple(fc.integer({ min: 1, max: 120 }), freeText).map(([n, title]) => `${n}、案例${n}:${title}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }), freeText).map(([a, b, title]) => `${a}.${b} ${title}`),
  fc.tuple(fc.constantFrom('- ', '• ', '· ', '* ', '1. '), freeText, freeText).map(([mark, label, text]) => `${mark}${label}:${text}`),
  fc.constantFrom('引言', '前言', '结论', '结语', '总结', ''),
  // Rich lines: a pipe table (header, delimiter, row), a picture, a numbered item, a quote.
  fc.tuple(freeText, freeText).map(([a, b]) => `| ${a} | ${b} |`),
  fc.constantFrom('|---|---|', '|:--|--:|', '| :-: | --- |'),
  fc.tuple(freeText, fc.constantFrom('a.png', 'img/b.jpg')).map(([caption, path]) => `![${caption.replace(/[\]\r\n]/g, '')}](${path})`),
  fc.tuple(fc.integer({ min: 1, max: 30 }), freeText).map(([n, text]) => `${n}. ${text}`),
  freeText.map((text) => `> ${text}`),
)
const outline = fc.tuple(fc.array(outlineLine, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, eol]) => lines.join(eol))

const markdownLine = fc.oneof(
  freeText,
  freeText.map((text) => `# ${text}`),
  fc.tuple(fc.integer({ min: 1, max: 20 }), freeText).map(([n, title]) => `# 案例${n}:${title}`),
  freeText.map((text) => `## 1.1 ${text}`),
  fc.tuple(freeText, freeText).map(([label, text]) => `- **${label}**:${text}`),
  freeText.map((text) => `> ${text}`),
  freeText.map((text) => `    ${text}`),
  fc.constant(''),
  // GFM and pictures: table lines, a picture, a numbered item, footnote calls and definitions.
  fc.tuple(freeText, freeText).map(([a, b]) => `| ${a} | ${b} |`),
  fc.constant('|---|---|'),
  fc.tuple(freeText, freeText).map(([alt, title]) => `![${alt.replace(/[\]\n]/g, '')}](a.png "${title.replace(/"/g, '')}")`),
  fc.tuple(fc.integer({ min: 1, max: 30 }), freeText).map(([n, text]) => `${n}. ${text}`),
  freeText.map((text) => `${text}[^1]`),
  freeText.map((text) => `[^1]: ${text}`),
)
const markdown = fc.array(markdownLine, { maxLength: 30 }).map((lines) => lines.join('\n'))

/** Every piece of content the tree holds: text values, titles, labels. */
function contentOf(tree: CaseDocument): string {
  const parts: string[] = []
  const visit = (node: object) => {
    for (const key of ['value', 'title', 'label', 'alt', 'url'] as const) {
      const value = (node as Record<string, unknown>)[key]
      // An outline picture's one text is both its caption and its alt text: count it once.
      if (key === 'alt' && (node as { children?: Array<{ value?: string }> }).children?.[0]?.value === value) continue
      if (typeof value === 'string' && !(node as { type: string }).type.startsWith('document')) parts.push(value)
    }
    const children = (node as { children?: object[] }).children
    children?.forEach(visit)
  }
  visit(tree)
  return parts.join('')
}

function sorted(text: string, keep: RegExp | null = null): string {
  const chars = Array.from(keep ? text.match(keep)?.join('') ?? '' : text.replace(SYNTAX, ''))
  return chars.sort().join('')
}

function positionsInside(tree: CaseDocument, length: number): boolean {
  let ok = true
  const visit = (node: { position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    if (node.position) {
      const start = node.position.start.offset ?? 0
      const end = node.position.end.offset ?? 0
      if (start < 0 || end > length || start > end) ok = false
    }
    ;(node.children as typeof node[] | undefined)?.forEach(visit)
  }
  visit(tree as never)
  return ok
}

describe('outline parser', () => {
  it('never throws, keeps every content character, and positions text exactly', async () => {
    await fc.assert(
      fc.asyncProperty(outline, async (text) => {
        const file = decodeSource(new TextEncoder().encode(text), 'input.txt')
        const source = String(file.value)
        const tree = await parseFile(file)
        expect(sorted(contentOf(tree))).toBe(sorted(source))
        expect(positionsInside(tree, source.length)).toBe(true)
        const texts: Array<{ value: string; position: { start: { offset: number }; end: { offset: number } } }> = []
        const visit = (node: { type: string; children?: unknown[] }) => {
          if (node.type === 'text') texts.push(node as never)
          ;(node.children as typeof node[] | undefined)?.forEach(visit)
        }
        visit(tree)
        for (const node of texts) expect(source.slice(node.position.start.offset, node.position.end.offset)).toBe(node.value)
        // The document spans the whole file, whichever line endings it uses.
        const lines = source.split(/\r\n|\r|\n/)
        const { tree: document } = await parseDocument([file])
        expect(document.position).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lines.at(-1)!.length + 1, offset: source.length } })
      }),
      { numRuns: 400 },
    )
  })

  it('survives arbitrary Unicode, including invalid UTF-8 bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const file = decodeSource(bytes, 'input.txt')
        const tree = await parseFile(file)
        expect(tree.type).toBe('document')
        expect(positionsInside(tree, String(file.value).length)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('Markdown parser', () => {
  it('never throws and keeps every Han character', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const file = new VFile({ path: 'input.md', value: text })
        const tree = await parseFile(file)
        const han = /\p{Script=Han}/gu
        // Headings' ordinals and 案例 are structure; compare the rest of the Han text.
        const strip = (value: string) => sorted(value.replace(/[零〇一二两三四五六七八九十百千案例]/g, ''), han)
        expect(strip(contentOf(tree) + (tree.data.title ?? ''))).toBe(strip(text))
        expect(positionsInside(tree, text.length)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
