/**
 * A partial translation loses nothing: every case, section, key point and
 * paragraph of the source the translation lacks is named at its place in the
 * translation file, and shown in the pack from the source, marked untranslated.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import type { Element, Root, RootContent } from 'hast'
import { describe, expect, it } from 'vitest'
import { loadDocument } from '../src/load-document.js'
import { applyTranslation } from '../src/locale/apply-translation.js'
import { mergeTranslation } from '../src/locale/merge-translation.js'
import { checkTranslations } from '../src/locale/check-translations.js'
import { sourceHash } from '../src/locale/case-hash.js'
import { loadTranslation, parseTranslation } from '../src/locale/load-translation.js'
import { plainText } from '../src/text/plain-text.js'
import type { Block, Case, CaseDocument, Section } from '../src/types.js'
import { casebook, SEED } from './helpers/cli.js'
import { mammothHtml } from './helpers/docx-read.js'
import { loadConfig } from '../src/config/load-config.js'
import { loadLocale } from '../src/locale/load-locale.js'
import type { RenderContext } from '../src/render/renderer.js'
import { buildDeckView } from '../src/render/slides/build-deck-view.js'
import type { CaseSlide, FrameSlide } from '../src/render/slides/slide-types.js'
import { loadTemplate } from '../src/render/template-engine.js'
import { templateDirs } from '../src/config/template-dirs.js'

const NAME = '000_26baee1053dad71d'

/** Cases 1, 2 and 4 of the seed, in part: 1.2 lacks its third point, case 1 lacks 1.3, case 3 is missing, 4.1 is empty, 4.2 is missing; cases 5–10 and the conclusion are not there. */
const PARTIAL = `---
title: "Decoding Success in Public Services (partial)"
lang: en
---

# Introduction
<!-- source: 3abdcdd9a865 -->

Public services are an essential component of urban governance.

# Case 1: Shanghai Smart City Development
<!-- source: 2616b21a53b3 -->

## 1.1 Background

As an international metropolis, Shanghai is committed to becoming a smart city.

## 1.2 Analysis

- **Data-driven decision-making**: Big-data analysis is used to optimize urban planning.
- **Smart transport**: Public transport is made intelligent.

# Case 2: Hangzhou’s “City Brain”
<!-- source: c2eb2ab8b6f4 -->

## 2.1 Background

Hangzhou has used the “City Brain” project as its main lever.

## 2.2 Analysis

- **Real-time data monitoring**: IoT technology monitors the city in real time.
- **Cross-departmental coordination**: Barriers between departments are broken down.
- **Public participation**: A mobile app lets the public take part.

## 2.3 Insight

The “City Brain” project illustrates the collaborative nature of urban governance.

# Case 4: Guangzhou’s “Sponge City” Development
<!-- source: adb8f1b83e51 -->

## 4.1 Background

## 4.3 Insight

“Sponge City” development is an important direction for innovation in urban governance.
`

/** 1-based line of the first line of `text` that is exactly `line`. */
function lineOf(text: string, line: string): number {
  const index = text.split('\n').indexOf(line)
  if (index < 0) throw new Error(`no line ${line}`)
  return index + 1
}

function setUp(): { dir: string; translation: string } {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-gaps-'))
  copyFileSync(SEED, join(dir, `${NAME}.txt`))
  const translation = join(dir, `${NAME}.en.md`)
  writeFileSync(translation, PARTIAL)
  return { dir, translation }
}

const cases = (tree: CaseDocument) => tree.children.filter((node): node is Case => node.type === 'case')

