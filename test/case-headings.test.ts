/**
 * Case headings as reports number them (`一、`, `第一章`, `（一）`, `1.` over their
 * sections) and as `outline.caseHeading` names them, through the CLI as a user runs it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { casebook, SEED } from './helpers/cli.js'
import { compileCaseHeading, matchCaseHeading } from '../src/config/case-heading-pattern.js'

const fixture = (name: string, file = 'input.txt') => new URL(`./fixtures/${name}/${file}`, import.meta.url).pathname
const scratch = () => mkdtempSync(join(tmpdir(), 'casebook-headings-'))

interface TreeNode { type: string; number?: number | string | null; label?: string | null; title?: string | null; children?: TreeNode[] }

/** `casebook ast` of `input`: exit code, stderr and the top-level nodes with their sections. */
function ast(input: string, args: string[] = []) {
  const result = casebook(['ast', input, ...args])
  const tree = result.code === 0 || result.stdout ? (JSON.parse(result.stdout) as TreeNode) : null
  return { ...result, tree }
}

function outline(tree: TreeNode | null) {
  return tree!.children!.map((node) => ({
    type: node.type,
    number: node.number,
    label: node.label,
    title: node.title,
    sections: node.type === 'case' ? node.children!.map((section) => [section.number, section.title]) : undefined,
  }))
}

const SECTIONS_2 = [['2.1', '案例背景'], ['2.2', '案例分析'], ['2.3', '案例启示']]
const SECTIONS_3 = [['3.1', '案例背景'], ['3.2', '案例分析'], ['3.3', '案例启示']]

