/**
 * Edition notes match cases and sections by identity, not by number: an insertion is one
 * addition, a swap a move, a rename old → new, and an added section reads differently from a
 * removed one. Unit tests on the diff of summaries, then editions built one after another.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { beforeAll, describe, expect, it } from 'vitest'
import { changesMarkdown } from '../src/edition/changes-markdown.js'
import { diffTrees, isUnchanged, markedCaseNumbers, type TreeChanges } from '../src/edition/diff-trees.js'
import { summarizeTree, type TreeSummary } from '../src/edition/tree-summary.js'
import { loadLocale, type Locale } from '../src/locale/load-locale.js'
import { BUILTIN_TEMPLATES } from '../src/config/template-dirs.js'
import { buildPack } from '../src/pack/build-pack.js'
import { parseFile } from '../src/parse/parse-document.js'

/** The first element of `tree` that `test` accepts, or null. */
function find(tree: Root, test: (node: Element) => boolean): Element | null {
  let found: Element | null = null
  visit(tree, 'element', (node: Element) => {
    if (found || !test(node)) return
    found = node
  })
  return found
}

const hasClass = (name: string) => (node: Element) => Array.isArray(node.properties.className) && node.properties.className.includes(name)

/** A case as written: its title and its sections, each a title and a paragraph. */
interface Written {
  title: string
  sections: Array<[string, string]>
}

const city = (name: string): Written => ({
  title: `${name}“智慧城市”`,
  sections: [
    ['案例背景', `${name}的背景。`],
    ['案例分析', `${name}的分析。`],
    ['案例启示', `${name}的启示。`],
  ],
})

/** An outline numbering the cases and sections 1, 2, … in the order given. */
function outline(cases: Written[]): string {
  const lines = ['引言', '几个城市的案例。']
  cases.forEach((node, index) => {
    lines.push(`${index + 1}、案例${index + 1}：${node.title}`)
    node.sections.forEach(([title, body], at) => lines.push(`${index + 1}.${at + 1} ${title}`, body))
  })
  lines.push('结论', '总结。')
  return lines.join('\n') + '\n'
}

async function summary(cases: Written[]): Promise<TreeSummary> {
  return summarizeTree(await parseFile(new VFile({ path: 'cases.txt', value: outline(cases) })))
}

async function diff(before: Written[], after: Written[]): Promise<TreeChanges> {
  return diffTrees(await summary(before), await summary(after))
}

const FOUR = ['杭州', '上海', '深圳', '成都'].map(city)

const nothing: TreeChanges = { added: [], removed: [], changed: [], renamed: [], moved: [], renumbered: [], metadata: [], introChanged: false, conclusionChanged: false, pending: [] }

let zh: Locale
let en: Locale
beforeAll(async () => {
  zh = await loadLocale('zh-CN', [BUILTIN_TEMPLATES])
  en = await loadLocale('en', [BUILTIN_TEMPLATES])
})

