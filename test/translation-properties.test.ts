/**
 * Property tests: whatever a translation lacks (cases, the intro or
 * conclusion, sections, key points, paragraphs, lists), the localized tree
 * holds every block of the source, translated or shown from the source and
 * marked untranslated, in the source's order; and each gap is reported once.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromHtml } from 'hast-util-from-html'
import type { Element, RootContent } from 'hast'
import { loadConfig } from '../src/config/load-config.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { mergeTranslation } from '../src/locale/merge-translation.js'
import type { RenderContext } from '../src/render/renderer.js'
import { buildReportView } from '../src/render/report-view.js'
import { loadTemplate } from '../src/render/template-engine.js'
import { templateDirs } from '../src/config/template-dirs.js'
import { plainText } from '../src/text/plain-text.js'
import type { Block, Case, CaseDocument, Conclusion, Intro, Section, SectionKind } from '../src/types.js'

const KINDS: SectionKind[] = ['background', 'analysis', 'insight', 'other']
const han = fc.array(fc.constantFrom('城', '市', '治', '理', '服', '务', '数', '据', '“', '”', ',', '。'), { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''))

type BlockShape = { type: Block['type']; labelled: boolean; texts: [string, string] }
type SectionShape = { numbered: boolean; kind: SectionKind; title: string; blocks: BlockShape[] }
type TreeShape = { intro: BlockShape[] | null; cases: SectionShape[][]; conclusion: BlockShape[] | null }

const blockShape: fc.Arbitrary<BlockShape> = fc.record({
  type: fc.constantFrom<Block['type']>('paragraph', 'paragraph', 'point', 'point', 'point', 'list', 'table', 'figure', 'blockquote', 'code', 'footnoteDefinition'),
  labelled: fc.boolean(),
  texts: fc.tuple(han, han),
})
const blocksShape = fc.array(blockShape, { maxLength: 6 })
const sectionShape: fc.Arbitrary<SectionShape> = fc.record({ numbered: fc.boolean(), kind: fc.constantFrom(...KINDS), title: han, blocks: blocksShape })
const treeShape: fc.Arbitrary<TreeShape> = fc.record({
  intro: fc.option(blocksShape, { nil: null }),
  cases: fc.array(fc.array(sectionShape, { maxLength: 5 }), { maxLength: 6 }),
  conclusion: fc.option(blocksShape, { nil: null }),
})

/**
 * A source tree. With `figures`, each block's text holds a number of its own,
 * as case texts hold dates, counts and amounts, which a translation keeps.
 * Unnumbered sections of a case have kinds of their own, so each section can be told apart.
 */