describe('an en build with a partial translation of the seed', () => {
  const { dir } = setUp()
  const result = casebook(['build', `${NAME}.txt`, '--locale', 'en', '--format', 'html', '--out', 'out'], { cwd: dir, env: { CI: 'true' } })
  const name = `${NAME}.en.md`
  // build names files by their full path.
  const file = join(dir, name)
  const end = PARTIAL.split('\n').length
  const shows = 'the en pack shows the source text, marked untranslated'

  it('succeeds, naming each gap at its line in the translation with the source part', () => {
    expect(result.code).toBe(0)
    const gaps = result.stderr.split('\n').filter((line) => line.endsWith(' translation-missing'))
    const expected = [
      `${file}:${lineOf(PARTIAL, '# Case 1: Shanghai Smart City Development')}:1 warning Case 1 (Shanghai Smart City Development) lacks 1.3 案例启示; ${shows} translation-missing`,
      `${file}:${lineOf(PARTIAL, '## 1.2 Analysis')}:1 warning 1.2 Analysis lacks key point 3 of 1.2 案例分析 (智慧医疗); ${shows} translation-missing`,
      `${file}:${lineOf(PARTIAL, '# Case 4: Guangzhou’s “Sponge City” Development')}:1 warning ${name} lacks case 3 (深圳“互联网+政务服务”) of the source; ${shows} (translate it here and mark it <!-- source: d6b964d8a3ac -->) translation-missing`,
      `${file}:${lineOf(PARTIAL, '# Case 4: Guangzhou’s “Sponge City” Development')}:1 warning Case 4 (Guangzhou’s “Sponge City” Development) lacks 4.2 案例分析; ${shows} translation-missing`,
      `${file}:${lineOf(PARTIAL, '## 4.1 Background')}:1 warning 4.1 Background lacks paragraph 1 of 4.1 案例背景 (广州市以“海绵城市”建设为抓手,提升城市…); ${shows} translation-missing`,
    ]
    for (const line of expected) expect(gaps).toContain(line)
    // Cases 5–10 and the conclusion would have come after the last case: the end of the file.
    const atEnd = gaps.filter((line) => line.startsWith(`${file}:${end}:1 warning`))
    expect(atEnd.map((line) => /lacks (case \d+|the conclusion)/.exec(line)?.[1])).toEqual(['case 5', 'case 6', 'case 7', 'case 8', 'case 9', 'case 10', 'the conclusion'])
    expect(atEnd.at(-1)).toBe(`${file}:${end}:1 warning ${name} lacks the conclusion (结论) of the source; ${shows} (translate it here and mark it <!-- source: c36a14744c6f -->) translation-missing`)
    expect(gaps).toHaveLength(expected.length + atEnd.length)
    // Every diagnostic keeps the one-line shape `file:line:column severity message ruleId`.
    for (const line of gaps) expect(line).toMatch(/^\S+:\d+:\d+ warning .+ translation-missing$/)
    expect(result.stderr).not.toContain('translation-stale')
  })

  it('writes a report holding every source block, translated or marked untranslated', async () => {
    const html = readFileSync(join(dir, 'out', 'en', 'report.html'), 'utf8')
    const tree = fromHtml(html)
    const source = (await loadDocument(join(dir, `${NAME}.txt`))).tree
    const translation = (await parseTranslation([file])).tree
    const parts = [...elements(tree, (element) => hasClass(element, 'case') || hasClass(element, 'frame'))]
    const texts = parts.map(markedText)
    const marked = texts.map((text) => text.marked).join('\n')
    const unmarked = texts.map((text) => text.unmarked).join('\n')
    // Each translated block is shown unmarked.
    for (const block of allBlocks(translation)) expect(unmarked).toContain(plainText(block))
    // The source blocks the translation lacks: 1.2's third point, 1.3, case 3, 4.1, 4.2, cases 5–10, the conclusion.
    const sourceCases = cases(source)
    const lacking = new Set<Block>([
      sourceCases[0].children[1].children[2],
      ...sourceCases[0].children[2].children,
      ...sourceCases[2].children.flatMap((section) => section.children),
      ...sourceCases[3].children[0].children,
      ...sourceCases[3].children[1].children,
      ...sourceCases.slice(4).flatMap((node) => node.children.flatMap((section) => section.children)),
      ...source.children.filter((node) => node.type === 'conclusion').flatMap((node) => node.children),
    ])
    expect(lacking.size).toBe(1 + 1 + 5 + 1 + 3 + 6 * 5 + 1)
    expect(allBlocks(source).length - lacking.size).toBe(allBlocks(translation).length)
    // Each is shown from the source inside a mark; every other source block is translated, so its text is nowhere.
    for (const block of allBlocks(source)) {
      if (lacking.has(block)) expect(marked).toContain(plainText(block))
      else expect(marked + unmarked).not.toContain(plainText(block))
    }
    // The localized tree says the same.
    const localized = allBlocks(applyTranslation(source, translation, 'en'), true)
    expect(localized.filter((entry) => entry.untranslated).map((entry) => entry.block.position)).toEqual([...lacking].map((block) => block.position))
  })

  it('marks each part the translation lacks where it is: a case, a section, a run of blocks, the conclusion', () => {
    const tree = fromHtml(readFileSync(join(dir, 'out', 'en', 'report.html'), 'utf8'))
    const articles = [...elements(tree, (element) => element.tagName === 'article')]
    expect(articles.map((article) => hasClass(article, 'untranslated'))).toEqual([false, false, true, false, true, true, true, true, true, true])
    const [first, , third, fourth] = articles
    expect(text(third)).toContain('Untranslated')
    expect(text(third)).toContain('深圳市积极推进“互联网+政务服务”')
    const sections = (article: Element) => [...elements(article, (element) => element.tagName === 'section')]
    // Case 1: 1.3 is a whole section from the source; 1.2 shows two translated points, then the third from the source.
    expect(sections(first).map((section) => hasClass(section, 'untranslated'))).toEqual([false, false, true])
    expect(text(sections(first)[2])).toMatch(/^1\.3案例启示Untranslated智慧城市建设/)
    const runs = [...elements(sections(first)[1], (element) => hasClass(element, 'untranslated-blocks'))]
    expect(runs.map(text)).toEqual(['Untranslated智慧医疗：利用互联网技术,实现医疗资源的合理配置,提升医疗服务质量。'])
    expect(text(sections(first)[1])).toMatch(/^1\.2AnalysisData-drivendecision-making.+Smarttransport.+Untranslated智慧医疗/)
    // Case 4: 4.1 shows its paragraph from the source, 4.2 is from the source, 4.3 is translated, in the source's order.
    expect(sections(fourth).map((section) => [text(section).slice(0, 3), hasClass(section, 'untranslated')])).toEqual([['4.1', false], ['4.2', true], ['4.3', false]])
    expect([...elements(sections(fourth)[0], (element) => hasClass(element, 'untranslated-blocks'))].map(text)).toEqual(['Untranslated广州市以“海绵城市”建设为抓手,提升城市生态环境和公共服务水平。'])
    const conclusion = [...elements(tree, (element) => element.properties.id === 'conclusion')]
    expect(conclusion).toHaveLength(1)
    expect(hasClass(conclusion[0], 'untranslated')).toBe(true)
    expect(text(conclusion[0])).toContain('公共服务是城市治理的重要组成部分,通过分析十大典范案例')
  })
})