describe('casebook ast: cases numbered without 案例', () => {
  it('reads 一、 headings over N.M sections, with 一、引言 and 四、结语 as intro and conclusion', () => {
    const result = ast(fixture('parse-numbered-comma'))
    expect(result.code).toBe(0)
    // A list 1、2、 under 一、 headings is text, not cases (said as for any line that looks like a heading).
    expect(result.stderr.trim().split('\n').map((line) => line.replace(/^.*input\.txt:/, ''))).toEqual([
      '10:1 warning Unrecognised line kept as a paragraph: “1、数据共享” unrecognised-line',
      '11:1 warning Unrecognised line kept as a paragraph: “2、流程再造” unrecognised-line',
    ])
    expect(outline(result.tree)).toEqual([
      { type: 'intro', number: undefined, label: undefined, title: '引言', sections: undefined },
      { type: 'case', number: 1, label: '二、', title: '上海智慧城市建设', sections: SECTIONS_2 },
      { type: 'case', number: 2, label: '三、', title: '杭州“城市大脑”', sections: SECTIONS_3 },
      { type: 'conclusion', number: undefined, label: undefined, title: '结语', sections: undefined },
    ])
  })

  it('reads 第一章 headings over 1. sections; 1. 标签:文字 lines under them are a numbered list', () => {
    const result = ast(fixture('parse-numbered-chapter'))
    expect(result.code).toBe(0)
    const cases = result.tree!.children!.filter((node) => node.type === 'case')
    expect(cases.map((node) => [node.number, node.label, node.title])).toEqual([[1, '第一章', '上海智慧城市建设'], [2, '第二章', '杭州“城市大脑”']])
    expect(cases[0].children!.map((section) => [section.number, section.title])).toEqual([[null, '1. 案例背景'], [null, '2. 案例分析'], [null, '3. 案例启示']])
    // Numbered lines are a numbered list (issue 19: key points are the bullets of analysis sections), their text whole.
    const list = cases[0].children![1].children![0] as unknown as { type: string; ordered: boolean; children: unknown[] }
    expect([list.type, list.ordered, list.children.length]).toEqual(['list', true, 2])
    expect(JSON.stringify(list)).toContain('数据驱动决策')
  })

  it('reads （一） headings over N.M sections', () => {
    const result = ast(fixture('parse-numbered-paren'))
    expect(result.code).toBe(0)
    expect(outline(result.tree).filter((node) => node.type === 'case').map((node) => [node.number, node.label, node.title, node.sections!.length])).toEqual([
      [1, '（一）', '上海智慧城市建设', 3],
      [2, '（二）', '杭州“城市大脑”', 3],
    ])
  })

  it('reads 1. headings over their own N.M sections, leaving numbered lists as lists', () => {
    const result = ast(fixture('parse-numbered-arabic'))
    expect(result.code).toBe(0)
    // Only the half-width colon of `1. 数据驱动决策:通过…`, a list item's text (not a point's label).
    expect(result.stderr).toMatch(/^\S+input\.txt:9:10 warning Half-width “:” in Chinese text; write “：” cjk-punctuation\n$/)
    const [intro, first, second, conclusion] = result.tree!.children!
    expect(intro.children!.map((block) => block.type)).toEqual(['paragraph', 'list'])
    expect([first.label, first.title, second.label, second.title]).toEqual(['1.', '上海智慧城市建设', '2.', '杭州“城市大脑”'])
    expect(first.children![1].children!.map((block) => block.type)).toEqual(['list'])
    expect(conclusion.type).toBe('conclusion')
  })

  it('reads Markdown # 一、 headings over ## N.M headings, the front matter naming the document', () => {
    const result = ast(fixture('parse-numbered-markdown', 'input.md'))
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(outline(result.tree).map((node) => [node.type, node.label, node.title, node.sections])).toEqual([
      ['intro', undefined, '引言', undefined],
      ['case', '二、', '上海智慧城市建设', SECTIONS_2],
      ['case', '三、', '杭州“城市大脑”', SECTIONS_3],
      ['conclusion', undefined, '结语', undefined],
    ])
  })

  it('takes a Markdown document’s leading # heading that is no numbered case as its title', () => {
    const file = join(scratch(), 'cases.md')
    writeFileSync(file, '# 城市治理案例集\n\n# 第一章 上海\n\n## 1.1 案例背景\n\n上海。\n\n# 第二章 杭州\n\n## 2.1 案例背景\n\n杭州。\n')
    const result = ast(file)
    expect(result.code).toBe(0)
    expect((result.tree as unknown as { data: { title: string } }).data.title).toBe('城市治理案例集')
    expect(outline(result.tree).map((node) => [node.number, node.label, node.title])).toEqual([[1, '第一章', '上海'], [2, '第二章', '杭州']])
  })

  it('keeps a Markdown # heading of no style as a case in the count, so the next one is not numbered twice', () => {
    const file = join(scratch(), 'cases.md')
    writeFileSync(file, '# 第一章 上海\n\n## 1.1 背景\n\n上海。\n\n# 附录\n\n附录文字。\n\n# 第二章 杭州\n\n## 2.1 背景\n\n杭州。\n')
    const result = ast(file)
    expect(result.code).toBe(0)
    expect(outline(result.tree).map((node) => [node.number, node.label, node.title])).toEqual([[1, '第一章', '上海'], [2, null, '附录'], [3, '第二章', '杭州']])
    expect(result.stderr).toContain('cases.md:7:1 warning Heading is not a case heading (such as “第一章 标题”); treated as case 2 unrecognised-heading')
  })

  it('still finds no cases in numbered headings with nothing numbered under them, and says what it looked for', () => {
    const result = ast(fixture('parse-numbered-no-sections'))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/input\.txt:1:1 error No cases found: .*“一、标题” over “1\.1 标题” or “（一）标题”; “第一章 标题” over .*“1\. 标题” over “1\.1 标题”.* set outline\.caseHeading \(a regular expression\) in casebook\.yaml no-cases/)
    // Nothing is lost: the headings are kept as text, each with a warning.
    expect(result.stderr).toContain('1:1 warning Unrecognised line kept as a paragraph: “一、上海智慧城市建设”')
    expect(JSON.stringify(result.tree)).toContain('杭州率先建设城市大脑。')
  })

  it('leaves the default document’s tree as it was', () => {
    const result = casebook(['ast', SEED])
    expect(result.code).toBe(0)
    const expected = JSON.parse(readFileSync(fixture('parse-seed', 'tree.json'), 'utf8')) as TreeNode
    expect((JSON.parse(result.stdout) as TreeNode).children).toEqual(expected.children)
  })
})

describe('casebook build with numbered case headings', () => {
  it.each([
    ['an outline of 第一章 over 1. sections', fixture('parse-numbered-chapter'), ['1. 案例背景', '3. 案例启示']],
    ['Markdown of # 一、 over ## N.M', fixture('parse-numbered-markdown', 'input.md'), ['2.1', '3.3']],
  ])('writes the report of %s', (_name, input, sectionText) => {
    const out = scratch()
    const result = casebook(['build', input, '--format', 'html', '--locale', 'zh-CN', '--out', out])
    expect(result.code).toBe(0)
    const html = readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8')
    expect(html).toContain('<h2 id="case-1-title"><span class="case-label">案例一</span><span class="case-title">上海智慧城市建设</span></h2>')
    expect(html).toContain('<h2 id="case-2-title"><span class="case-label">案例二</span><span class="case-title">杭州“城市大脑”</span></h2>')
    expect(html).not.toContain('case-3-title')
    for (const text of sectionText) expect(html).toContain(text)
    expect(html).toContain('id="conclusion-title"')
  })
})

