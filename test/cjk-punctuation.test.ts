/**
 * Chinese punctuation through the CLI: `check` reports each half-width mark in Chinese text at its
 * line:column, as configured; `build` sums them up per file; `check --fix` rewrites only them.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { casebook, SEED } from './helpers/cli.js'
import { applyFixes } from '../src/check/apply-fixes.js'
import { defaultCheckOptions } from '../src/check/check-document.js'
import { loadDocument } from '../src/load-document.js'

const work = mkdtempSync(join(tmpdir(), 'casebook-cjk-punctuation-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface JsonDiagnostic {
  file: string
  line: number
  column: number
  severity: string
  ruleId: string
  message: string
}

function checkJson(args: string[], cwd?: string): { code: number; diagnostics: JsonDiagnostic[]; stderr: string } {
  const result = casebook(['check', '--reporter', 'json', ...args], { cwd })
  return { code: result.code, diagnostics: JSON.parse(result.stdout) as JsonDiagnostic[], stderr: result.stderr }
}

/**
 * Every `,` touching Chinese in `text` (a hanzi or a closing quote before it, or a hanzi after it:
 * `APP,让`), as `line:column`: what the check must find, counted independently.
 */
function commasInChinese(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line, index) => [...line.matchAll(/(?<=[\p{Script=Han}”]),|,(?=\p{Script=Han})/gu)].map((match) => `${index + 1}:${match.index + 1}`))
}

/** A small outline document with Chinese and English, times, URLs, numbers and code. */
const MIXED = [
  '引言',
  '会议在10:30开始,请准时到场。This is an English sentence, with commas: and colons; right?',
  '一、案例一:杭州城市大脑',
  '1.1 案例背景',
  '详情见https://example.com/a,b?x=1:2。今年投入1,000万元,覆盖100个社区。代码`a,b:c`照旧。',
  '1.2 案例分析',
  '- 技术支撑:数据(2023年)显示效果明显',
  '1.3 案例启示',
  '为什么?因为政府主导。',
  '',
].join('\n')

describe('check: cjk-punctuation', () => {
  it('reports each half-width comma of the seed at its line:column, the first at 2:17, and nothing else', () => {
    const { code, diagnostics } = checkJson([SEED])
    expect(code).toBe(0)
    const found = diagnostics.filter((d) => d.ruleId === 'cjk-punctuation')
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(commasInChinese(readFileSync(SEED, 'utf8')))
    expect(found[0]).toMatchObject({ line: 2, column: 17, severity: 'warning', message: 'Half-width “,” in Chinese text; write “，”' })
    expect(new Set(found.map((d) => d.line)).size).toBe(51)
  })

  it('leaves times, URLs, numbers, English, code and the structural colons alone', () => {
    const path = join(work, 'mixed.txt')
    writeFileSync(path, MIXED)
    const { diagnostics } = checkJson([path])
    const found = diagnostics.filter((d) => d.ruleId === 'cjk-punctuation').map((d) => `${d.line}:${d.column} ${d.message}`)
    expect(found).toEqual([
      '2:11 Half-width “,” in Chinese text; write “，”',
      '5:45 Half-width “,” in Chinese text; write “，”',
      '7:10 Half-width “(” in Chinese text; write “（”',
      '7:16 Half-width “)” in Chinese text; write “）”',
      '9:4 Half-width “?” in Chinese text; write “？”',
    ])
  })

  it('is set to a severity, or off, in casebook.yaml; cjk-spacing follows check.spacing', () => {
    const dir = mkdtempSync(join(work, 'config-'))
    writeFileSync(join(dir, 'cases.txt'), MIXED)
    writeFileSync(join(dir, 'casebook.yaml'), 'check:\n  rules:\n    cjk-punctuation: error\n')
    const strict = checkJson(['cases.txt'], dir)
    expect(strict.code).toBe(1)
    expect(strict.diagnostics.filter((d) => d.ruleId === 'cjk-punctuation').every((d) => d.severity === 'error')).toBe(true)
    writeFileSync(join(dir, 'casebook.yaml'), 'check:\n  rules:\n    cjk-punctuation: off\n    cjk-spacing: warning\n')
    const spacing = checkJson(['cases.txt'], dir)
    expect(spacing.diagnostics.filter((d) => d.ruleId === 'cjk-punctuation')).toEqual([])
    // 会议在10:30开始 wants two spaces; the URL its one before.
    expect(spacing.diagnostics.filter((d) => d.ruleId === 'cjk-spacing' && d.line === 2).map((d) => d.column)).toEqual([4, 9])
    writeFileSync(join(dir, 'casebook.yaml'), 'check:\n  rules:\n    cjk-spacing: warning\n  spacing: none\n')
    writeFileSync(join(dir, 'spaced.txt'), MIXED.replace('会议在10:30开始', '会议在 10:30 开始'))
    const none = checkJson(['spaced.txt'], dir)
    expect(none.diagnostics.filter((d) => d.ruleId === 'cjk-spacing').map((d) => `${d.line}:${d.column}`)).toEqual(['2:4', '2:10'])
    writeFileSync(join(dir, 'casebook.yaml'), 'check:\n  rules:\n    cjk-punctuation: loud\n')
    const bad = casebook(['check', 'cases.txt'], { cwd: dir })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('check.rules.cjk-punctuation')
    expect(bad.stderr).toContain('expected one of off, info, warning, error')
  })
})

