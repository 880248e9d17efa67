/**
 * Editions over time, as an editor who regenerates a pack lives them: several builds between two
 * recorded editions, translation-only edits, going back to an earlier source, and `--since` with
 * each kind of argument in a temporary git repository; the notes read in zh-CN, zh-TW and en.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { afterAll, describe, expect, it } from 'vitest'
import { casebook, SEED } from './helpers/cli.js'

const TRANSLATION = SEED.replace(/\.txt$/, '.en.md')
const ENV = { SOURCE_DATE_EPOCH: '1767225600', CI: 'true' }
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A folder holding the seed as cases.txt and its English translation as cases.en.md. */
function project(): { dir: string; source: string; translation: string } {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-history-'))
  dirs.push(dir)
  const source = join(dir, 'cases.txt')
  const translation = join(dir, 'cases.en.md')
  copyFileSync(SEED, source)
  copyFileSync(TRANSLATION, translation)
  return { dir, source, translation }
}

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8')
  if (!text.includes(from)) throw new Error(`${path} has no “${from}”`)
  writeFileSync(path, text.replace(from, to))
}

function run(dir: string, command: 'build' | 'pack', ...args: string[]): ReturnType<typeof casebook> {
  const result = casebook([command, 'cases.txt', '--out', 'out', '--format', 'html', '--locale', 'zh-CN,zh-TW,en', ...args], { cwd: dir, env: ENV })
  expect(result.code, result.stderr).toBe(0)
  return result
}

/** The outline with cases 1 and 2 traded: each heading keeps its number and takes the other's title and sections. */
function swapFirstTwo(text: string): string {
  const lines = text.split('\n')
  const start = (label: string) => lines.findIndex((line) => line.startsWith(label))
  const [one, two, three] = [start('一、案例一'), start('二、案例二'), start('三、案例三')]
  const renumber = (block: string[], from: string, to: string) => block.map((line) => line.replace(new RegExp(`^${from}\\.`), `${to}.`))
  const first = lines.slice(one, two)
  const second = lines.slice(two, three)
  const heading = (line: string, prefix: string) => prefix + line.slice(line.indexOf(':'))
  return [
    ...lines.slice(0, one),
    heading(second[0], '一、案例一'),
    ...renumber(second.slice(1), '2', '1'),
    heading(first[0], '二、案例二'),
    ...renumber(first.slice(1), '1', '2'),
    ...lines.slice(three),
  ].join('\n')
}

/** The first element of `tree` that `test` accepts, or null. */
function find(tree: Root, test: (node: Element) => boolean): Element | null {
  let found: Element | null = null
  visit(tree, 'element', (node: Element) => {
    if (!found && test(node)) found = node
  })
  return found
}

const notes = (dir: string, locale?: string) => readFileSync(join(dir, 'out', ...(locale ? [locale] : []), 'CHANGES.md'), 'utf8')

/** The labels of the cases the report's contents mark ●. */
function marked(dir: string, locale: string): string[] {
  const page = fromHtml(readFileSync(join(dir, 'out', locale, 'report.html'), 'utf8'))
  const labels: string[] = []
  visit(page, 'element', (node: Element) => {
    const classes = (node.properties.className as string[] | undefined) ?? []
    if (!classes.includes('toc-case')) return
    let changed = false
    let label = ''
    visit(node, 'element', (child: Element) => {
      const names = (child.properties.className as string[] | undefined) ?? []
      if (names.includes('toc-changed')) changed = true
      if (names.includes('toc-label')) label = toText(child)
    })
    if (changed) labels.push(label)
  })
  return labels
}

