/**
 * Properties of the HTML made from the case tree (src/render/hast): whatever
 * the content, it is safe as it is written (a sanitizer finds nothing to
 * change) and it parses back, as a browser would parse it, to the tree's text.
 */
import fc from 'fast-check'
import type { Root as HastRoot, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import { toText } from 'hast-util-to-text'
import { describe, expect, it } from 'vitest'
import { blocksToHtml } from '../src/render/blocks-to-html.js'
import { SAFE_PROTOCOLS } from '../src/render/hast/safe-href.js'
import { plainText } from '../src/text/plain-text.js'
import type { Block, ListItem, Phrasing, TableCell, TableRow } from '../src/types.js'
import { pointSeparator } from '../src/render/shared/point-separator.js'

/**
 * rehype-sanitize's default (GitHub's) schema, narrowed to what the case tree
 * can become: its elements, links with `href` and `title` of the schemes
 * casebook allows, and the class of key-point lists.
 */
const schema: Schema = {
  ...defaultSchema,
  tagNames: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'a', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'span', 'blockquote', 'pre', 'hr', 'aside'],
  attributes: {
    a: ['href', 'title', ['className', 'image-link']],
    ul: [['className', 'points']],
    ol: ['start'],
    th: [['style', 'text-align: left', 'text-align: right', 'text-align: center']],
    td: [['style', 'text-align: left', 'text-align: right', 'text-align: center']],
    code: [['className', /^language-[^\s"'<>&`]+$/]],
    span: [['className', 'image-missing']],
    aside: [['className', 'footnote']],
  },
  protocols: { href: [...SAFE_PROTOCOLS] },
  required: {},
}

// Markup, entities, template syntax, CJK, quotes and whitespace edge cases.
const text = fc
  .array(fc.constantFrom('<script>', '</p>', '&amp;', '&', '<', '>', '"', "'", '`', '{{x}}', '<!--', '-->', '城市', '“', '”', 'a', ' ', 'ﬁ', '\u00a0', '😀'), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  // Leading/trailing spaces collapse in HTML text rendering; content keeps inner ones.
  .filter((value) => value.trim() === value && !/\s{2,}/.test(value))

// Text with line endings, tabs and spaces around them, and lone surrogates, for the text-only property.
const rawText = fc
  .array(fc.constantFrom('a', ' ', '\t', '\n', '\r\n', ' \n ', '&', '&amp;', '<', '>', '"', "'", '<p>', '城市', '：', '😀', '\ud800', '\u00a0', '{{x}}'), { maxLength: 8 })
  .map((parts) => parts.join(''))

// Schemes and spellings a sanitizer must drop, next to URLs it must keep.
const url = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript&#58;alert(1)',
    '\u0000javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'HTTPS://EXAMPLE.ORG/',
    'https://example.org/a?b=1&c=2',
    'http://example.org/"><script>alert(1)</script>',
    "https://example.org/'onmouseover='alert(1)",
    'https://例子.测试/城市?q=“引号”',
    'mailto:a@b.c',
    '//example.org/x',
    '#top',
    '?a=b:c',
    'a/b:c',
    '',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 12 }),
)

// Links hold any phrasing but links (CommonMark has none in links, and a browser would take them apart).
const { phrasing } = fc.letrec<{ phrasing: Phrasing; inLink: Phrasing }>((tie) => ({
  inLink: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    rawText.map((value): Phrasing => ({ type: 'text', value })),
    rawText.map((value): Phrasing => ({ type: 'inlineCode', value })),
    fc.constant<Phrasing>({ type: 'break' }),
    // A call to a note with no part's notes to number it keeps its label as written.
    fc.constantFrom('1', 'note', '城').map((label): Phrasing => ({ type: 'footnoteReference', identifier: label, label })),
    fc.array(tie('inLink'), { maxLength: 3 }).map((children): Phrasing => ({ type: 'strong', children })),
    fc.array(tie('inLink'), { maxLength: 3 }).map((children): Phrasing => ({ type: 'emphasis', children })),
  ),
  phrasing: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('inLink'),
    fc.array(tie('phrasing'), { maxLength: 3 }).map((children): Phrasing => ({ type: 'strong', children })),
    fc
      .tuple(url, fc.option(rawText, { nil: undefined }), fc.array(tie('inLink'), { maxLength: 3 }))
      .map(([href, title, children]): Phrasing => ({ type: 'link', url: href, title, children })),
  ),
}))