describe('the .docx and the deck of a partial translation', () => {
  it('put the untranslated note before a case, a section and a run of blocks shown from the source', async () => {
    const { dir } = setUp()
    const result = casebook(['build', `${NAME}.txt`, '--locale', 'en', '--format', 'docx', '--out', 'out'], { cwd: dir, env: { CI: 'true' } })
    expect(result.code, result.stderr).toBe(0)
    const html = await mammothHtml(join(dir, 'out', 'en', 'report.docx'))
    // The body's paragraphs and headings in order, as Word readers get them.
    const lines = [...html.matchAll(/<(h1|h2|p|li)>([\s\S]*?)<\/\1>/g)].map((match) => match[2].replace(/<[^>]+>/g, ''))
    // The last occurrence: the contents lists the headings first.
    const after = (line: string, count: number) => lines.slice(lines.lastIndexOf(line) + 1, lines.lastIndexOf(line) + 1 + count)
    expect(after('1.2 Analysis', 4)).toEqual([
      'Data-driven decision-making: Big-data analysis is used to optimize urban planning.',
      'Smart transport: Public transport is made intelligent.',
      'Untranslated',
      '智慧医疗：利用互联网技术,实现医疗资源的合理配置,提升医疗服务质量。',
    ])
    expect(after('1.3 案例启示', 2)).toEqual(['Untranslated', '智慧城市建设是公共服务创新的重要方向,通过数据驱动和智能化手段,提升公共服务水平。'])
    expect(after('Case 3: 深圳“互联网+政务服务”', 2)).toEqual(['Untranslated', '3.1 案例背景'])
    expect(after('4.1 Background', 2)).toEqual(['Untranslated', '广州市以“海绵城市”建设为抓手,提升城市生态环境和公共服务水平。'])
    // The conclusion is the source's, heading and all.
    expect(after('结论', 2)).toEqual(['Untranslated', '公共服务是城市治理的重要组成部分,通过分析十大典范案例,我们可以看到公共服务创新的方向和路径。未来,城市治理需要继续探索创新,以更好地满足市民对公共服务的需求。'])
    // Translated text carries no note.
    expect(after('2.2 Analysis', 3).every((line) => line !== 'Untranslated')).toBe(true)
  })

  it('marks the deck’s case slides, their pieces and the conclusion slide', async () => {
    const { dir, translation } = setUp()
    const source = (await loadDocument(join(dir, `${NAME}.txt`))).tree
    const localized = applyTranslation(source, (await parseTranslation([translation])).tree, 'en')
    const dirs = templateDirs()
    const context: RenderContext = { locale: await loadLocale('en', dirs), config: await loadConfig(null), templateDirs: dirs, sourceDate: new Date(0), shared: new Map(), browser: () => Promise.reject(new Error('no browser')) }
    const deck = await buildDeckView(localized, context)
    const caseSlides = deck.slides.filter((slide): slide is CaseSlide => slide.kind === 'case')
    const byCase = (number: number) => caseSlides.filter((slide) => slide.caseNumber === number)
    expect([...new Set(caseSlides.filter((slide) => slide.untranslated).map((slide) => slide.caseNumber))]).toEqual([3, 5, 6, 7, 8, 9, 10])
    const marked = (number: number) => byCase(number).flatMap((slide) => slide.items).filter((item) => item.untranslated).map((item) => ('label' in item && item.label) || ('heading' in item && item.heading) || item.text)
    // Case 1: the third key point and the insight; case 4: the background's text and the analysis (its heading and points).
    expect(marked(1)).toEqual(['智慧医疗', '案例启示'])
    // The untranslated analysis keeps its own (source) title, as every section does on slides.
    expect(marked(4)).toEqual(['Background', '案例分析', '雨水收集利用', '绿色植被覆盖', '排水系统改造'])
    expect(marked(2)).toEqual([])
    const frames = deck.slides.filter((slide): slide is FrameSlide => slide.kind === 'frame')
    expect(frames.map((slide) => [slide.frame, slide.untranslated])).toEqual([['intro', false], ['conclusion', true]])
    // The deck's HTML shows the mark where the view has it.
    const template = await loadTemplate(dirs, 'slides.hbs', context.locale)
    const page = fromHtml(template({ ...deck, styles: '', script: '', fonts: '' }))
    const notes = [...elements(page, (element) => hasClass(element, 'untranslated'))]
    expect(notes.every((element) => element.properties.dataNote === 'Untranslated')).toBe(true)
    expect(notes.map(text)).toContain('智慧医疗利用互联网技术,实现医疗资源的合理配置,提升医疗服务质量。')
    const kickers = [...elements(page, (element) => hasClass(element, 'kicker'))].map(text)
    expect(kickers.filter((kicker) => kicker.endsWith('Untranslated')).length).toBe(caseSlides.filter((slide) => slide.untranslated).length + 1)
  })
})

