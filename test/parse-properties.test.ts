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

// Outline syntax (table pipes, quote and picture marks too), whitespace, digits and numerals may legitimately vanish into structure (`第一章 引言` is the intro); all else must survive.
const SYNTAX = /[\s、:：.．\-•·*‧・–—()（）①-⑳0-9０-９零〇一二两三四五六七八九十百千案例第章部分>＞|![\]]/gu

const pieces = fc.constantFrom('案例', '一', '十二', '、', ':', '：', '.', '1', '2', ' ', '　', '-', '•', '*', '背景', '分析', '启示', '引言', '结论', '“', '”', 'A', 'b', '城', '市', '#', '<', '>', '&', '\t', '\u0001', '\uFEFF')
const freeText = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''))
const outlineLine = fc.oneof(
  freeText,
  fc.tuple(fc.integer({ min: 1, max: 120 }), freeText).map(([n, title]) => `${n}、案例${n}:${title}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }), freeText).map(([a, b, title]) => `${a}.${b} ${title}`),
  fc.tuple(fc.constantFrom('- ', '• ', '· ', '* ', '1. '), freeText, freeText).map(([mark, label, text]) => `${mark}${label}:${text}`),
  fc.constantFrom('引言', '前言', '结论', '结语', '总结', ''),
  // Cases numbered as reports number them: 一、, （一）, 第一章, 1.
  fc.tuple(fc.constantFrom('一、', '二、', '（一）', '(二)', '第一章 ', '第三部分：', '1. ', '2．'), freeText).map(([prefix, title]) => `${prefix}${title}`),
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
  fc.tuple(fc.constantFrom('一、', '（二）', '第三章 ', '4. '), freeText).map(([prefix, text]) => `# ${prefix}${text}`),
  freeText.map((text) => `## （一）${text}`),
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

// Titles that read as headings: a Han character first, no sentence punctuation at the end.
const title = fc.tuple(fc.constantFrom('城', '市', '上', '海'), fc.array(fc.constantFrom('城', '市', '上', '海', 'A', 'b', '“', '”', ' '), { maxLength: 12 })).map(([first, rest]) => first + rest.join('').trimEnd())
const STYLES: Array<(n: number) => string> = [
  (n) => `${formatNumeral(n)}、`,
  (n) => `（${formatNumeral(n)}）`,
  (n) => `第${formatNumeral(n)}章 `,
  (n) => `${n}. `,
  (n) => `${n}、`,
]
const numberedDocument = fc.record({
  style: fc.integer({ min: 0, max: STYLES.length - 1 }),
  framed: fc.boolean(),
  cases: fc.array(fc.record({ title, sections: fc.array(title, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 6 }),
})

function formatNumeral(n: number): string {
  return ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n - 1]
}

describe('numbered case headings', () => {
  it('give back the cases and sections an outline numbers with 一、, （一）, 第一章 or 1. over N.M', async () => {
    await fc.assert(
      fc.asyncProperty(numberedDocument, async ({ style, framed, cases }) => {
        // With a numbered intro (一、引言), the first case is written 2 and its sections 2.1 ….
        const first = framed ? 2 : 1
        const lines = framed ? [`${STYLES[style](1)}引言`, '引言文字。'] : []
        cases.forEach((node, index) => {
          lines.push(`${STYLES[style](first + index)}${node.title}`)
          node.sections.forEach((section, sectionIndex) => lines.push(`${first + index}.${sectionIndex + 1} ${section}`, '正文。'))
        })
        lines.push(framed ? `${STYLES[style](first + cases.length)}结语` : '结语', '总之。')
        const file = new VFile({ path: 'input.txt', value: lines.join('\n') })
        const { tree } = await parseDocument([file])
        const found = tree.children.filter((node) => node.type === 'case')
        expect(found.map((node) => [node.number, node.label, node.title])).toEqual(cases.map((node, index) => [index + 1, STYLES[style](first + index).trim(), node.title]))
        expect(found.map((node) => node.children.map((section) => section.title))).toEqual(cases.map((node) => node.sections))
        expect(tree.children.map((node) => node.type)).toEqual([...(framed ? ['intro'] : []), ...cases.map(() => 'case'), 'conclusion'])
        expect(file.messages.filter((message) => message.fatal !== undefined && message.ruleId !== 'missing-section').map(String)).toEqual([])
      }),
      { numRuns: 200 },
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
        const strip = (value: string) => sorted(value.replace(/[零〇一二两三四五六七八九十百千案例第章]/g, ''), han)
        expect(strip(contentOf(tree) + (tree.data.title ?? ''))).toBe(strip(text))
        expect(positionsInside(tree, text.length)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
