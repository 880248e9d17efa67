/**
 * Translations never silently show the wrong or stale text (issue 16): a
 * translated case is found by its `<!-- source: HASH -->` when cases were
 * inserted or swapped in the source; the intro and conclusion are marked and
 * flagged stale like cases; a `name.zh-CN.md` is used whenever it is there; and a
 * pack whose text would be in another language than its locale says so.
 * CLI builds of hand-written sources and translations, read from report.html.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import type { Element, Root, RootContent } from 'hast'
import { describe, expect, it } from 'vitest'
import { caseHash, sourceHash } from '../src/locale/case-hash.js'
import { mergeTranslation } from '../src/locale/merge-translation.js'
import { parseDocument } from '../src/parse/parse-document.js'
import { decodeSource } from '../src/parse/decode-source.js'
import type { Case, CaseDocument } from '../src/types.js'
import { casebook } from './helpers/cli.js'

const scratch = () => mkdtempSync(join(tmpdir(), 'casebook-matching-'))

const SICHUAN = ['一、案例一:四川“数字乡村”', '1.1 案例背景', '四川推进数字乡村建设。', '1.2 案例分析', '- 平台:建立县级数据平台。']
const GANSU = (n: number, ordinal: string) => [`${ordinal}、案例${ordinal}:甘肃“电商扶贫”`, `${n}.1 案例背景`, '甘肃发展农村电商。', `${n}.2 案例分析`, '- 物流:完善县乡村三级物流。']
const GUIZHOU = (n: number, ordinal: string) => [`${ordinal}、案例${ordinal}:贵州“大数据”`, `${n}.1 案例背景`, '贵州建设大数据综合试验区。']
const INTRO = ['前言', '乡村振兴需要新办法。']
const CONCLUSION = ['结语', '三省各有所长。']

const source = (...parts: string[][]) => parts.flat().join('\n') + '\n'

/** The English translation of Sichuan (case 1) and Gansu (case 2), with the marks `check` asked for. */
function translation(marks: { intro?: string; one?: string; two?: string; conclusion?: string }): string {
  const mark = (hash: string | undefined) => (hash ? [`<!-- source: ${hash} -->`] : [])
  return [
    '---', 'title: Rural Revival', 'lang: en', '---', '',
    '# Introduction', ...mark(marks.intro), '', 'Rural revival needs new ways.', '',
    '# Case 1: Sichuan “Digital Villages”', ...mark(marks.one), '', '## 1.1 Background', '', 'Sichuan is building digital villages.', '', '## 1.2 Analysis', '', '- **Platform**: county data platforms.', '',
    '# Case 2: Gansu “E-commerce Against Poverty”', ...mark(marks.two), '', '## 2.1 Background', '', 'Gansu grows rural e-commerce.', '', '## 2.2 Analysis', '', '- **Logistics**: three-level county logistics.', '',
    '# Conclusion', ...mark(marks.conclusion), '', 'Each province has its strengths.', '',
  ].join('\n')
}

/** The hashes `casebook check` asks to write, by the part its message names, as a translator gets them. */
function askedHashes(dir: string, file: string): Map<string, string> {
  const result = casebook(['check', file, '--reporter', 'json'], { cwd: dir })
  const hashes = new Map<string, string>()
  for (const diagnostic of JSON.parse(result.stdout) as Array<{ ruleId: string; message: string }>) {
    if (diagnostic.ruleId !== 'translation-stale') continue
    const part = /^(Case \d+|The introduction|The conclusion)/.exec(diagnostic.message)![1]
    hashes.set(part, /<!-- source: ([0-9a-f]{12}) -->/.exec(diagnostic.message)![1])
  }
  return hashes
}

/** Sichuan and Gansu, translated and marked as `check` asks; the source then gets whatever `later` is. */
function project(later: string): { dir: string; marks: Map<string, string> } {
  const dir = scratch()
  writeFileSync(join(dir, 'rural.txt'), source(INTRO, SICHUAN, GANSU(2, '二'), CONCLUSION))
  writeFileSync(join(dir, 'rural.en.md'), translation({}))
  const marks = askedHashes(dir, 'rural.txt')
  expect([...marks.keys()].sort()).toEqual(['Case 1', 'Case 2', 'The conclusion', 'The introduction'])
  writeFileSync(join(dir, 'rural.en.md'), translation({ intro: marks.get('The introduction'), one: marks.get('Case 1'), two: marks.get('Case 2'), conclusion: marks.get('The conclusion') }))
  expect(casebook(['check', 'rural.txt', '--strict'], { cwd: dir }).stdout).not.toContain('translation-')
  writeFileSync(join(dir, 'rural.txt'), later)
  return { dir, marks }
}