// Blocks of any kind, lists nesting blocks.
const { anyBlock } = fc.letrec<{ anyBlock: Block }>((tie) => ({
  anyBlock: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(phrasing, { maxLength: 4 }).map((children): Block => ({ type: 'paragraph', children })),
    fc.tuple(fc.option(rawText, { nil: null }), fc.array(phrasing, { maxLength: 3 })).map(([label, children]): Block => ({ type: 'point', label, children })),
    fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 20 }), fc.array(fc.array(tie('anyBlock'), { maxLength: 3 }), { maxLength: 3 }))
      .map(([ordered, start, items]): Block => ({ type: 'list', ordered, ...(ordered ? { start } : {}), children: items.map((children): ListItem => ({ type: 'listItem', children })) })),
    // Tables: rows of cells of phrasing, each column aligned or not.
    fc
      .tuple(fc.array(fc.constantFrom<'left' | 'right' | 'center' | null>('left', 'right', 'center', null), { minLength: 1, maxLength: 3 }), fc.array(fc.array(fc.array(phrasing, { maxLength: 2 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }))
      .map(([align, rows]): Block => ({ type: 'table', align, children: rows.map((cells): TableRow => ({ type: 'tableRow', children: cells.map((children): TableCell => ({ type: 'tableCell', children })) })) })),
    // Figures whose picture is not at hand (a remote one is a link, when its URL is safe), with a caption.
    fc
      .tuple(url, rawText, fc.array(phrasing, { maxLength: 2 }), fc.boolean())
      .map(([href, alt, children, remote]): Block => ({ type: 'figure', url: href, alt, children, ...(remote ? { data: { source: 'remote' as const } } : {}) })),
    fc.array(tie('anyBlock'), { maxLength: 3 }).map((children): Block => ({ type: 'blockquote', children })),
    fc.tuple(fc.option(fc.constantFrom('js', 'chart', 'c++', 'a"b'), { nil: null }), rawText).map(([lang, value]): Block => ({ type: 'code', lang, value })),
    fc.constant<Block>({ type: 'thematicBreak' }),
    fc.array(tie('anyBlock'), { maxLength: 2 }).map((children): Block => ({ type: 'footnoteDefinition', identifier: 'n', label: 'n', children })),
  ),
}))

/** The tree's text as a reader sees it: key points with label and separator, a break as a line end. */
function readerText(node: Block | ListItem | TableRow | TableCell | Phrasing, separator: string): string {
  if (node.type === 'break') return '\n'
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value
  if (node.type === 'thematicBreak') return ''
  if (node.type === 'footnoteReference') return `[^${node.label}]`
  // A figure without its picture shows its alt text (else its URL), then its caption.
  if (node.type === 'figure') return (node.alt || node.url.replace(/[\u0000-\u001f\u007f]/g, '')) + node.children.map((child) => readerText(child, separator)).join('')
  const children = (node.children as Array<Block | ListItem | TableRow | TableCell | Phrasing>).map((child) => readerText(child, separator)).join('')
  return node.type === 'point' && node.label !== null ? node.label + pointSeparator(node.label, separator) + children : children
}

/** Every text in a parsed fragment, in order, a `<br>` as a line end (textContent, with line breaks). */
function parsedText(node: HastRoot | RootContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' && node.tagName === 'br') return '\n'
  return 'children' in node ? node.children.map(parsedText).join('') : ''
}

// Whitespace is where HTML and the tree may differ: spaces around line ends are trimmed (as
// remark-rehype trims them), lists gain line ends, and parsers read CR LF as LF.
const withoutWhitespace = (value: string) => value.replace(/\s+/g, '')

describe('HTML from the case tree', () => {
  it('is safe as written and parses back to the tree’s text, whatever the phrasing and links', () => {
    fc.assert(
      fc.property(fc.array(anyBlock, { maxLength: 5 }), fc.constantFrom('：', ': ', ' — ', '&<', ' \n '), (blocks, separator) => {
        const html = blocksToHtml(blocks, separator)
        const parsed = fromHtml(html, { fragment: true })
        // A fixed point of the sanitizer: no element, attribute or URL it would remove, and written as
        // hast-util-to-html writes it (but for CR LF and CR in text, which a parser reads as LF).
        expect(toHtml(sanitize(parsed, schema))).toBe(html.replace(/\r\n?/g, '\n'))
        expect(withoutWhitespace(parsedText(parsed))).toBe(withoutWhitespace(blocks.map((block) => readerText(block, separator)).join('')))
      }),
      { numRuns: 1000 },
    )
  })

  it('parses back to the same text as the tree, block by block', () => {
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.array(fc.oneof(text.map((value): Phrasing => ({ type: 'text', value })), text.map((value): Phrasing => ({ type: 'strong', children: [{ type: 'text', value }] }))), { minLength: 1, maxLength: 4 }).map(
        (children): Block => ({ type: 'paragraph', children }),
      ),
      fc
        .tuple(fc.option(text, { nil: null }), fc.array(fc.oneof(text.map((value): Phrasing => ({ type: 'text', value })), text.map((value): Phrasing => ({ type: 'inlineCode', value }))), { minLength: 1, maxLength: 3 }))
        .map(([label, children]): Block => ({ type: 'point', label, children })),
      fc.tuple(text, url).map(([value, href]): Block => ({ type: 'paragraph', children: [{ type: 'link', url: href, children: [{ type: 'text', value }] }] })),
    )
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (blocks) => {
        const html = blocksToHtml(blocks, '：')
        const elements = fromHtml(html, { fragment: true }).children.filter((node) => node.type === 'element')
        // Each paragraph is one <p>; a run of points is one <ul> whose <li> are the points.
        const actual = elements.flatMap((element) => (element.tagName === 'ul' ? element.children.filter((child) => child.type === 'element').map((item) => toText(item)) : [toText(element)]))
        const expected = blocks.map((item) => (item.type === 'point' && item.label !== null ? `${item.label}：` : '') + plainText(item))
        expect(actual.map((value) => value.replace(/\s+/g, ' ').trim())).toEqual(expected.map((value) => value.replace(/\s+/g, ' ').trim()))
        expect(html).not.toMatch(/<script|javascript:|<!--/i)
      }),
      { numRuns: 300 },
    )
  })
})
