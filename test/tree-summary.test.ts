/**
 * The manifest's case and section hashes are what the next build compares to
 * find changes, so a faster way of computing them must give the same values:
 * the sha256 of each node's canonical JSON, as earlier casebooks recorded it.
 */
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { loadDocument } from '../src/load-document.js'
import { parseFile } from '../src/parse/parse-document.js'
import { summarizeTree } from '../src/edition/tree-summary.js'
import { contentJson, contentJsonWithChildren } from '../src/text/content-json.js'
import type { CaseDocument } from '../src/types.js'

const FIXTURES = join(import.meta.dirname, 'fixtures')
const plainHash = (node: unknown) => createHash('sha256').update(contentJson(node)).digest('hex').slice(0, 16)

function expectPlainHashes(tree: CaseDocument): void {
  const summary = summarizeTree(tree)
  const cases = tree.children.filter((node) => node.type === 'case')
  expect(summary.cases.map((node) => node.hash)).toEqual(cases.map(plainHash))
  expect(summary.cases.map((node) => node.sections.map((section) => section.hash))).toEqual(cases.map((node) => node.children.map(plainHash)))
  // The number-free body a section is matched by: its blocks' canonical JSON, however they were serialized.
  expect(summary.cases.map((node) => node.sections.map((section) => section.body))).toEqual(cases.map((node) => node.children.map((section) => plainHash(section.children))))
}

describe('tree summary', () => {
  const inputs = readdirSync(FIXTURES)
    .filter((name) => name.startsWith('parse-'))
    .map((name) => {
      const folder = join(FIXTURES, name)
      const file = readdirSync(folder).find((entry) => entry.startsWith('input'))!
      return join(folder, file)
    })

  it.each(inputs)('hashes each case and section of %s as its canonical JSON', async (input) => {
    expectPlainHashes((await loadDocument(input)).tree)
  })

  it('splices children into the same JSON, whatever the text says', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', ':', ',', '\u0000', 'children', '[', ']', '{', '}', '$&', "$'", '案') })
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 4 }), (title, label, values) => {
        const node = {
          type: 'case',
          title,
          label,
          children: values.map((value) => ({ type: 'section', title: value, children: [{ type: 'text', value }], position: { start: 1 } })),
          position: { start: { line: 1 } },
          data: { children: [title] },
        }
        expect(contentJsonWithChildren(node, node.children.map(contentJson))).toBe(contentJson(node))
      }),
    )
  })

  it('hashes generated outlines as their canonical JSON', async () => {
    const line = fc.oneof(
      fc.string(),
      fc.tuple(fc.integer({ min: 1, max: 30 }), fc.string()).map(([n, title]) => `${n}、案例${n}:${title}`),
      fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 4 }), fc.string()).map(([a, b, title]) => `${a}.${b} ${title}`),
      fc.tuple(fc.string(), fc.string()).map(([label, text]) => `- ${label}:${text}`),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 40 }), async (lines) => {
        expectPlainHashes(await parseFile(new VFile({ path: 'generated.txt', value: lines.join('\n') })))
      }),
    )
  })
})