function sourceTree(shape: TreeShape, figures: boolean): CaseDocument {
  let id = 0
  const block = (spec: BlockShape): Block => {
    const n = ++id
    const text = figures ? `${spec.texts[0]}${n * 7 + 100}${spec.texts[1]}` : `${spec.texts[0]}${spec.texts[1]}`
    const phrasing = [{ type: 'text' as const, value: text }]
    if (spec.type === 'paragraph') return { type: 'paragraph', children: phrasing }
    if (spec.type === 'point') return { type: 'point', label: spec.labelled ? spec.texts[1] : null, children: phrasing }
    // The richer kinds hold their text where a reader sees it whole: one cell, a caption, a quote's paragraph, a code block, a note.
    if (spec.type === 'table') return { type: 'table', align: [null], children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: phrasing }] }] }
    // A picture's path is a clue a translation keeps, as a number is: only with `figures` does each have its own.
    if (spec.type === 'figure') return { type: 'figure', url: figures ? `figure-${n}.png` : 'figure.png', alt: spec.texts[1], children: phrasing }
    if (spec.type === 'blockquote') return { type: 'blockquote', children: [{ type: 'paragraph', children: phrasing }] }
    if (spec.type === 'code') return { type: 'code', lang: null, value: text }
    if (spec.type === 'footnoteDefinition') return { type: 'footnoteDefinition', identifier: `n${n}`, label: `n${n}`, children: [{ type: 'paragraph', children: phrasing }] }
    return { type: 'list', ordered: spec.labelled, ...(spec.labelled ? { start: 1 } : {}), children: [{ type: 'listItem', children: [{ type: 'paragraph', children: phrasing }] }] }
  }
  const children: CaseDocument['children'] = []
  if (shape.intro) children.push({ type: 'intro', title: '引言', children: shape.intro.map(block) })
  shape.cases.forEach((sections, index) => {
    const number = index + 1
    const unnumberedKinds = new Set<SectionKind>()
    const kept = sections.filter((section) => section.numbered || (!unnumberedKinds.has(section.kind) && unnumberedKinds.add(section.kind)))
    children.push({
      type: 'case',
      number,
      title: `案例${number}`,
      label: null,
      children: kept.map((section, sectionIndex): Section => ({
        type: 'section',
        number: section.numbered ? `${number}.${sectionIndex + 1}` : null,
        title: section.title,
        kind: section.kind,
        children: section.blocks.map(block),
      })),
    })
  })
  if (shape.conclusion) children.push({ type: 'conclusion', title: '结论', children: shape.conclusion.map(block) })
  return { type: 'document', data: { title: '案例集', lang: 'zh-CN' }, children }
}

/** What a translator writes for a text: no Han characters, the figures kept. */
function english(value: string): string {
  return `en(${value.replace(/\p{Script=Han}|[“”,。]/gu, '~')})`
}

/** A deep copy with every text (and title, label) translated. */
function translate<T>(node: T): T {
  return JSON.parse(JSON.stringify(node), (key, value: unknown) => ((key === 'value' || key === 'title' || key === 'label' || key === 'alt') && typeof value === 'string' ? english(value) : value)) as T
}

/** Which nodes a translation drops: each node is dropped when its coin says so. */
type Drops = (node: object) => boolean

/** The translation of `source` without the nodes `drop` names; returns it and the dropped nodes (the topmost of each). */
function partialTranslation(source: CaseDocument, drop: Drops): { translation: CaseDocument; dropped: Set<object> } {
  const dropped = new Set<object>()
  const keep = <T extends object>(nodes: T[]): T[] => nodes.filter((node) => !(drop(node) && dropped.add(node)))
  const children = keep(source.children).map((node) => {
    if (node.type !== 'case') return { ...translate({ ...node, children: [] }), children: keep(node.children).map(translate) }
    return { ...translate({ ...node, children: [] }), children: keep(node.children).map((section) => ({ ...translate({ ...section, children: [] }), children: keep(section.children).map(translate) })) }
  }) as CaseDocument['children']
  return { translation: { type: 'document', data: { title: 'Cases', lang: 'en' }, children }, dropped }
}

/** Every block of a localized part, with whether it (or a part holding it) is marked untranslated. */
function blocksOf(parts: Array<{ children: Block[]; data?: { untranslated?: boolean } }>, inherited: boolean) {
  return parts.map((part) => part.children.map((block) => ({ block, untranslated: inherited || Boolean(part.data?.untranslated) || Boolean(block.data?.untranslated) })))
}

/** The parts of a document that hold blocks, each under its case (or alone), in order. */
function containers(document: CaseDocument): Array<{ top: Intro | Case | Conclusion; parts: Array<Section | Intro | Conclusion> }> {
  return document.children.map((node) => ({ top: node, parts: node.type === 'case' ? node.children : [node] }))
}

/** A coin per node, drawn from a seed, so fast-check can shrink the choice of deletions. */
const dropsFrom = (seed: number, rate: number): Drops => {
  const coins = new WeakMap<object, boolean>()
  let state = seed >>> 0 || 1
  return (node) => {
    if (!coins.has(node)) {
      state ^= state << 13
      state ^= state >>> 17
      state ^= state << 5
      coins.set(node, (state >>> 0) % 100 < rate)
    }
    return coins.get(node)!
  }
}