/** Straight quotes around Chinese words, a comma after a space; and the quotes the check leaves alone. */
const QUOTED = [
  '引言',
  '他说:"水清了" ,大家都很高兴?',
  'He said "hello", then left. 属性a="城市"照旧,屏幕5"大。',
  '一、案例一:水',
  '1.1 案例背景',
  "他说'好'。代码`x = \"中文\"`照旧。",
  '',
].join('\n')

describe('check: straight quotes around Chinese text', () => {
  it('reports each quote and the comma after a space at its line:column, and leaves English, attributes, inches and code alone', () => {
    const path = join(work, 'quoted.txt')
    writeFileSync(path, QUOTED)
    const { diagnostics } = checkJson([path])
    const found = diagnostics.filter((d) => d.ruleId === 'cjk-punctuation').map((d) => `${d.line}:${d.column} ${d.message}`)
    expect(found).toEqual([
      '2:3 Half-width “:” in Chinese text; write “：”',
      '2:4 Straight quote “"” around Chinese text; write ““”',
      '2:8 Straight quote “"” around Chinese text; write “””',
      '2:9 Half-width “,” after a space in Chinese text; write “，” without the space',
      '2:17 Half-width “?” in Chinese text; write “？”',
      '3:39 Half-width “,” in Chinese text; write “，”',
      "6:3 Straight quote “'” around Chinese text; write “‘”",
      "6:5 Straight quote “'” around Chinese text; write “’”",
    ])
  })

  it('check --fix writes “” in a Simplified source and 「」 in a Traditional one, and a second check finds nothing', () => {
    const path = join(work, 'quoted-fix.txt')
    writeFileSync(path, QUOTED)
    const result = casebook(['check', '--fix', path])
    expect(result.stdout).toMatch(/^fixed .*quoted-fix\.txt:2:9 “ ,” → “，” cjk-punctuation$/m)
    expect(result.stdout).toContain('fixed 8 in 1 file')
    expect(readFileSync(path, 'utf8')).toBe(
      QUOTED.replace('他说:"水清了" ,大家都很高兴?', '他说：“水清了”，大家都很高兴？').replace('照旧,屏幕', '照旧，屏幕').replace("他说'好'", '他说‘好’'),
    )
    expect(checkJson([path]).diagnostics.filter((d) => d.ruleId === 'cjk-punctuation')).toEqual([])
    const traditional = join(work, 'traditional.md')
    writeFileSync(traditional, '---\nlang: zh-TW\n---\n\n# 引言\n\n他說:"水清了" ,大家都很高興。\n')
    expect(casebook(['check', '--fix', traditional]).stdout).toContain('fixed 4 in 1 file')
    expect(readFileSync(traditional, 'utf8')).toContain('他說：「水清了」，大家都很高興。')
  })
})

describe('check: the document’s title and subtitle', () => {
  it('are checked where the source writes them (front matter), not where the config does', async () => {
    const path = join(work, 'front.md')
    writeFileSync(path, '---\ntitle: 标题:副标题\nsubtitle: 城市,公共服务\n---\n\n# 引言\n\n文字,文字。\n')
    const document = await loadDocument(path, { check: defaultCheckOptions })
    const found = document.files[0]!.messages.filter((message) => message.ruleId === 'cjk-punctuation').map((message) => `${message.line}:${message.column} ${message.actual}→${message.expected}`)
    expect(found).toEqual(['2:10 :→：', '3:13 ,→，', '8:3 ,→，'])
    // A title from the config is in no source file: nothing to point at, nothing to fix.
    const plain = join(work, 'plain.txt')
    writeFileSync(plain, '引言\n文字。\n')
    const configured = await loadDocument(plain, { check: defaultCheckOptions, defaults: { title: '配置:标题' } })
    expect(configured.tree.data.title).toBe('配置:标题')
    expect(configured.files[0]!.messages.filter((message) => message.ruleId === 'cjk-punctuation')).toEqual([])
  })
})