function build(dir: string, args: string[]): { code: number; stderr: string } {
  return casebook(['build', ...args, '--format', 'html', '--out', 'out'], { cwd: dir, env: { CI: 'true' } })
}

/** Each case of a report: its number, whether it is marked untranslated, and its text. */
function casesOf(path: string): Array<{ number: string; untranslated: boolean; text: string }> {
  const tree = fromHtml(readFileSync(path, 'utf8'))
  return [...elements(tree, (element) => element.tagName === 'article' && hasClass(element, 'case'))].map((article) => ({
    number: String(article.properties.dataCase),
    untranslated: hasClass(article, 'untranslated'),
    text: text(article),
  }))
}

/** The text of the element with `id` in a report, and whether it is marked untranslated. */
function part(path: string, id: string): { untranslated: boolean; text: string } {
  const [found] = elements(fromHtml(readFileSync(path, 'utf8')), (element) => element.properties.id === id)
  return { untranslated: hasClass(found, 'untranslated'), text: text(found) }
}

function* elements(node: Root | RootContent, test: (element: Element) => boolean): Generator<Element> {
  if (node.type === 'element' && test(node)) yield node
  if ('children' in node) for (const child of node.children) yield* elements(child, test)
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className
  return Array.isArray(classes) && classes.includes(name)
}

function text(node: Root | RootContent): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(text).join('').replace(/\s+/g, ' ') : ''
}

const lines = (stderr: string, rule: string) => stderr.split('\n').filter((line) => line.endsWith(` ${rule}`))

describe('a case inserted before translated cases', () => {
  const { dir } = project(source(INTRO, SICHUAN, GUIZHOU(2, '二'), GANSU(3, '三'), CONCLUSION))
  const result = build(dir, ['rural.txt', '--locale', 'en'])
  const report = join(dir, 'out', 'en', 'report.html')

  it('shows the new case from the source, marked, and each translation under the case it translates', () => {
    expect(result.code, result.stderr).toBe(0)
    const cases = casesOf(report)
    expect(cases.map((entry) => [entry.number, entry.untranslated])).toEqual([['1', false], ['2', true], ['3', false]])
    expect(cases[0].text).toContain('Sichuan is building digital villages.')
    expect(cases[1].text).toContain('贵州建设大数据综合试验区。')
    expect(cases[1].text).not.toContain('Gansu')
    // The Gansu translation is case 3 now, its sections numbered as the case.
    expect(cases[2].text).toContain('Gansu grows rural e-commerce.')
    expect(cases[2].text).toMatch(/3\.1 ?Background.*3\.2 ?Analysis/)
    expect(cases[2].text).not.toContain('甘肃')
  })

  it('warns only that case 2 is missing, at the heading it would go before, and notes the renumbering', () => {
    const file = join(dir, 'rural.en.md')
    const gansu = readFileSync(file, 'utf8').split('\n').indexOf('# Case 2: Gansu “E-commerce Against Poverty”') + 1
    expect(lines(result.stderr, 'translation-stale')).toEqual([])
    expect(result.stderr).not.toContain('has no translation')
    expect(lines(result.stderr, 'translation-missing')).toEqual([
      expect.stringMatching(new RegExp(`^${file}:${gansu}:1 warning rural\\.en\\.md lacks case 2 \\(贵州“大数据”\\) of the source; the en pack shows the source text, marked untranslated \\(translate it here and mark it <!-- source: [0-9a-f]{12} -->\\) translation-missing$`)),
    ])
    expect(lines(result.stderr, 'translation-renumbered')).toEqual([
      `${file}:${gansu}:1 info Case 2 (Gansu “E-commerce Against Poverty”) translates case 3 (甘肃“电商扶贫”) of the source, found by its <!-- source --> mark; the en pack shows it as case 3 translation-renumbered`,
    ])
    // check says the same, the renumbering as info, not as a warning.
    const checked = casebook(['check', 'rural.txt', '--reporter', 'json'], { cwd: dir })
    const rules = (JSON.parse(checked.stdout) as Array<{ ruleId: string; severity: string }>).filter((entry) => entry.ruleId.startsWith('translation-'))
    expect(rules.map((entry) => `${entry.severity} ${entry.ruleId}`).sort()).toEqual(['info translation-renumbered', 'warning translation-missing'])
  })
})