describe('several builds between two editions', () => {
  const { dir, source, translation } = project()

  it('the first recorded edition is a first edition', () => {
    const first = run(dir, 'pack', '--edition', 'v1')
    expect(first.stderr).toContain('recorded edition v1 in out/editions/')
    expect(existsSync(join(dir, 'out', 'editions', 'v1.json'))).toBe(true)
    for (const locale of ['zh-CN', 'zh-TW', 'en']) expect(notes(dir, locale)).toMatch(/^# .*(（v1）|\(v1\))\n\n(首版|First edition)/)
  })

  it('gathers every change made since the edition, in each locale’s words and script', () => {
    edit(source, '发挥社区自治组织作用', '充分发挥社区自治组织作用')
    run(dir, 'build')
    edit(source, '建设在线教育平台', '建设覆盖全市的在线教育平台')
    run(dir, 'build')
    // Two saves, two builds: both edits are in the notes, not only the last.
    const zhCN = notes(dir, 'zh-CN')
    expect(zhCN).toContain('对照版本：v1（2026年1月1日）。')
    expect(zhCN).toContain('- 案例六：成都“城市社区治理”（修改的小节：6.2 案例分析）')
    expect(zhCN).toContain('- 案例八：南京“互联网+教育”（修改的小节：8.2 案例分析）')
    expect(marked(dir, 'zh-CN')).toEqual(['案例六', '案例八'])
    const zhTW = notes(dir, 'zh-TW')
    expect(zhTW).toContain('對照版本：v1（2026年1月1日）。')
    // Converted as the zh-TW pack shows them: Traditional characters, Taiwan's words and 「」 quotes.
    expect(zhTW).toContain('- 案例六：成都「城市社區治理」（修改的小節：6.2 案例分析）')
    expect(zhTW).toContain('- 案例八：南京「網際網路+教育」（修改的小節：8.2 案例分析）')
    expect(zhTW).not.toMatch(/社区|互联网|“/)
    // The English text did not change: the cases are pending, in English, and not marked.
    const en = notes(dir, 'en')
    expect(en).toContain('Compared with edition v1 of January 1, 2026.')
    expect(en).toContain('## Source changed; translation pending\n\n- Case 6: Chengdu’s “Urban Community Governance” (6.2 Analysis)\n- Case 8: Nanjing’s “Internet + Education” (8.2 Analysis)\n')
    expect(en).not.toMatch(/[\u4e00-\u9fff]/)
    expect(marked(dir, 'en')).toEqual([])
  })

  it('an edit to the translation alone is a change in its locale only', () => {
    const before = notes(dir, 'zh-CN')
    edit(translation, 'in order to build a convenient and efficient public-service system', 'to build a convenient, efficient public-service system')
    const result = run(dir, 'build')
    expect(result.stderr).toMatch(/^wrote out\/en\/report\.html /m)
    expect(result.stderr).not.toMatch(/^wrote out\/zh-(CN|TW)\//m)
    expect(notes(dir, 'zh-CN')).toBe(before)
    expect(notes(dir, 'en')).toContain('## Cases changed\n\n- Case 3: Shenzhen’s “Internet + Government Services” (Sections changed: 3.1 Background)\n')
    expect(marked(dir, 'en')).toEqual(['Case 3'])
  })

  it('the next recorded edition compares with the last; building it again changes nothing', () => {
    const second = run(dir, 'pack', '--edition', 'v2')
    expect(second.stderr).toContain('edition notes: since edition v1 (2026-01-01)')
    const recorded = notes(dir, 'zh-CN')
    expect(recorded).toMatch(/^# 本版更新：.*（v2）\n\n对照版本：v1/)
    const zip = readFileSync(join(dir, 'out', 'briefing-pack-en.zip')).toString('latin1')
    expect(zip).toContain('briefing-pack-en/CHANGES.md')
    const mtimes = readdirSync(join(dir, 'out', 'zh-CN')).map((name) => statSync(join(dir, 'out', 'zh-CN', name)).mtimeMs)
    const again = run(dir, 'build')
    expect(again.stderr).not.toMatch(/^wrote /m)
    expect(notes(dir, 'zh-CN')).toBe(recorded)
    expect(readdirSync(join(dir, 'out', 'zh-CN')).map((name) => statSync(join(dir, 'out', 'zh-CN', name)).mtimeMs)).toEqual(mtimes)
  })

  it('going back to the first edition’s source reads as undoing the changes since the last edition', () => {
    copyFileSync(SEED, source)
    copyFileSync(TRANSLATION, translation)
    run(dir, 'build')
    const zhCN = notes(dir, 'zh-CN')
    expect(zhCN).toContain('对照版本：v2')
    expect(zhCN).toContain('- 案例六：成都“城市社区治理”（修改的小节：6.2 案例分析）')
    expect(zhCN).toContain('- 案例八：南京“互联网+教育”（修改的小节：8.2 案例分析）')
    expect(notes(dir, 'en')).toContain('- Case 3: Shenzhen’s “Internet + Government Services” (Sections changed: 3.1 Background)')
  })

  it('an edition name is checked: unusable or already taken by an earlier edition', () => {
    const bad = casebook(['build', 'cases.txt', '--out', 'out', '--format', 'html', '--edition', '../v3'], { cwd: dir, env: ENV })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--edition “../v3” cannot name an edition')
    const taken = casebook(['build', 'cases.txt', '--out', 'out', '--format', 'html', '--edition', 'v1'], { cwd: dir, env: ENV })
    expect(taken.code).toBe(2)
    expect(taken.stderr).toContain('Edition v1 is already recorded')
    expect(taken.stderr).not.toMatch(/\n\s+at /)
  })

  it('building one locale leaves the others in the manifest', () => {
    casebook(['build', 'cases.txt', '--out', 'out', '--format', 'html', '--locale', 'en'], { cwd: dir, env: ENV })
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { artifacts: Array<{ locale: string }> }
    expect([...new Set(manifest.artifacts.map((artifact) => artifact.locale))].sort()).toEqual(['en', 'zh-CN', 'zh-TW'])
    // out/CHANGES.md stays in the document's language whichever locales were built.
    expect(notes(dir)).toMatch(/^# 本版更新/)
  })
})

describe('the notes in each locale follow the same matching', () => {
  it('a swap is a move and a rename is old → new, in zh-TW and en words', () => {
    const { dir, source, translation } = project()
    run(dir, 'pack', '--edition', 'one')
    // Rename case 3 in the source and in the translation.
    edit(source, '三、案例三:深圳“互联网+政务服务”', '三、案例三:深圳“一网通办”')
    edit(translation, 'Shenzhen’s “Internet + Government Services”', 'Shenzhen’s “One-Stop Services”')
    run(dir, 'pack', '--edition', 'two')
    expect(notes(dir, 'zh-TW')).toContain('## 更名案例\n\n- 案例三：深圳「網際網路+政務服務」 → 深圳「一網通辦」\n')
    expect(notes(dir, 'en')).toContain('## Cases renamed\n\n- Case 3: Shenzhen’s “Internet + Government Services” → Shenzhen’s “One-Stop Services”\n')
    // Swap cases 1 and 2: their titles and bodies trade places under the numbered headings.
    writeFileSync(source, swapFirstTwo(readFileSync(source, 'utf8')))
    run(dir, 'build')
    expect(notes(dir, 'zh-CN')).toContain('## 移动的案例\n\n')
    expect(notes(dir, 'zh-CN')).not.toContain('修改案例')
    expect(notes(dir, 'zh-TW')).toContain('## 移動的案例\n\n')
    const en = notes(dir, 'en')
    expect(en).toMatch(/## Cases moved\n\n- Case \d → Case \d: /)
    expect(en).not.toContain('Cases changed')
    expect(marked(dir, 'en')).toEqual([])
  })
})

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']

/** The seed's cases as blocks of lines (heading first), with the lines before and after them. */
function caseBlocks(text: string): { before: string[]; cases: string[][]; after: string[] } {
  const lines = text.split('\n')
  const starts = lines.flatMap((line, index) => (/^[一二三四五六七八九十]+、案例/.test(line) ? [index] : []))
  const end = lines.findIndex((line) => line === '结论')
  const cases = starts.map((start, at) => lines.slice(start, starts[at + 1] ?? end))
  return { before: lines.slice(0, starts[0]), cases, after: lines.slice(end) }
}

/** An outline of `cases` numbered in order: headings `N、案例N:` and sections `N.M`. */
function numbered(before: string[], cases: string[][], after: string[]): string {
  const body = cases.flatMap((block, index) => {
    const n = index + 1
    const heading = `${NUMERALS[index]}、案例${NUMERALS[index]}:${block[0].slice(block[0].indexOf(':') + 1)}`
    return [heading, ...block.slice(1).map((line) => line.replace(/^\d+\.(\d)/, `${n}.$1`))]
  })
  return [...before, ...body, ...after].join('\n')
}

describe('a stale translation stays with its case', () => {
  it('when a case is inserted before it and it is edited, or a case before it is removed', () => {
    const { dir, source } = project()
    run(dir, 'pack', '--edition', 'v1')
    const { before, cases, after } = caseBlocks(readFileSync(source, 'utf8'))
    const inserted = ['二、案例二:西安“数字文旅”', '2.1 案例背景', '西安市以数字技术推动文化旅游服务。', '2.2 案例分析', '- 数字导览:游客用手机获取景点讲解。', '2.3 案例启示', '文旅服务的数字化提升了游客体验。']
    // Case 2 (杭州) is edited too, so its translation's mark no longer names it: only the edition knows where it went.
    const hangzhou = cases[1].map((line) => line.replace('杭州市', '杭州市政府'))
    writeFileSync(source, numbered(before, [cases[0], inserted, hangzhou, ...cases.slice(2)], after))
    const result = run(dir, 'build')
    const en = readFileSync(join(dir, 'out', 'en', 'report.html'), 'utf8')
    // The new case is shown from the source, untranslated; Hangzhou's translation follows Hangzhou to case 3.
    expect(en).toContain('西安市以数字技术推动文化旅游服务。')
    const caseText = (html: string, n: number) => {
      const node = find(fromHtml(html), (element) => element.properties.id === `case-${n}`)
      return node ? toText(node) : ''
    }
    expect(caseText(en, 2)).toContain('西安')
    expect(caseText(en, 2)).not.toContain('Hangzhou')
    expect(caseText(en, 3)).toContain('Hangzhou’s “City Brain”')
    expect(result.stderr).toMatch(/Case 2 \(Hangzhou’s “City Brain”\) .*|changed after its translation/)
    expect(notes(dir, 'en')).toContain('## Cases added\n\n- Case 2: 西安“数字文旅”\n')
    expect(notes(dir, 'en')).not.toMatch(/Cases removed/)

    // Remove case 4 (广州“海绵城市”): its translation goes with it, not onto the case that took its number.
    const now = caseBlocks(readFileSync(source, 'utf8'))
    writeFileSync(source, numbered(now.before, [...now.cases.slice(0, 4), ...now.cases.slice(5)], now.after))
    const removed = run(dir, 'build')
    const after4 = readFileSync(join(dir, 'out', 'en', 'report.html'), 'utf8')
    for (let n = 1; n <= 10; n++) expect(caseText(after4, n)).not.toContain('Sponge City')
    expect(removed.stderr).toMatch(/translation-extra/)
    expect(notes(dir, 'en')).toMatch(/## Cases removed\n\n- Case 4: Guangzhou’s “Sponge City” Development\n/)
  })
})

describe('--since', () => {
  const { dir, source } = project()
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' } }).toString().trim()
  git('init', '-q')
  git('config', 'user.email', 'editor@example.org')
  git('config', 'user.name', 'Editor')
  git('add', 'cases.txt', 'cases.en.md')
  git('commit', '-qm', 'first edition')
  git('tag', 'release-1')
  copyFileSync(source, join(dir, 'old.txt'))
  edit(source, '重庆市积极推进大数据产业发展', '重庆市全面推进大数据产业发展')
  git('commit', '-qam', 'case 5')
  const since = (value: string) => casebook(['build', 'cases.txt', '--out', 'since-out', '--format', 'html', '--locale', 'zh-CN,en', '--since', value], { cwd: dir, env: ENV })
  const changes = (locale: string) => readFileSync(join(dir, 'since-out', locale, 'CHANGES.md'), 'utf8')
  const groups = (text: string) => text.split('\n').filter((line) => line.startsWith('- '))

  it('HEAD~1 names exactly the edited case, and the commit', () => {
    const result = since('HEAD~1')
    expect(result.code, result.stderr).toBe(0)
    const commit = git('rev-parse', '--short=7', 'HEAD~1')
    expect(changes('zh-CN')).toContain(`对照：HEAD~1（提交 ${commit}）。`)
    expect(groups(changes('zh-CN'))).toEqual(['- 案例五：重庆“大数据”应用（修改的小节：5.1 案例背景）'])
    expect(groups(changes('en'))).toEqual(['- Case 5: Chongqing’s “Big Data” Applications (5.1 Background)'])
    expect(changes('en')).toContain('## Source changed; translation pending')
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('casebook-since-'))).toEqual([])
  })

  it('last-tag is the newest tag; a tag and a commit name a revision too', () => {
    for (const value of ['last-tag', 'release-1', git('rev-parse', 'HEAD~1')]) {
      const result = since(value)
      expect(result.code, result.stderr).toBe(0)
      expect(groups(changes('zh-CN'))).toEqual(['- 案例五：重庆“大数据”应用（修改的小节：5.1 案例背景）'])
    }
    expect(changes('zh-CN')).toMatch(/对照：[0-9a-f]{40}（提交 [0-9a-f]{7}）。/)
  })

  it('an earlier source, an earlier manifest and a recorded edition', () => {
    expect(since('old.txt').code).toBe(0)
    expect(changes('zh-CN')).toContain('对照：old.txt。')
    expect(groups(changes('zh-CN'))).toEqual(['- 案例五：重庆“大数据”应用（修改的小节：5.1 案例背景）'])
    copyFileSync(join(dir, 'since-out', 'manifest.json'), join(dir, 'earlier.json'))
    edit(source, '重庆市全面推进', '重庆市大力推进')
    expect(since('earlier.json').code).toBe(0)
    expect(changes('zh-CN')).toContain('对照：earlier.json。')
    expect(groups(changes('zh-CN'))).toEqual(['- 案例五：重庆“大数据”应用（修改的小节：5.1 案例背景）'])
    const packed = casebook(['pack', 'cases.txt', '--out', 'since-out', '--format', 'html', '--locale', 'zh-CN', '--edition', 'spring'], { cwd: dir, env: ENV })
    expect(packed.code, packed.stderr).toBe(0)
    edit(source, '重庆市大力推进', '重庆市积极推进')
    expect(since('spring').code).toBe(0)
    expect(changes('zh-CN')).toContain('对照版本：spring（2026年1月1日）。')
  })

  it('anything else is a usage error naming the argument', () => {
    writeFileSync(join(dir, 'CHANGES.md'), '# 本版更新\n\n首版。\n')
    for (const [value, says] of [
      ['CHANGES.md', /--since CHANGES\.md: that is edition notes casebook wrote, not an edition/],
      ['cases.en.md', /--since cases\.en\.md: that is a translation \(read beside its source\), not an edition/],
      ['nonsense', /--since nonsense: no recorded edition, file or git revision has that name\. Name a recorded edition \(spring\)/],
      ['gone/manifest.json', /--since gone\/manifest\.json: there is no file gone\/manifest\.json/],
    ] as const) {
      const result = since(value)
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr).toMatch(says)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('a git revision outside a repository, and last-tag without tags, are usage errors', () => {
    const { dir: plain } = project()
    const result = casebook(['build', 'cases.txt', '--out', 'out', '--format', 'html', '--since', 'HEAD~1'], { cwd: plain, env: ENV })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--since HEAD~1: no recorded edition or file has that name, and \S*cases\.txt is not in a git repository/)
    const tagless = casebook(['build', 'cases.txt', '--out', 'out', '--format', 'html', '--since', 'last-tag'], { cwd: plain, env: ENV })
    expect(tagless.code).toBe(2)
    expect(tagless.stderr).toContain('--since last-tag: ')
    expect(tagless.stderr).toContain('is not in a git repository')
  })
})