const withDrops = fc.tuple(treeShape, fc.integer(), fc.integer({ min: 0, max: 60 }))

describe('a partial translation laid over its source', () => {
  it('holds every source block, translated or marked untranslated, each in its place (blocks carry figures)', () => {
    fc.assert(
      fc.property(withDrops, ([shape, seed, rate]) => {
        const source = sourceTree(shape, true)
        const { translation, dropped } = partialTranslation(source, dropsFrom(seed, rate))
        const { tree, gaps, extras } = mergeTranslation(source, translation, 'en')
        expect(extras).toEqual([])
        const sourceParts = containers(source)
        const localParts = containers(tree)
        // The same cases, intro, conclusion and sections, in the source's order.
        expect(localParts.map(({ top, parts }) => [top.type, top.type === 'case' ? top.number : 0, parts.length])).toEqual(
          sourceParts.map(({ top, parts }) => [top.type, top.type === 'case' ? top.number : 0, parts.length]),
        )
        sourceParts.forEach(({ top, parts }, index) => {
          const local = localParts[index]
          const topDropped = dropped.has(top)
          expect(Boolean(local.top.data?.untranslated)).toBe(topDropped)
          parts.forEach((part, partIndex) => {
            const localPart = local.parts[partIndex]
            const partDropped = topDropped || dropped.has(part)
            if (part.type === 'section') {
              expect(Boolean(localPart.data?.untranslated) || topDropped).toBe(partDropped)
              expect((localPart as Section).kind).toBe(part.kind)
            }
            const [blocks] = blocksOf([localPart], topDropped)
            // One block for each source block: its translation, or the source's text, marked.
            expect(blocks).toHaveLength(part.children.length)
            part.children.forEach((block, blockIndex) => {
              const shown = blocks[blockIndex]
              const missing = partDropped || dropped.has(block)
              expect(shown.untranslated).toBe(missing)
              expect(shown.block.type).toBe(block.type)
              expect(plainText(shown.block)).toBe(missing ? plainText(block) : plainText(translate(block)))
              if (block.type === 'point' && shown.block.type === 'point') expect(shown.block.label).toBe(missing ? block.label : translate(block).label)
              // A figure keeps the source's picture, with the translation's words.
              if (block.type === 'figure' && shown.block.type === 'figure') {
                expect(shown.block.url).toBe(block.url)
                expect(shown.block.alt).toBe(missing ? block.alt : english(block.alt))
              }
            })
          })
        })
        // One gap per dropped node, the topmost only.
        expect(new Set(gaps.map((gap) => gap.source))).toEqual(dropped)
        expect(gaps).toHaveLength(dropped.size)
      }),
      { numRuns: 300 },
    )
  })

  it('without figures, still fills every source block’s place, taking the later ones of a kind as missing', () => {
    fc.assert(
      fc.property(withDrops, ([shape, seed, rate]) => {
        const source = sourceTree(shape, false)
        const { translation, dropped } = partialTranslation(source, dropsFrom(seed, rate))
        const { tree, gaps } = mergeTranslation(source, translation, 'en')
        const translated = containers(translation)
        const kept = new Map(translated.map(({ top }) => [top.type === 'case' ? `case ${top.number}` : top.type, top]))
        containers(source).forEach(({ top, parts }, index) => {
          const local = containers(tree)[index]
          const topDropped = dropped.has(top)
          parts.forEach((part, partIndex) => {
            const localPart = local.parts[partIndex]
            const [blocks] = blocksOf([localPart], topDropped || Boolean(localPart.data?.untranslated))
            // The source's kinds of block in the source's order; those shown from the source are the source's own, in their places.
            expect(blocks.map(({ block }) => block.type)).toEqual(part.children.map((block) => block.type))
            blocks.forEach(({ block, untranslated }, blockIndex) => {
              if (untranslated) expect(plainText(block)).toBe(plainText(part.children[blockIndex]))
            })
            if (topDropped || (part.type === 'section' && dropped.has(part))) return
            // The translated ones are exactly the translation's blocks, in its order.
            const translatedTop = kept.get(top.type === 'case' ? `case ${top.number}` : top.type)!
            const translatedPart = translatedTop.type === 'case' ? translatedTop.children.find((section) => section.kind === (part as Section).kind && section.number === (part as Section).number)! : translatedTop
            expect(blocks.filter(({ untranslated }) => !untranslated).map(({ block }) => block)).toEqual(translatedPart.children)
            // Within a run of blocks of one kind, the translated ones come first.
            let previous: { type: string; untranslated: boolean } | null = null
            for (const { block, untranslated } of blocks) {
              if (previous && previous.type === block.type && previous.untranslated) expect(untranslated).toBe(true)
              previous = { type: block.type, untranslated }
            }
          })
        })
        // As many gaps as dropped nodes.
        expect(gaps).toHaveLength(dropped.size)
      }),
      { numRuns: 300 },
    )
  })

  it('gives a report whose HTML shows every source block: its translation unmarked, or its own text inside an untranslated mark', async () => {
    const dirs = templateDirs()
    const context: RenderContext = { locale: await loadLocale('en', dirs), config: await loadConfig(null), templateDirs: dirs, sourceDate: new Date(0), shared: new Map(), browser: () => Promise.reject(new Error('no browser')) }
    // The report's template and view, without the inlined fonts (a subset per page would dominate the run).
    const template = await loadTemplate(dirs, 'report.hbs', context.locale)
    await fc.assert(
      fc.asyncProperty(withDrops, async ([shape, seed, rate]) => {
        const source = sourceTree(shape, true)
        const { translation, dropped } = partialTranslation(source, dropsFrom(seed, rate))
        const { tree } = mergeTranslation(source, translation, 'en')
        const html = template({ ...(await buildReportView(tree, context)), styles: '', fonts: '' })
        const { marked, unmarked } = markedText(fromHtml(html))
        containers(source).forEach(({ top, parts }) => {
          for (const part of parts) {
            const partDropped = dropped.has(top) || dropped.has(part)
            for (const block of part.children) {
              if (partDropped || dropped.has(block)) expect(marked).toContain(plainText(block))
              else expect(unmarked).toContain(plainText(translate(block)))
              expect(unmarked).not.toContain(plainText(block))
            }
          }
        })
      }),
      { numRuns: 40 },
    )
  })

  it('changes neither tree', () => {
    fc.assert(
      fc.property(withDrops, ([shape, seed, rate]) => {
        const source = sourceTree(shape, true)
        const { translation } = partialTranslation(source, dropsFrom(seed, rate))
        const before = JSON.stringify([source, translation])
        mergeTranslation(source, translation, 'en')
        expect(JSON.stringify([source, translation])).toBe(before)
      }),
      { numRuns: 100 },
    )
  })
})

/** The text of the report's cases and frames, split into what lies inside an untranslated mark and what does not. */
function markedText(root: { children: RootContent[] }): { marked: string; unmarked: string } {
  let marked = ''
  let unmarked = ''
  const hasClass = (element: Element, name: string) => Array.isArray(element.properties.className) && element.properties.className.includes(name)
  const visit = (node: RootContent, inPart: boolean, inside: boolean) => {
    if (node.type === 'text') {
      if (!inPart) return
      if (inside) marked += node.value + '\n'
      else unmarked += node.value + '\n'
    } else if (node.type === 'element') {
      const part = inPart || hasClass(node, 'case') || hasClass(node, 'frame')
      const here = inside || hasClass(node, 'untranslated') || hasClass(node, 'untranslated-blocks')
      for (const child of node.children) visit(child, part, here)
    }
  }
  for (const child of root.children) visit(child, false, false)
  return { marked, unmarked }
}