describe('two cases swapped in the source', () => {
  const { dir } = project(source(INTRO, GANSU(1, '一'), SICHUAN.map((line) => line.replace('一、案例一', '二、案例二').replace(/^1\./, '2.')), CONCLUSION))
  const result = build(dir, ['rural.txt', '--locale', 'en'])

  it('shows each translation under the case it translates, with no warning', () => {
    expect(result.code, result.stderr).toBe(0)
    const cases = casesOf(join(dir, 'out', 'en', 'report.html'))
    expect(cases.map((entry) => [entry.number, entry.untranslated])).toEqual([['1', false], ['2', false]])
    expect(cases[0].text).toContain('Gansu grows rural e-commerce.')
    expect(cases[0].text).toMatch(/1\.1 ?Background/)
    expect(cases[1].text).toContain('Sichuan is building digital villages.')
    expect(cases[1].text).toMatch(/2\.2 ?Analysis/)
    expect(result.stderr).not.toMatch(/warning .*translation-/)
    expect(lines(result.stderr, 'translation-renumbered')).toHaveLength(2)
  })
})

describe('a case changed and renumbered', () => {
  // Gansu's text changed too: its mark names no source case now, so it stays with its number, stale.
  const gansu = GANSU(3, '三').map((line) => line.replace('甘肃发展农村电商。', '甘肃发展农村电商和乡村旅游。'))
  const { dir } = project(source(INTRO, SICHUAN, GUIZHOU(2, '二'), gansu, CONCLUSION))
  const result = build(dir, ['rural.txt', '--locale', 'en'])

  it('is matched by number and reported stale, naming the source case it now stands for', () => {
    expect(result.code, result.stderr).toBe(0)
    expect(lines(result.stderr, 'translation-stale')).toEqual([expect.stringContaining('warning Case 2 (贵州“大数据”) changed after its translation in rural.en.md')])
    expect(lines(result.stderr, 'translation-missing')).toEqual([expect.stringContaining('lacks case 3 (甘肃“电商扶贫”) of the source')])
    expect(result.stderr).not.toContain('translation-renumbered')
  })
})