describe('matching cases by identity', () => {
  it('finds nothing between an edition and itself', async () => {
    const changes = await diff(FOUR, FOUR)
    expect(changes).toEqual(nothing)
    expect(isUnchanged(changes)).toBe(true)
  })

  it('an inserted case is one addition; the cases after it are renumbered, not changed', async () => {
    const changes = await diff(FOUR, [FOUR[0], city('广州'), ...FOUR.slice(1)])
    expect(changes).toEqual({
      ...nothing,
      added: [{ number: 2, title: '广州“智慧城市”' }],
      renumbered: [
        { number: 3, title: '上海“智慧城市”', previousNumber: 2 },
        { number: 4, title: '深圳“智慧城市”', previousNumber: 3 },
        { number: 5, title: '成都“智慧城市”', previousNumber: 4 },
      ],
    })
    expect([...markedCaseNumbers(changes)]).toEqual([2])
  })

  it('a deleted case is one removal under its old number', async () => {
    const changes = await diff(FOUR, [FOUR[0], ...FOUR.slice(2)])
    expect(changes.removed).toEqual([{ number: 2, title: '上海“智慧城市”' }])
    expect(changes.added).toEqual([])
    expect(changes.changed).toEqual([])
    expect(changes.renumbered.map((node) => [node.previousNumber, node.number])).toEqual([[3, 2], [4, 3]])
  })

  it('two swapped cases are a move, and neither is changed or marked', async () => {
    const changes = await diff(FOUR, [FOUR[0], FOUR[2], FOUR[1], FOUR[3]])
    expect(changes.added).toEqual([])
    expect(changes.removed).toEqual([])
    expect(changes.changed).toEqual([])
    expect(changes.moved).toHaveLength(1)
    expect([...changes.moved, ...changes.renumbered].map((node) => [node.title, node.previousNumber, node.number]).sort()).toEqual([
      ['上海“智慧城市”', 2, 3],
      ['深圳“智慧城市”', 3, 2],
    ])
    expect(markedCaseNumbers(changes).size).toBe(0)
  })

  it('a case moved far is one move; the ones it passed are renumbered', async () => {
    const changes = await diff(FOUR, [FOUR[3], ...FOUR.slice(0, 3)])
    expect(changes.moved).toEqual([{ number: 1, title: '成都“智慧城市”', previousNumber: 4 }])
    expect(changes.renumbered.map((node) => node.title)).toEqual(['杭州“智慧城市”', '上海“智慧城市”', '深圳“智慧城市”'])
  })

  it('a renamed case is old → new, not a removal and an addition', async () => {
    const renamed = { ...FOUR[1], title: '上海“一网通办”' }
    const changes = await diff(FOUR, [FOUR[0], renamed, ...FOUR.slice(2)])
    expect(changes).toEqual({ ...nothing, renamed: [{ number: 2, title: '上海“一网通办”', previousTitle: '上海“智慧城市”' }] })
    expect([...markedCaseNumbers(changes)]).toEqual([2])
  })

  it('a case renamed and edited is still the same case when most of its sections are', async () => {
    const edited: Written = { title: '上海“一网通办”', sections: [['案例背景', '上海的新背景。'], ...FOUR[1].sections.slice(1)] }
    const changes = await diff(FOUR, [FOUR[0], edited, ...FOUR.slice(2)])
    expect(changes.added).toEqual([])
    expect(changes.removed).toEqual([])
    expect(changes.renamed).toEqual([{ number: 2, title: '上海“一网通办”', previousTitle: '上海“智慧城市”' }])
    expect(changes.changed).toEqual([{ number: 2, title: '上海“一网通办”', sections: { added: [], removed: [], changed: ['2.1 案例背景'], moved: [] } }])
  })

  it('a case with a new title and new sections is a removal and an addition', async () => {
    const other: Written = { title: '广州“智慧医疗”', sections: [['案例背景', '广州的背景。'], ['案例分析', '广州的分析。']] }
    const changes = await diff(FOUR, [FOUR[0], other, ...FOUR.slice(2)])
    expect(changes.added).toEqual([{ number: 2, title: '广州“智慧医疗”' }])
    expect(changes.removed).toEqual([{ number: 2, title: '上海“智慧城市”' }])
    expect(changes.renamed).toEqual([])
  })
})