describe('build: cjk-punctuation', () => {
  it('prints one line per file for the marks, not one per comma', () => {
    const result = casebook(['build', SEED, '--format', 'html', '--locale', 'zh-CN', '--out', join(work, 'out')])
    expect(result.code).toBe(0)
    const lines = result.stderr.split('\n').filter((line) => line.endsWith(' cjk-punctuation'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/:2:17 warning 74 half-width punctuation marks in Chinese text, the first here; casebook check .+ lists them, casebook check --fix .+ makes them full-width cjk-punctuation$/)
  })
})

describe('a Markdown line after one ending in a space', () => {
  it('has its marks found at their places: Markdown drops that space before the break', () => {
    const path = join(work, 'trailing-space.md')
    writeFileSync(path, '# 案例一：测试\n## 1.1 背景\n第一行。 \n第二行,好!\n第三行\t\n第四行;完。\n')
    const listed = JSON.parse(casebook(['check', path, '--reporter', 'json']).stdout) as Array<{ line: number; column: number; ruleId: string }>
    expect(listed.filter((item) => item.ruleId === 'cjk-punctuation').map((item) => `${item.line}:${item.column}`)).toEqual(['4:4', '4:6', '6:4'])
  })
})

describe('counting the marks, as a build does', () => {
  it('keeps one message per file with the count, which a build prints and check lists one by one', async () => {
    const folder = mkdtempSync(join(work, 'two-files-'))
    writeFileSync(join(folder, '1-intro.txt'), '引言\n第一句,第二句;第三句。\n一、案例一:甲\n1.1 案例背景\n背景,文字。\n')
    writeFileSync(join(folder, '2-cases.txt'), '二、案例二:乙\n2.1 案例背景\n文字,文字,文字?\n')
    const listed = JSON.parse(casebook(['check', folder, '--reporter', 'json']).stdout) as Array<{ file: string; ruleId: string }>
    const perFile = (name: string) => listed.filter((item) => item.ruleId === 'cjk-punctuation' && item.file.endsWith(name)).length
    const expected = [perFile('1-intro.txt'), perFile('2-cases.txt')]
    expect(expected).toEqual([3, 3])
    const counted = await loadDocument(folder, { check: { ...defaultCheckOptions, countMarks: true } })
    const messages = counted.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'cjk-punctuation'))
    expect(messages.map((message) => (message as { count?: number }).count)).toEqual(expected)
    const built = casebook(['build', folder, '--format', 'html', '--locale', 'zh-CN', '--out', join(folder, 'out')])
    expect(built.code, built.stderr).toBe(0)
    expect(built.stderr).toMatch(/1-intro\.txt:2:4 warning 3 half-width punctuation marks in Chinese text, the first here/)
    expect(built.stderr).toMatch(/2-cases\.txt:3:3 warning 3 half-width punctuation marks in Chinese text, the first here/)
  })
})