describe('cases swapped when only one translation is marked', () => {
  it('never shows a translation under the wrong case: the unmarked one is left out, saying which case took its number', () => {
    const { dir, marks } = project(source(INTRO, GANSU(1, '一'), SICHUAN.map((line) => line.replace('一、案例一', '二、案例二').replace(/^1\./, '2.')), CONCLUSION))
    const file = join(dir, 'rural.en.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace(`<!-- source: ${marks.get('Case 2')} -->\n`, ''))
    const result = build(dir, ['rural.txt', '--locale', 'en'])
    expect(result.code, result.stderr).toBe(0)
    const cases = casesOf(join(dir, 'out', 'en', 'report.html'))
    expect(cases.map((entry) => [entry.number, entry.untranslated])).toEqual([['1', true], ['2', false]])
    expect(cases[0].text).toContain('甘肃发展农村电商。')
    expect(cases[1].text).toContain('Sichuan is building digital villages.')
    expect(lines(result.stderr, 'translation-extra')).toEqual([
      expect.stringContaining("warning Case 2 (Gansu “E-commerce Against Poverty”) is not in the source (the source's case 2, 四川“数字乡村”, is translated by Case 1 (Sichuan “Digital Villages”), whose <!-- source --> mark names it); it is left out of the pack translation-extra"),
    ])
    expect(lines(result.stderr, 'translation-missing')).toEqual([expect.stringContaining('lacks case 1 (甘肃“电商扶贫”) of the source')])
  })
})

describe('the intro and conclusion of a translation', () => {
  it('are stale when the source’s changed, at the hash, with the hash to write; writing it clears the warning', () => {
    const { dir, marks } = project(source(['前言', '乡村振兴需要新的办法。'], SICHUAN, GANSU(2, '二'), ['结语', '三省各有所长,值得借鉴。']))
    const result = build(dir, ['rural.txt', '--locale', 'en'])
    expect(result.code, result.stderr).toBe(0)
    const file = join(dir, 'rural.en.md')
    const text = readFileSync(file, 'utf8').split('\n')
    const at = (hash: string) => `${text.findIndex((line) => line.includes(hash)) + 1}:${'<!-- source: '.length + 1}`
    const stale = lines(result.stderr, 'translation-stale')
    expect(stale).toEqual([
      expect.stringMatching(new RegExp(`^${file}:${at(marks.get('The introduction')!)} warning The introduction \\(前言\\) changed after its translation in rural\\.en\\.md \\(which translates ${marks.get('The introduction')}\\); update the translation and write <!-- source: [0-9a-f]{12} --> translation-stale$`)),
      expect.stringMatching(new RegExp(`^${file}:${at(marks.get('The conclusion')!)} warning The conclusion \\(结语\\) changed after its translation`)),
    ])
    // A stale translation is still the best English there is.
    const report = join(dir, 'out', 'en', 'report.html')
    expect(part(report, 'intro')).toEqual({ untranslated: false, text: expect.stringContaining('Rural revival needs new ways.') })
    expect(part(report, 'conclusion')).toEqual({ untranslated: false, text: expect.stringContaining('Each province has its strengths.') })

    const asked = askedHashes(dir, 'rural.txt')
    writeFileSync(file, readFileSync(file, 'utf8').replace(marks.get('The introduction')!, asked.get('The introduction')!).replace(marks.get('The conclusion')!, asked.get('The conclusion')!))
    expect(casebook(['check', 'rural.txt'], { cwd: dir }).stdout).not.toContain('translation-')
  })

  it('are stale when they record no source version, at their heading', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'rural.txt'), source(INTRO, SICHUAN, CONCLUSION))
    writeFileSync(join(dir, 'rural.en.md'), '# Introduction\n\nRural revival needs new ways.\n\n# Case 1: Sichuan\n\n## 1.1 Background\n\nSichuan.\n\n## 1.2 Analysis\n\n- **Platform**: data.\n\n# Conclusion\n\nEach province has its strengths.\n')
    const stale = lines(casebook(['check', 'rural.txt'], { cwd: dir }).stdout, 'translation-stale')
    expect(stale).toEqual([
      expect.stringMatching(/^rural\.en\.md:1:1 warning The introduction \(Introduction\) does not record which source version it translates; check it against the source and write <!-- source: [0-9a-f]{12} --> under its heading translation-stale$/),
      expect.stringMatching(/^rural\.en\.md:5:1 warning Case 1 \(Sichuan\) does not record/),
      expect.stringMatching(/^rural\.en\.md:15:1 warning The conclusion \(Conclusion\) does not record which source version it translates/),
    ])
  })

  it('give the hash to write when the translation lacks them', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'rural.txt'), source(INTRO, SICHUAN, CONCLUSION))
    writeFileSync(join(dir, 'rural.en.md'), '# Case 1: Sichuan\n\n## 1.1 Background\n\nSichuan.\n\n## 1.2 Analysis\n\n- **Platform**: data.\n')
    const missing = lines(casebook(['check', 'rural.txt'], { cwd: dir }).stdout, 'translation-missing')
    expect(missing).toEqual([
      expect.stringMatching(/^rural\.en\.md:1:1 warning rural\.en\.md lacks the introduction \(前言\) of the source; .* \(translate it here and mark it <!-- source: [0-9a-f]{12} -->\) translation-missing$/),
      expect.stringMatching(/^rural\.en\.md:10:1 warning rural\.en\.md lacks the conclusion \(结语\) of the source; .* \(translate it here and mark it <!-- source: [0-9a-f]{12} -->\) translation-missing$/),
    ])
  })
})

const ENGLISH = [
  'Introduction', 'Cities try new things.',
  'Case 1: Springfield “Open Data”', '1.1 Background', 'Springfield opened its data.', '1.2 Analysis', '- Reuse: citizens build apps.',
  'Case 2: Shelbyville “Fast Permits”', '2.1 Background', 'Shelbyville cut permit times.',
].join('\n') + '\n'