describe('matching sections', () => {
  it('says which sections were added, removed and changed, each as such', async () => {
    const shanghai = FOUR[1]
    const added = await diff(FOUR, [FOUR[0], { ...shanghai, sections: [...shanghai.sections, ['延伸阅读', '更多材料。']] }, ...FOUR.slice(2)])
    expect(added.changed).toEqual([{ number: 2, title: shanghai.title, sections: { added: ['2.4 延伸阅读'], removed: [], changed: [], moved: [] } }])
    const removed = await diff(FOUR, [FOUR[0], { ...shanghai, sections: [shanghai.sections[0], shanghai.sections[2]] }, ...FOUR.slice(2)])
    // 2.3 案例启示 became 2.2 and is unchanged: only the analysis went.
    expect(removed.changed).toEqual([{ number: 2, title: shanghai.title, sections: { added: [], removed: ['2.2 案例分析'], changed: [], moved: [] } }])
    const edited = await diff(FOUR, [FOUR[0], { ...shanghai, sections: [shanghai.sections[0], ['案例分析', '上海的新分析。'], shanghai.sections[2]] }, ...FOUR.slice(2)])
    expect(edited.changed).toEqual([{ number: 2, title: shanghai.title, sections: { added: [], removed: [], changed: ['2.2 案例分析'], moved: [] } }])
  })

  it('sections put in another order are moved, not changed', async () => {
    const shanghai = FOUR[1]
    const changes = await diff(FOUR, [FOUR[0], { ...shanghai, sections: [shanghai.sections[0], shanghai.sections[2], shanghai.sections[1]] }, ...FOUR.slice(2)])
    expect(changes.changed).toHaveLength(1)
    expect(changes.changed[0].sections.changed).toEqual([])
    expect(changes.changed[0].sections.moved).toHaveLength(1)
    expect(['2.2 案例启示', '2.3 案例分析']).toContain(changes.changed[0].sections.moved[0])
    expect(changesMarkdown('测试', changes, en)).toMatch(/- Case 2: 上海“智慧城市” \(Sections moved: 2\.[23] 案例(启示|分析)\)/)
  })

  it('an added 1.4 and a deleted 1.4 read differently in the notes', async () => {
    const three = FOUR[0]
    const four: Written = { ...three, sections: [...three.sections, ['延伸阅读', '更多材料。']] }
    const addedNotes = changesMarkdown('测试', await diff([three], [four]), zh)
    const removedNotes = changesMarkdown('测试', await diff([four], [three]), zh)
    expect(addedNotes).toContain('- 案例一：杭州“智慧城市”（新增的小节：1.4 延伸阅读）')
    expect(removedNotes).toContain('- 案例一：杭州“智慧城市”（删除的小节：1.4 延伸阅读）')
    const english = changesMarkdown('Test', await diff([four], [three]), en)
    expect(english).toContain('- Case 1: 杭州“智慧城市” (Sections removed: 1.4 延伸阅读)')
  })
})

describe('document details and older manifests', () => {
  it('a title-only change is noted as such and does not read as unchanged', async () => {
    const before = await summary(FOUR)
    const after = { ...before, title: '新标题', subtitle: '第二版' }
    const changes = diffTrees({ ...before, title: '旧标题', subtitle: null }, after)
    expect(changes.metadata).toEqual([
      { field: 'title', before: '旧标题', after: '新标题' },
      { field: 'subtitle', before: null, after: '第二版' },
    ])
    expect(isUnchanged(changes)).toBe(false)
    const notes = changesMarkdown('新标题', changes, zh)
    expect(notes).not.toContain(zh.t('changesNone'))
    expect(notes).toContain('## 文档信息\n\n- 标题：旧标题 → 新标题\n- 副标题：（无） → 第二版\n')
  })

  it('a manifest without subtitle and date (an older casebook) notes no change to them', async () => {
    const current = { ...(await summary(FOUR)), subtitle: '副标题', date: '2026-11-29' }
    const { subtitle: _subtitle, date: _date, ...old } = current
    expect(diffTrees(old, current).metadata).toEqual([])
  })

  it('a previous manifest without number-free hashes falls back to matching by number, then title', async () => {
    const old = await summary(FOUR)
    const legacy: TreeSummary = { title: old.title, intro: old.intro, conclusion: old.conclusion, cases: old.cases.map(({ body: _body, ...node }) => ({ ...node, sections: node.sections.map(({ body: _section, ...section }) => section) })) }
    // Today's behaviour: a case inserted as number 2 takes case 2's place (changed), the rest too, and the last is new.
    const changes = diffTrees(legacy, await summary([FOUR[0], city('广州'), ...FOUR.slice(1)]))
    expect(changes.added).toEqual([{ number: 5, title: '成都“智慧城市”' }])
    expect(changes.changed.map((node) => node.number)).toEqual([2, 3, 4])
    expect(changes.changed[0].sections).toEqual({ added: [], removed: [], changed: ['2.1 案例背景', '2.2 案例分析', '2.3 案例启示'], moved: [] })
    // A swap is still found by title, as before.
    const swapped = diffTrees(legacy, await summary([FOUR[0], FOUR[2], FOUR[1], FOUR[3]]))
    expect(swapped.added).toEqual([])
    expect(swapped.removed).toEqual([])
    expect(swapped.changed.map((node) => node.title)).toEqual(['深圳“智慧城市”', '上海“智慧城市”'])
  })
})

