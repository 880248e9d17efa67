/** The CLI contract of DESIGN.md: commands, JSON shapes and exit codes, run as a user runs them. */
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { casebook, ROOT, SEED } from './helpers/cli.js'

const BROKEN = new URL('./fixtures/parse-broken-outline/input.txt', import.meta.url).pathname
const scratch = () => mkdtempSync(join(tmpdir(), 'casebook-cli-'))

interface TreeNode { type: string; position?: unknown; children?: TreeNode[]; [key: string]: unknown }

describe('casebook ast', () => {
  it('gives the seed as 10 cases of 3 sections with 3 labelled key points', () => {
    const result = casebook(['ast', SEED])
    expect(result.code).toBe(0)
    const tree = JSON.parse(result.stdout) as TreeNode
    const cases = tree.children!.filter((node) => node.type === 'case')
    expect(tree.children!.map((node) => node.type)).toEqual(['intro', ...cases.map(() => 'case'), 'conclusion'])
    expect(cases.map((node) => node.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(cases[1].title).toBe('杭州“城市大脑”')
    expect(cases[1].label).toBe('案例二')
    for (const node of cases) {
      expect(node.children!.map((section) => section.kind)).toEqual(['background', 'analysis', 'insight'])
      const points = node.children![1].children!
      expect(points.map((point) => point.type)).toEqual(['point', 'point', 'point'])
      for (const point of points) expect(typeof point.label).toBe('string')
    }
    const unpositioned: string[] = []
    const visit = (node: TreeNode) => {
      if (!node.position) unpositioned.push(node.type)
      node.children?.forEach(visit)
    }
    visit(tree)
    expect(unpositioned).toEqual([])
  })

  it('exits 2 with a message, not a stack trace, for a missing input', () => {
    const result = casebook(['ast', 'no-such-file.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Input not found: no-such-file.txt')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('stops quietly when its reader closes the pipe early (casebook ast … | head)', async () => {
    const { spawn } = await import('node:child_process')
    const { generateOutline } = await import('../scripts/bench/generate-document.js')
    // Megabytes of JSON: far more than a pipe holds, so casebook is still writing when the pipe closes.
    const big = join(scratch(), 'big.txt')
    writeFileSync(big, generateOutline(500))
    // Its text writes half-width commas in Chinese: their warnings, after the JSON, are not what this test is about.
    writeFileSync(join(dirname(big), 'casebook.yaml'), 'check:\n  rules:\n    cjk-punctuation: off\n')
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'casebook.js'), 'ast', big], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    // Like head -c: take the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})

describe('casebook check', () => {
  it('passes the seed, warning only of its half-width punctuation in Chinese text', () => {
    const result = casebook(['check', SEED])
    expect(result.code).toBe(0)
    // The seed writes `组成部分,它` (issue 22): each such mark is a warning, and there is nothing else to say.
    const lines = result.stdout.trim().split('\n')
    expect(lines.length).toBeGreaterThan(50)
    for (const line of lines) expect(line).toMatch(/ warning Half-width “.” in Chinese text; write “.” cjk-punctuation$/)
  })

  it('names each problem of a broken outline at its line with a rule id, and exits 1', () => {
    const result = casebook(['check', BROKEN])
    expect(result.code).toBe(1)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toContain(`${BROKEN}:10:1 error Duplicate case number 3: 案例三 “上海” already uses it case-number-duplicate`)
    for (const line of lines) expect(line).toMatch(/^.+:\d+:\d+ (error|warning|info) .+ [a-z0-9-]+$/)
  })

  it('prints one JSON array with the contract fields', () => {
    const result = casebook(['check', BROKEN, SEED, '--reporter', 'json'])
    expect(result.code).toBe(1)
    const diagnostics = JSON.parse(result.stdout) as Array<Record<string, unknown>>
    expect(diagnostics.length).toBeGreaterThan(5)
    for (const diagnostic of diagnostics) {
      expect(Object.keys(diagnostic).sort()).toEqual(['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity'])
      expect(['error', 'warning', 'info']).toContain(diagnostic.severity)
    }
    // The seed's only diagnostics are its half-width marks.
    expect(diagnostics.every((diagnostic) => diagnostic.file === BROKEN || diagnostic.ruleId === 'cjk-punctuation')).toBe(true)
    expect(diagnostics.some((diagnostic) => diagnostic.file === SEED)).toBe(true)
  })

  it('fails on warnings only with --strict', () => {
    const folder = scratch()
    const file = join(folder, 'gap.txt')
    writeFileSync(file, '一、案例一:甲\n1.1 背景\n甲。\n1.2 分析\n- 要点:甲。\n1.3 启示\n甲。\n三、案例三:丙\n3.1 背景\n丙。\n3.2 分析\n- 要点:丙。\n3.3 启示\n丙。\n')
    expect(casebook(['check', file]).code).toBe(0)
    const strict = casebook(['check', '--strict', file])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain(`${file}:8:1 warning`)
    expect(strict.stdout).toContain('case-number-gap')
  })

  it('exits 2 on an unknown option', () => {
    expect(casebook(['check', '--nope', SEED]).code).toBe(2)
  })
})

describe('casebook build', () => {
  it('writes report.html and manifest.json for the seed', () => {
    const out = scratch()
    const result = casebook(['build', SEED, '--format', 'html', '--locale', 'zh-CN', '--out', out])
    expect(result.code).toBe(0)
    expect(result.stderr).not.toMatch(/^timing/m)
    expect(existsSync(join(out, 'zh-CN', 'report.html'))).toBe(true)
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(manifest.artifacts).toEqual([expect.objectContaining({ locale: 'zh-CN', format: 'html', path: 'zh-CN/report.html' })])
  })

  it('writes nothing and exits 1 when the content has errors', () => {
    const out = scratch()
    const result = casebook(['build', BROKEN, '--format', 'html', '--locale', 'zh-CN', '--out', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('case-number-duplicate')
    expect(existsSync(join(out, 'zh-CN'))).toBe(false)
  })

  it('exits 2 for an unknown format or locale', () => {
    expect(casebook(['build', SEED, '--format', 'odp', '--out', scratch()]).code).toBe(2)
    const locale = casebook(['build', SEED, '--format', 'html', '--locale', 'xx-YY', '--out', scratch()])
    expect(locale.code).toBe(2)
    expect(locale.stderr).toContain('xx-YY')
  })

  it('names the key of an invalid config', () => {
    const folder = scratch()
    const config = join(folder, 'casebook.yaml')
    writeFileSync(config, 'title: 测试\nformats: [html, odp]\ncolour: red\n')
    const result = casebook(['build', SEED, '--config', config, '--out', folder])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('config key “formats.1”')
    expect(result.stderr).toContain('colour')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