describe('an English source built for Chinese locales', () => {
  it('uses cases.zh-CN.md when it is there: its text in the pack, the source’s where it has none, as check says', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.txt'), ENGLISH)
    writeFileSync(join(dir, 'cases.zh-CN.md'), '# 前言\n\n城市尝试新办法。\n\n# 案例一:斯普林菲尔德“开放数据”\n\n## 1.1 案例背景\n\n斯普林菲尔德开放了数据。\n\n## 1.2 案例分析\n\n- **复用**:市民开发应用。\n')
    const result = build(dir, ['cases.txt', '--locale', 'zh-CN'])
    expect(result.code, result.stderr).toBe(0)
    const report = join(dir, 'out', 'zh-CN', 'report.html')
    const cases = casesOf(report)
    expect(cases.map((entry) => entry.untranslated)).toEqual([false, true])
    expect(cases[0].text).toContain('斯普林菲尔德开放了数据。')
    expect(cases[0].text).not.toContain('Springfield')
    expect(cases[1].text).toContain('Shelbyville cut permit times.')
    expect(cases[1].text).toContain('未翻译')
    expect(part(report, 'intro').text).toContain('城市尝试新办法。')
    expect(result.stderr).not.toContain('No zh-CN translation')
    const missing = lines(result.stderr, 'translation-missing')
    expect(missing).toEqual([expect.stringContaining(`${join(dir, 'cases.zh-CN.md')}:14:1 warning cases.zh-CN.md lacks case 2 (Shelbyville “Fast Permits”) of the source; the zh-CN pack shows the source text, marked untranslated`)])
    // check says the same of the same file.
    const checked = lines(casebook(['check', 'cases.txt'], { cwd: dir }).stdout, 'translation-missing')
    expect(checked).toEqual([missing[0].slice(dir.length + 1)])
  })

  it('without a translation, shows the English as written, marked untranslated, with one warning per locale naming the files it would read', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.txt'), ENGLISH)
    const result = build(dir, ['cases.txt', '--locale', 'zh-CN,zh-TW'])
    expect(result.code, result.stderr).toBe(0)
    expect(lines(result.stderr, 'translation-missing')).toEqual([
      `${join(dir, 'cases.txt')}:1:1 warning No zh-CN translation beside the source (expected cases.zh-CN.md or cases.zh.md); the zh-CN pack shows the source text, marked untranslated translation-missing`,
      `${join(dir, 'cases.txt')}:1:1 warning No zh-TW translation beside the source (expected cases.zh-TW.md or cases.zh.md); the zh-TW pack shows the source text, marked untranslated translation-missing`,
    ])
    for (const locale of ['zh-CN', 'zh-TW']) {
      const cases = casesOf(join(dir, 'out', locale, 'report.html'))
      expect(cases.map((entry) => entry.untranslated)).toEqual([true, true])
      // Not put through OpenCC: the English keeps its own quotation marks.
      expect(cases[0].text).toContain('Springfield “Open Data”')
      expect(cases[0].text).toContain('Springfield opened its data.')
    }
  })
})

describe('a locale with a region and no translation', () => {
  it('names both files it would read, for a file and for a folder', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'rural.txt'), source(INTRO, SICHUAN))
    const file = build(dir, ['rural.txt', '--locale', 'en-GB'])
    expect(lines(file.stderr, 'translation-missing')).toEqual([
      `${join(dir, 'rural.txt')}:1:1 warning No en-GB translation beside the source (expected rural.en-GB.md or rural.en.md); the en-GB pack shows the source text, marked untranslated translation-missing`,
    ])
    mkdirSync(join(dir, 'cases'))
    writeFileSync(join(dir, 'cases', 'a.txt'), source(INTRO, SICHUAN))
    writeFileSync(join(dir, 'cases', 'b.txt'), source(GANSU(2, '二')))
    const folder = build(dir, ['cases', '--locale', 'en-GB'])
    expect(lines(folder.stderr, 'translation-missing')).toEqual([
      expect.stringContaining('warning No en-GB translation beside the source (expected *.en-GB.md or *.en.md in cases/); the en-GB pack shows the source text, marked untranslated'),
    ])
  })
})