describe('editions built one after another', () => {
  const CLI = fileURLToPath(new URL('../bin/casebook.js', import.meta.url))
  const dir = mkdtempSync(join(tmpdir(), 'casebook-editions-'))
  const source = join(dir, 'cases.txt')
  const out = join(dir, 'out')

  let recorded = 0
  /**
   * Builds `cases` and records it as the next edition (e1, e2, …; `record` false builds without
   * recording), and returns CHANGES.md and the text of the report's notes page.
   */
  function build(cases: Written[], record = true): { changes: string; notes: string; marked: string[]; legend: string } {
    writeFileSync(source, outline(cases))
    execFileSync(process.execPath, [CLI, 'build', source, '--out', out, '--format', 'html', '--locale', 'zh-CN', ...(record ? ['--edition', `e${++recorded}`] : [])], {
      cwd: dir,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', CI: 'true' },
      stdio: 'pipe',
    })
    const page = fromHtml(readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8'))
    const notes = find(page, (node) => node.properties.id === 'edition-notes')
    const marked: string[] = []
    visit(page, 'element', (node: Element) => {
      if (hasClass('toc-case')(node) && find({ type: 'root', children: [node] }, hasClass('toc-changed'))) marked.push(toText(find({ type: 'root', children: [node] }, hasClass('toc-label'))!))
    })
    const legend = find(page, hasClass('toc-legend'))
    return { changes: readFileSync(join(out, 'CHANGES.md'), 'utf8'), notes: notes ? toText(notes) : '', marked, legend: legend ? toText(legend) : '' }
  }

  it('insert, swap, rename and section changes each read as what happened', () => {
    expect(build(FOUR).changes).toContain('首版')

    const inserted = build([FOUR[0], city('广州'), ...FOUR.slice(1)])
    expect(inserted.changes).toBe(
      ['# 本版更新：cases（e2）', '', '对照版本：e1（2026年1月1日）。', '', '## 新增案例', '', '- 案例二：广州“智慧城市”', '', '## 重新编号的案例', '', '- 案例二 → 案例三：上海“智慧城市”', '- 案例三 → 案例四：深圳“智慧城市”', '- 案例四 → 案例五：成都“智慧城市”', ''].join('\n'),
    )
    expect(inserted.notes).toContain('新增案例')
    expect(inserted.notes).toContain('案例二广州“智慧城市”')
    expect(inserted.notes).not.toContain('修改案例')
    expect(inserted.marked).toEqual(['案例二'])
    expect(inserted.legend).toBe('● 表示自上一版以来新增、修改或更名的案例。')

    const five = [FOUR[0], city('广州'), ...FOUR.slice(1)]
    const swapped = build([five[0], five[2], five[1], ...five.slice(3)])
    expect(swapped.changes).toContain('## 移动的案例')
    expect(swapped.changes).not.toContain('## 修改案例')
    expect(swapped.notes).toContain('移动的案例')
    expect(swapped.marked).toEqual([])
    expect(swapped.legend).toBe('')

    const order = [five[0], five[2], five[1], ...five.slice(3)]
    const renamed = build([order[0], { ...order[1], title: '上海“一网通办”' }, ...order.slice(2)])
    expect(renamed.changes).toContain('## 更名案例\n\n- 案例二：上海“智慧城市” → 上海“一网通办”\n')
    expect(renamed.notes).toContain('上海“智慧城市” → 上海“一网通办”')
    expect(renamed.marked).toEqual(['案例二'])

    const current = [order[0], { ...order[1], title: '上海“一网通办”' }, ...order.slice(2)]
    const hangzhou = current[0]
    const sections = build([{ ...hangzhou, sections: [hangzhou.sections[0], ['案例分析', '杭州的新分析。'], ['延伸阅读', '更多材料。']] }, ...current.slice(1)])
    expect(sections.changes).toContain('- 案例一：杭州“智慧城市”（新增的小节：1.3 延伸阅读；删除的小节：1.3 案例启示；修改的小节：1.2 案例分析）')
    expect(sections.notes).toContain('新增的小节：1.3 延伸阅读；删除的小节：1.3 案例启示；修改的小节：1.2 案例分析')
    expect(sections.marked).toEqual(['案例一'])

    // The same edition built again (not recorded again) is that edition, with its notes.
    const last = [{ ...hangzhou, sections: [hangzhou.sections[0], ['案例分析', '杭州的新分析。'], ['延伸阅读', '更多材料。']] as Array<[string, string]> }, ...current.slice(1)]
    expect(build(last, false).changes).toBe(sections.changes)

    const deleted = build([last[0], ...last.slice(2)])
    expect(deleted.changes).toContain('## 删除案例\n\n- 案例二：上海“一网通办”\n')
    expect(deleted.changes).not.toContain('## 修改案例')
    expect(deleted.notes).toContain('删除案例')
    expect(deleted.marked).toEqual([])
  })
})

describe('the notes page in each locale', () => {
  it('says the same matching in zh-TW and en words', () => {
    const CLI = fileURLToPath(new URL('../bin/casebook.js', import.meta.url))
    const dir = mkdtempSync(join(tmpdir(), 'casebook-editions-locales-'))
    const source = join(dir, 'cases.txt')
    const out = join(dir, 'out')
    const build = (cases: Written[]) => {
      writeFileSync(source, outline(cases))
      execFileSync(process.execPath, [CLI, 'build', source, '--out', out, '--format', 'html', '--locale', 'zh-TW,en'], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', CI: 'true' }, stdio: 'pipe' })
    }
    const notesText = (code: string) => {
      const notes = find(fromHtml(readFileSync(join(out, code, 'report.html'), 'utf8')), (node) => node.properties.id === 'edition-notes')
      return notes ? toText(notes) : ''
    }
    build(FOUR)
    build([FOUR[0], city('广州'), ...FOUR.slice(1)])
    const english = notesText('en')
    expect(english).toContain('Cases added')
    expect(english).toContain('Cases renumbered')
    expect(english).toContain('Case 2 → Case 3')
    expect(english).not.toContain('Cases changed')
    const taiwan = notesText('zh-TW')
    expect(taiwan).toContain('新增案例')
    expect(taiwan).toContain('重新編號的案例')
    expect(taiwan).toContain('案例二 → 案例三')
  })
})

describe('upgrading over an older manifest', () => {
  it('an unchanged rebuild over a manifest without number-free hashes keeps its notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-legacy-'))
    const source = join(dir, 'cases.txt')
    const out = join(dir, 'out')
    writeFileSync(join(dir, 'casebook.yaml'), 'date: 2026-11-29\nlocales: [zh-CN]\nformats: [html]\n')
    writeFileSync(source, outline(FOUR))
    await buildPack({ input: source, out, cwd: dir })
    const edited = [FOUR[0], { ...FOUR[1], sections: [['案例背景', '上海的新背景。'], ...FOUR[1].sections.slice(1)] as Array<[string, string]> }, ...FOUR.slice(2)]
    writeFileSync(source, outline(edited))
    await buildPack({ input: source, out, cwd: dir })
    const notes = readFileSync(join(out, 'CHANGES.md'), 'utf8')
    expect(notes).toContain('- 案例二：上海“智慧城市”（修改的小节：2.1 案例背景）')
    // What a casebook before number-free matching recorded: no body hashes, subtitle or date.
    const manifestPath = join(out, 'manifest.json')
    const { locales: _locales, edition: _edition, strays: _strays, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { tree: TreeSummary; baseline: { tree: TreeSummary }; locales: unknown; edition: unknown; strays: unknown }
    const legacy = ({ subtitle: _subtitle, date: _date, ...tree }: TreeSummary): TreeSummary => ({
      ...tree,
      cases: tree.cases.map(({ body: _body, ...node }) => ({ ...node, sections: node.sections.map(({ body: _section, ...section }) => section) })),
    })
    // …and a bare tree as its baseline, no locales and no edition.
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, tree: legacy(manifest.tree), baseline: legacy(manifest.baseline.tree) }, null, 2) + '\n')
    const again = await buildPack({ input: source, out, cwd: dir })
    expect(readFileSync(join(out, 'CHANGES.md'), 'utf8')).toBe(notes)
    expect(again.changes?.changed.map((node) => node.title)).toEqual(['上海“智慧城市”'])
  })
})
