/**
 * Property: whatever the text, the report's HTML parses back (as a browser
 * would parse it) to exactly the text of the case tree, with labels and separators.
 */
import fc from 'fast-check'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import { describe, expect, it } from 'vitest'
import { sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import { blocksToHtml } from '../src/render/blocks-to-html.js'
import { sanitizeSchema } from '../src/render/html-pipeline.js'
import { plainText } from '../src/text/plain-text.js'
import type { Block, Phrasing } from '../src/types.js'

// Markup, entities, template syntax, CJK, quotes and whitespace edge cases.
const text = fc
  .array(fc.constantFrom('<script>', '</p>', '&amp;', '&', '<', '>', '"', "'", '{{x}}', '<!--', '-->', '城市', '“', '”', 'a', ' ', 'ﬁ', '\u00a0', '😀'), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  // Leading/trailing spaces collapse in HTML text rendering; content keeps inner ones.
  .filter((value) => value.trim() === value && !/\s{2,}/.test(value))

const phrasing: fc.Arbitrary<Phrasing> = fc.oneof(
  text.map((value): Phrasing => ({ type: 'text', value })),
  text.map((value): Phrasing => ({ type: 'strong', children: [{ type: 'text', value }] })),
  text.map((value): Phrasing => ({ type: 'emphasis', children: [{ type: 'text', value }] })),
  text.map((value): Phrasing => ({ type: 'inlineCode', value })),
  fc.tuple(text, fc.constantFrom('https://example.org/a?b=1&c=2', 'javascript:alert(1)', 'mailto:a@b.c')).map(([value, url]): Phrasing => ({ type: 'link', url, children: [{ type: 'text', value }] })),
)

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.array(phrasing, { minLength: 1, maxLength: 4 }).map((children): Block => ({ type: 'paragraph', children })),
  fc.tuple(fc.option(text, { nil: null }), fc.array(phrasing, { minLength: 1, maxLength: 3 })).map(([label, children]): Block => ({ type: 'point', label, children })),
)

// Lists hold blocks, so they nest.
const { nested } = fc.letrec<{ nested: Block }>((tie) => ({
  nested: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    block,
    fc.tuple(fc.boolean(), fc.array(fc.array(tie('nested'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 })).map(
      ([ordered, items]): Block => ({ type: 'list', ordered, children: items.map((children) => ({ type: 'listItem', children })) }) as Block,
    ),
  ),
}))

// Text of every kind the pipeline might treat differently: references, markup, line ends with spaces around them, astral and lone surrogates.
const anyText = fc
  .array(fc.constantFrom('a', ' ', '\t', '\n', '\r\n', ' \n ', '&', '&amp;', '<', '>', '"', "'", '<p>', '城市', '：', '😀', '\ud800', '\u0000', '\u00a0', '{{x}}'), { maxLength: 8 })
  .map((parts) => parts.join(''))

const plainBlock: fc.Arbitrary<Block> = fc.oneof(
  fc.array(anyText, { maxLength: 3 }).map((values): Block => ({ type: 'paragraph', children: values.map((value) => ({ type: 'text', value })) })),
  fc.tuple(fc.option(anyText, { nil: null }), fc.array(anyText, { maxLength: 3 })).map(
    ([label, values]): Block => ({ type: 'point', label, children: values.map((value) => ({ type: 'text', value })) }),
  ),
)

describe('HTML renderer', () => {
  it('writes plain sections exactly as the pipeline writes them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.oneof({ weight: 4, arbitrary: plainBlock }, { weight: 1, arbitrary: nested }), { maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('：', ': ', ' — ', '&<', ' \n '),
        async (groups, separator) => {
          expect(await blocksToHtml(groups, separator)).toEqual(await blocksToHtml(groups, separator, { pipelineOnly: true }))
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('writes HTML the sanitizer would leave as it is, whether or not a batch went through it', async () => {
    // Batches without links skip the sanitizer; this holds them to what it would have made.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(nested, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), async (groups) => {
        for (const html of await blocksToHtml(groups, '：')) {
          expect(toHtml(sanitize(fromHtml(html, { fragment: true }), sanitizeSchema))).toBe(html)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('parses back to the same text as the tree, block by block', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(block, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), async (groups) => {
        const html = await blocksToHtml(groups, '：')
        expect(html).toHaveLength(groups.length)
        groups.forEach((blocks, index) => {
          const parsed = fromHtml(html[index], { fragment: true })
          const expected = blocks.map((item) => (item.type === 'point' && item.label !== null ? `${item.label}：` : '') + plainText(item))
          const elements = parsed.children.filter((node) => node.type === 'element')
          // Each paragraph is one <p>; a run of points is one <ul> whose <li> are the points.
          const actual = elements.flatMap((element) =>
            element.tagName === 'ul' ? element.children.filter((child) => child.type === 'element').map((item) => toText(item)) : [toText(element)],
          )
          expect(actual.map((value) => value.replace(/\s+/g, ' ').trim())).toEqual(expected.map((value) => value.replace(/\s+/g, ' ').trim()))
          expect(html[index]).not.toMatch(/<script|javascript:|<!--/i)
        })
      }),
      { numRuns: 300 },
    )
  })
})