describe('a Chinese source with a zh-TW translation', () => {
  it('uses the translation, and shows what it lacks converted to Traditional, marked untranslated', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'rural.txt'), source(SICHUAN, GANSU(2, '二')))
    writeFileSync(join(dir, 'rural.zh-TW.md'), '# 案例一:四川「數位鄉村」\n\n## 1.1 案例背景\n\n四川縣市推動數位鄉村。\n\n## 1.2 案例分析\n\n- **平臺**:建立縣級資料平臺。\n')
    const result = build(dir, ['rural.txt', '--locale', 'zh-TW'])
    expect(result.code, result.stderr).toBe(0)
    const cases = casesOf(join(dir, 'out', 'zh-TW', 'report.html'))
    expect(cases.map((entry) => entry.untranslated)).toEqual([false, true])
    expect(cases[0].text).toContain('四川縣市推動數位鄉村。')
    expect(cases[1].text).toContain('甘肅發展農村電商。')
    expect(cases[1].text).toContain('未翻譯')
    expect(lines(result.stderr, 'translation-missing')).toEqual([expect.stringContaining('rural.zh-TW.md lacks case 2 (甘肃“电商扶贫”) of the source; the zh-TW pack shows the source text, marked untranslated')])
  })
})

describe('matching by source mark', () => {
  async function parse(text: string, name: string): Promise<CaseDocument> {
    return (await parseDocument([decodeSource(Buffer.from(text), name)])).tree
  }
  const cases = (tree: CaseDocument) => tree.children.filter((node): node is Case => node.type === 'case')

  it('hashes a case without its number: renumbering keeps the hash, any change of its text does not', async () => {
    const before = cases(await parse(source(SICHUAN, GANSU(2, '二')), 'a.txt'))[1]
    const after = cases(await parse(source(SICHUAN, GUIZHOU(2, '二'), GANSU(3, '三')), 'a.txt'))[2]
    expect(after.number).toBe(3)
    expect(sourceHash(after)).toBe(sourceHash(before))
    expect(caseHash(after)).not.toBe(caseHash(before))
    const edited = cases(await parse(source(SICHUAN, GANSU(2, '二').map((line) => line.replace('物流', '仓储'))), 'a.txt'))[1]
    expect(sourceHash(edited)).not.toBe(sourceHash(before))
  })

  it('accepts marks written with the older, numbered hash, and matches them to the case they name', async () => {
    const old = await parse(source(SICHUAN, GANSU(2, '二')), 'a.txt')
    const [sichuan, gansu] = cases(old)
    // The translation lists Gansu first, under number 1: the marks still decide.
    const translated = await parse(`# Case 1: Gansu\n<!-- source: ${caseHash(gansu)} -->\n\n## 2.1 Background\n\nGansu.\n\n# Case 2: Sichuan\n<!-- source: ${sourceHash(sichuan)} -->\n\n## 1.1 Background\n\nSichuan.\n`, 'a.en.md')
    const merged = mergeTranslation(old, translated, 'en')
    expect(merged.pairs.map((pair) => [(pair.source as Case).number, (pair.translation as Case).title, pair.byMark])).toEqual([[1, 'Sichuan', true], [2, 'Gansu', true]])
    expect(cases(merged.tree).map((node) => [node.number, node.title, node.children[0].number])).toEqual([[1, 'Sichuan', '1.1'], [2, 'Gansu', '2.1']])
    expect(merged.extras).toEqual([])
  })

  it('leaves a case whose mark names another translated case’s source case to its number', async () => {
    const document = await parse(source(SICHUAN, GANSU(2, '二')), 'a.txt')
    const [sichuan] = cases(document)
    // A mark copied from case 1 by mistake: case 1 keeps Sichuan, the copy is case 2's (stale) translation.
    const translated = await parse(`# Case 1: Sichuan\n<!-- source: ${sourceHash(sichuan)} -->\n\n## 1.1 Background\n\nSichuan.\n\n# Case 2: Gansu\n<!-- source: ${sourceHash(sichuan)} -->\n\n## 2.1 Background\n\nGansu.\n`, 'a.en.md')
    const merged = mergeTranslation(document, translated, 'en')
    expect(merged.pairs.map((pair) => [(pair.translation as Case).title, pair.byMark])).toEqual([['Sichuan', true], ['Gansu', false]])
  })
})