describe('casebook check with a partial translation', () => {
  it('gives the same gaps as build, on the translation file', () => {
    const { dir } = setUp()
    const result = casebook(['check', `${NAME}.txt`, '--reporter', 'json'], { cwd: dir })
    expect(result.code).toBe(0)
    const diagnostics = JSON.parse(result.stdout) as Array<{ file: string; line: number; endLine: number; endColumn: number; ruleId: string; message: string }>
    const missing = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'translation-missing')
    expect(missing).toHaveLength(12)
    expect(new Set(missing.map((diagnostic) => diagnostic.file.endsWith(`${NAME}.en.md`)))).toEqual(new Set([true]))
    // A gap under a heading spans that heading's line.
    const section = missing.find((diagnostic) => diagnostic.message.startsWith('1.2 Analysis lacks'))!
    expect(section).toMatchObject({ line: lineOf(PARTIAL, '## 1.2 Analysis'), endLine: lineOf(PARTIAL, '## 1.2 Analysis'), endColumn: '## 1.2 Analysis'.length + 1 })
  })
})

describe('the check of a translation', () => {
  it('names a block the intro or conclusion lacks by the headings, and leaves out an intro the source does not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-gaps-'))
    writeFileSync(join(dir, 'input.txt'), '1、案例1:甲\n1.1 背景\n甲。\n结论\n第一段。\n第二段:2024年。\n')
    writeFileSync(join(dir, 'input.en.md'), '# Introduction\n\nNot in the source.\n\n# Case 1: A\n\n## 1.1 Background\n\nA.\n\n# Conclusion\n\nThe first.\n')
    const document = await loadDocument(join(dir, 'input.txt'))
    const [file] = await checkTranslations(document, join(dir, 'input.txt'), ['en'])
    const byLine = (a: string, b: string) => parseInt(a) - parseInt(b)
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason} ${message.ruleId}`).sort(byLine)).toEqual([
      '1:1 The introduction (Introduction) is not in the source; it is left out of the pack translation-extra',
      '5:1 Case 1 (A) does not record which source version it translates; check it against the source and write <!-- source: ' + sourceHash(cases(document.tree)[0]) + ' --> under its heading translation-stale',
      '11:1 Conclusion lacks paragraph 2 of 结论 (第二段:2024年。); the en pack shows the source text, marked untranslated translation-missing',
      '11:1 The conclusion (Conclusion) does not record which source version it translates; check it against the source and write <!-- source: ' + sourceHash(document.tree.children.at(-1)!) + ' --> under its heading translation-stale',
    ])
    const localized = applyTranslation(document.tree, (await parseTranslation([join(dir, 'input.en.md')])).tree, 'en')
    expect(localized.children.map((node) => node.type)).toEqual(['case', 'conclusion'])
  })
})

describe('loading a translation', () => {
  it('reuses the tree the check parsed when the build localizes from the same bytes, and parses again when they changed', async () => {
    const { dir, translation } = setUp()
    const input = join(dir, `${NAME}.txt`)
    const checked = await parseTranslation([translation])
    const loaded = await loadTranslation(input, 'en')
    expect(loaded!.tree).toBe(checked.tree)
    expect(loaded!.files.map((file) => file.path)).toEqual([translation])
    writeFileSync(translation, PARTIAL.replace('Public services are', 'Public services were'))
    const changed = await loadTranslation(input, 'en')
    expect(changed!.tree).not.toBe(checked.tree)
    expect(plainText(changed!.tree)).toContain('Public services were')
  })
})

describe('matching a translation to its source', () => {
  it('matches sections by number, then unnumbered ones by kind; a section the source lacks is left out and reported', async () => {
    const source = await tree('1、案例1:甲\n1.1 背景\n甲一。\n【案例分析】\n- 要点:甲二。\n1.3 启示\n甲三。\n')
    const translation = await markdown('# Case 1: A\n\n## Analysis\n\n- **Point**: A two.\n\n## 1.1 Background\n\nA one.\n\n## 1.5 Extra\n\nNot in the source.\n')
    const merged = mergeTranslation(source, translation, 'en')
    const sections = cases(merged.tree)[0].children
    expect(sections.map((section) => [section.title, Boolean(section.data?.untranslated)])).toEqual([['Background', false], ['Analysis', false], ['启示', true]])
    expect(merged.gaps.map((gap) => [gap.type, plainText(gap.source)])).toEqual([['section', '甲三。']])
    expect(merged.extras.map((extra) => (extra.node as Section).number)).toEqual(['1.5'])
  })

  it('appends the key points a section lacks after the translated ones; without evidence the later ones are missing', async () => {
    const source = await tree('1、案例1:甲\n1.1 分析\n- 一:甲。\n- 二:乙。\n- 三:丙。\n')
    const translation = await markdown('# Case 1: A\n\n## 1.1 Analysis\n\n- **One**: A.\n')
    const blocks = cases(applyTranslation(source, translation, 'en'))[0].children[0].children
    expect(blocks.map((block) => [block.type === 'point' && block.label, Boolean(block.data?.untranslated)])).toEqual([['One', false], ['二', true], ['三', true]])
  })

  it('lets numbers, Latin words and links the blocks share decide which one is missing', async () => {
    const source = await tree('1、案例1:甲\n1.1 背景\n2019年启动。\n覆盖50个部门。\n接入APP。\n')
    const translation = await markdown('# Case 1: A\n\n## 1.1 Background\n\nLaunched in 2019.\n\nConnected to an app.\n')
    const blocks = cases(applyTranslation(source, translation, 'en'))[0].children[0].children
    expect(blocks.map((block) => [plainText(block), Boolean(block.data?.untranslated)])).toEqual([
      ['Launched in 2019.', false],
      ['覆盖50个部门。', true],
      ['Connected to an app.', false],
    ])
  })

  it('keeps a translation’s extra paragraphs (a split paragraph) and reports no gap', async () => {
    const source = await tree('1、案例1:甲\n1.1 背景\n甲。\n- 要点:乙。\n')
    const translation = await markdown('# Case 1: A\n\n## 1.1 Background\n\nFirst half.\n\nSecond half.\n\n- **Point**: B.\n')
    const merged = mergeTranslation(source, translation, 'en')
    expect(cases(merged.tree)[0].children[0].children.map(plainText)).toEqual(['First half.', 'Second half.', 'B.'])
    expect(merged.gaps).toEqual([])
  })
})

async function tree(text: string): Promise<CaseDocument> {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-gaps-'))
  writeFileSync(join(dir, 'input.txt'), text)
  return (await loadDocument(join(dir, 'input.txt'))).tree
}

async function markdown(text: string): Promise<CaseDocument> {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-gaps-'))
  writeFileSync(join(dir, 'input.en.md'), text)
  return (await parseTranslation([join(dir, 'input.en.md')])).tree
}

function allBlocks(document: CaseDocument): Block[]
function allBlocks(document: CaseDocument, withMarks: true): Array<{ block: Block; untranslated: boolean }>
function allBlocks(document: CaseDocument, withMarks = false): Array<Block | { block: Block; untranslated: boolean }> {
  const found: Array<{ block: Block; untranslated: boolean }> = []
  for (const node of document.children) {
    const parts: Array<{ blocks: Block[]; marked: boolean }> =
      node.type === 'case' ? node.children.map((section) => ({ blocks: section.children, marked: Boolean(node.data?.untranslated || section.data?.untranslated) })) : [{ blocks: node.children, marked: Boolean(node.data?.untranslated) }]
    for (const part of parts) for (const block of part.blocks) found.push({ block, untranslated: part.marked || Boolean(block.data?.untranslated) })
  }
  return withMarks ? found : found.map((entry) => entry.block)
}

function* elements(node: Root | Element, test: (element: Element) => boolean): Generator<Element> {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue
    if (test(child)) yield child
    else yield* elements(child, test)
  }
}

function hasClass(element: Element, name: string): boolean {
  const value = element.properties.className
  return Array.isArray(value) && value.includes(name)
}

function text(node: Element | RootContent): string {
  if (node.type === 'text') return node.value.replace(/\s+/g, '')
  return 'children' in node ? (node.children as RootContent[]).map(text).join('') : ''
}

/** The text of an element, split into what lies inside an untranslated mark and what does not. */
function markedText(element: Element): { marked: string; unmarked: string } {
  let marked = ''
  let unmarked = ''
  const visit = (node: RootContent, inside: boolean) => {
    if (node.type === 'text') {
      if (inside) marked += node.value
      else unmarked += node.value
    } else if (node.type === 'element') {
      const here = inside || hasClass(node, 'untranslated') || hasClass(node, 'untranslated-blocks')
      for (const child of node.children) visit(child, here)
    }
  }
  visit(element, false)
  return { marked, unmarked }
}