describe('outline.caseHeading', () => {
  const PART_DOCUMENT = '引言\n两个部分。\nPart A: 上海\n1.1 背景\n上海。\n1.2 分析\n- 一网通办:更快。\nPart B: 杭州\n2.1 背景\n杭州。\n结语\n总之。\n'

  function project(config: string, text = PART_DOCUMENT) {
    const folder = scratch()
    writeFileSync(join(folder, 'casebook.yaml'), config)
    writeFileSync(join(folder, 'cases.txt'), text)
    return { folder, input: join(folder, 'cases.txt') }
  }

  it('names the case style outright: the title group, the label before it, cases numbered in order', () => {
    const { input } = project("outline:\n  caseHeading: 'Part (?<part>[A-Z]):\\s*(?<title>.+)'\n")
    const result = ast(input)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('Part B “杭州” has no analysis, insight section')
    expect(outline(result.tree).map((node) => [node.type, node.number, node.label, node.title, node.sections])).toEqual([
      ['intro', undefined, undefined, '引言', undefined],
      ['case', 1, 'Part A', '上海', [['1.1', '背景'], ['1.2', '分析']]],
      ['case', 2, 'Part B', '杭州', [['2.1', '背景']]],
      ['conclusion', undefined, undefined, '结语', undefined],
    ])
  })

  it('builds the report with it', () => {
    const { folder, input } = project("outline:\n  caseHeading: 'Part [A-Z]:\\s*(.+)'\ntitle: 两部分\n")
    const out = join(folder, 'out')
    const result = casebook(['build', input, '--format', 'html', '--locale', 'zh-CN', '--out', out])
    expect(result.code).toBe(0)
    const html = readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8')
    expect(html).toContain('<span class="case-label">案例二</span><span class="case-title">杭州</span>')
  })

  it('is read for Markdown # headings too', () => {
    const { folder } = project("outline:\n  caseHeading: '第(.+)单元\\s*(?<title>.+)'\n")
    const input = join(folder, 'cases.md')
    writeFileSync(input, '# 第一单元 上海\n\n## 1.1 背景\n\n上海。\n\n# 第二单元 杭州\n\n## 2.1 背景\n\n杭州。\n')
    const result = ast(input, ['--config', join(folder, 'casebook.yaml')])
    expect(result.code).toBe(0)
    expect(outline(result.tree).map((node) => [node.number, node.label, node.title])).toEqual([[1, '第一单元', '上海'], [2, '第二单元', '杭州']])
  })

  it.each([
    ["'Part ([A-Z]'", /config key “outline\.caseHeading”: “Part \(\[A-Z\]” is not a regular expression: Unterminated group/],
    ["'Part [A-Z]'", /config key “outline\.caseHeading”: “Part \[A-Z\]” has no capture group for the title/],
    ["'(Part)?'", /config key “outline\.caseHeading”: “\(Part\)\?” matches an empty line/],
    ['3', /config key “outline\.caseHeading”: expected text, got the number 3/],
  ])('refuses %s as a config error naming the key (exit 2)', (value, message) => {
    const { input } = project(`outline:\n  caseHeading: ${value}\n`)
    const result = casebook(['check', input])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('suggests the key for a typo', () => {
    const { input } = project("outline:\n  caseHeadings: 'Part (.+)'\n")
    const result = casebook(['ast', input])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unknown key “caseHeadings” (did you mean “caseHeading”?)')
  })

  it('names the pattern and the key when it matches no heading (exit 1)', () => {
    const { input } = project("outline:\n  caseHeading: 'Chapter (.+)'\n")
    const result = casebook(['check', input])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('cases.txt:1:1 error No cases found: no line (in Markdown, no # heading) matches outline.caseHeading “Chapter (.+)” from the config')
  })
})

describe('matchCaseHeading', () => {
  const compile = (source: string) => {
    const compiled = compileCaseHeading(source)
    if (!('pattern' in compiled)) throw new Error(compiled.problem)
    return compiled.pattern
  }

  it('takes the title from the named group, else the first, to the end of the line', () => {
    expect(matchCaseHeading(compile('第(.)部分[:：]?\\s*(?<title>.+)'), '第一部分：上海 “一网统管”')).toEqual({ label: '第一部分', title: '上海 “一网统管”', titleOffset: 5 })
    // The group ends early; what follows it is still the title's, not lost.
    expect(matchCaseHeading(compile('Part (\\w)'), 'Part A: 上海')).toEqual({ label: 'Part', title: 'A: 上海', titleOffset: 5 })
  })

  it('matches at the start of the line only', () => {
    expect(matchCaseHeading(compile('Part (.+)'), 'See Part A')).toBeNull()
  })
})