describe('check --fix', () => {
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

  it('--dry-run prints the fixes and changes nothing', () => {
    const path = join(work, 'dry.txt')
    writeFileSync(path, readFileSync(SEED))
    const before = sha(path)
    const result = casebook(['check', '--fix', '--dry-run', path])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^would fix .*dry\.txt:2:17 “,” → “，” cjk-punctuation$/m)
    expect(result.stdout).toContain('would fix 74 in 1 file; nothing was changed')
    expect(sha(path)).toBe(before)
  })

  it('on a copy of the seed changes only the commas, and a second check finds none', () => {
    const path = join(work, 'seed.txt')
    writeFileSync(path, readFileSync(SEED))
    const result = casebook(['check', '--fix', path])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^fixed .*seed\.txt:2:17 “,” → “，” cjk-punctuation$/m)
    expect(result.stdout).toContain('fixed 74 in 1 file')
    // The report after the fixes is of what is left: no marks.
    expect(result.stdout).not.toContain('warning Half-width')
    const [was, now] = [readFileSync(SEED, 'utf8'), readFileSync(path, 'utf8')]
    expect([...now]).toHaveLength([...was].length)
    const changed = [...was].flatMap((char, index) => (char === [...now][index] ? [] : [`${char}→${[...now][index]}`]))
    expect(new Set(changed)).toEqual(new Set(['，'].map((mark) => `,→${mark}`)))
    expect(changed).toHaveLength(74)
    expect(checkJson([path]).diagnostics.filter((d) => d.ruleId === 'cjk-punctuation')).toEqual([])
  })

  it('keeps the byte-order mark and CRLF line endings of Markdown, and leaves the colons of headings, code, URLs and escapes as written', () => {
    const path = join(work, 'cases.md')
    const source = [
      '# 测试文档:副标题',
      '',
      '# 引言',
      '',
      '会议在10:30开始,请准时到场;详情见[链接,文字](https://a.cn/x,y),转义\\,照旧。',
      '',
      '# 案例一:北京试点',
      '',
      '## 1.1 案例背景',
      '',
      '- **要点**:文本在这里,很好',
      '',
      '```',
      '代码块,不改',
      '```',
      '',
      '行内`a,b`代码,然后',
      '',
    ].join('\r\n')
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source, 'utf8')])
    writeFileSync(path, bytes)
    const result = casebook(['check', '--fix', path])
    expect(result.stdout.split('\n').filter((line) => line.startsWith('fixed ')).map((line) => line.replace(/^fixed \S*cases\.md:/, ''))).toEqual([
      '1:7 “:” → “：” cjk-punctuation',
      '5:11 “,” → “，” cjk-punctuation',
      '5:17 “;” → “；” cjk-punctuation',
      '5:24 “,” → “，” cjk-punctuation',
      '5:46 “,” → “，” cjk-punctuation',
      '11:15 “,” → “，” cjk-punctuation',
      '17:10 “,” → “，” cjk-punctuation',
      'fixed 7 in 1 file',
    ])
    const expected = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        source
          .replace('测试文档:副标题', '测试文档：副标题')
          .replace('开始,请准时到场;详情见[链接,文字](https://a.cn/x,y),转义', '开始，请准时到场；详情见[链接，文字](https://a.cn/x,y)，转义')
          .replace('在这里,很好', '在这里，很好')
          .replace('代码,然后', '代码，然后'),
        'utf8',
      ),
    ])
    expect(readFileSync(path).equals(expected)).toBe(true)
    expect(checkJson([path]).diagnostics.filter((d) => d.ruleId === 'cjk-punctuation')).toEqual([])
  })

  it('writes UTF-16 files in their byte order, and keeps lone CR line endings and characters beyond the BMP', () => {
    const text = '引言\r公共服务,城市治理𠮷,好。\r一、案例一:上海\r1.1 案例背景\r背景,内容。\r1.2 案例分析\r- 要点:分析,内容\r1.3 案例启示\r启示!\r'
    const fixed = text.replace('服务,', '服务，').replace('𠮷,', '𠮷，').replace('背景,', '背景，').replace('分析,', '分析，').replace('启示!', '启示！')
    const little = (value: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(value, 'utf16le')])
    const big = (value: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(value, 'utf16le').swap16()])
    for (const [name, encode] of [['le.txt', little], ['be.txt', big], ['cr.txt', (value: string) => Buffer.from(value, 'utf8')]] as const) {
      const path = join(work, name)
      writeFileSync(path, encode(text))
      const result = casebook(['check', '--fix', path])
      expect(result.stdout, name).toContain('fixed 5 in 1 file')
      expect(readFileSync(path).equals(encode(fixed)), name).toBe(true)
    }
  })

  it('leaves a file edited since it was checked as it is, and says so', async () => {
    const path = join(work, 'edited.txt')
    writeFileSync(path, MIXED)
    const document = await loadDocument(path, { check: defaultCheckOptions })
    const edited = '新的一行。\n' + MIXED
    writeFileSync(path, edited)
    const [result] = await applyFixes(document.files)
    expect(result).toMatchObject({ path, changes: [], skipped: 'it changed since it was checked; run check --fix again' })
    expect(readFileSync(path, 'utf8')).toBe(edited)
  })

  it('--dry-run without --fix is a usage error', () => {
    const result = casebook(['check', '--dry-run', SEED])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--dry-run goes with --fix')
  })
})
