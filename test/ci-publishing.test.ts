/**
 * Publishing from CI: diagnostics as GitHub annotations, the example workflow checked by a
 * maintained validator, and `casebook init`'s starter project, which builds as it is.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validateWorkflow } from '@action-validator/core'
import * as v from 'valibot'
import { afterAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { configJsonSchema } from '../src/config/config-json-schema.js'
import { configSchema } from '../src/config/config-schema.js'
import { casebook, ROOT } from './helpers/cli.js'

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-ci-'))
  dirs.push(dir)
  return dir
}

const GITHUB = { CI: 'true', GITHUB_ACTIONS: 'true' }

describe('--reporter github', () => {
  const dir = scratch()
  // Line 3 has a case with no sections; line 5 a message with a comma and a colon to escape.
  writeFileSync(join(dir, 'cases.txt'), '引言\n几个案例。\n一、案例一:空的案例\n二、案例二:上海\n2.1 案例背景\n上海的背景。\n')

  it('check prints one workflow command per problem at its line, paths relative to the workspace', () => {
    const result = casebook(['check', 'cases.txt', '--reporter', 'github'], { cwd: dir, env: { GITHUB_WORKSPACE: dir } })
    const lines = result.stdout.trim().split('\n')
    expect(lines).toContainEqual(expect.stringMatching(/^::warning file=cases\.txt,line=3,col=1,endLine=3,endColumn=\d+,title=empty-case::案例一 “空的案例” has no sections$/))
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=cases\.txt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\n]+$/)
  })

  it('is the default under GitHub Actions with CI=true; --reporter text turns it off', () => {
    expect(casebook(['check', 'cases.txt'], { cwd: dir, env: GITHUB }).stdout).toMatch(/^::warning file=/m)
    expect(casebook(['check', 'cases.txt'], { cwd: dir, env: { ...GITHUB, CI: '' } }).stdout).toMatch(/^cases\.txt:3:1 warning /m)
    expect(casebook(['check', 'cases.txt', '--reporter', 'text'], { cwd: dir, env: GITHUB }).stdout).toMatch(/^cases\.txt:3:1 warning /m)
  })

  it('escapes what would end a property or the message', () => {
    writeFileSync(join(dir, 'a,b:c.txt'), '一、案例一:x\n')
    const result = casebook(['check', 'a,b:c.txt', '--reporter', 'github'], { cwd: dir, env: { GITHUB_WORKSPACE: dir } })
    expect(result.stdout).toContain('file=a%2Cb%3Ac.txt,')
  })

  it('build prints annotations on stdout and an error exits 1', () => {
    writeFileSync(join(dir, 'broken.txt'), '只有一段文字，没有案例。\n')
    const result = casebook(['build', 'broken.txt', '--out', 'out', '--format', 'html', '--reporter', 'github'], { cwd: dir, env: { GITHUB_WORKSPACE: dir } })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^::error file=broken\.txt,line=1,col=1,.*title=no-cases::No cases found/m)
  })
})

describe('the example workflow', () => {
  it('passes a maintained validator', () => {
    const state = validateWorkflow(readFileSync(join(ROOT, '.github', 'workflows', 'briefing-pack.yml'), 'utf8'))
    expect(state.errors).toEqual([])
  })

  it('an invalid workflow does not pass it (the validator validates)', () => {
    expect(validateWorkflow('name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n').errors.length).toBeGreaterThan(0)
  })
})

describe('casebook init', () => {
  it('writes a starter project that checks clean and builds', () => {
    const dir = join(scratch(), 'project')
    const init = casebook(['init', dir])
    expect(init.code, init.stderr).toBe(0)
    for (const path of ['casebook.yaml', 'casebook.schema.json', 'content/cases.md', 'content/cases.en.md', '.gitignore', '.github/workflows/briefing-pack.yml', 'package.json']) {
      expect(existsSync(join(dir, path)), path).toBe(true)
      expect(init.stderr.split('\n').some((line) => line.startsWith('wrote ') && line.endsWith(`project/${path}`)), path).toBe(true)
    }
    const check = casebook(['check', 'content'], { cwd: dir })
    expect(check.code).toBe(0)
    expect(check.stdout).toBe('')
    const build = casebook(['build', '--format', 'html,docx'], { cwd: dir, env: { CI: 'true' } })
    expect(build.code, build.stderr).toBe(0)
    expect(build.stderr).not.toMatch(/warning|error/)
    for (const locale of ['zh-CN', 'zh-TW', 'en']) expect(existsSync(join(dir, 'out', locale, 'report.html'))).toBe(true)
    expect(readFileSync(join(dir, 'out', 'en', 'report.html'), 'utf8')).toContain('Hangzhou’s “City Brain”')
  })

  it('never overwrites: a second run skips every file and says so', () => {
    const dir = scratch()
    expect(casebook(['init'], { cwd: dir }).code).toBe(0)
    writeFileSync(join(dir, 'casebook.yaml'), 'title: mine\n')
    const again = casebook(['init'], { cwd: dir })
    expect(again.code).toBe(0)
    expect(again.stderr).toContain('skipped casebook.yaml: it exists, and is left as it is')
    expect(again.stderr).not.toMatch(/^wrote /m)
    expect(readFileSync(join(dir, 'casebook.yaml'), 'utf8')).toBe('title: mine\n')
  })

  it('refuses a file as its folder', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'file'), '')
    const result = casebook(['init', 'file'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('that is a file; name a folder')
  })

  it('names every config key in its casebook.yaml, which is a valid config, and writes the schema the code has', () => {
    const text = readFileSync(join(ROOT, 'starter', 'casebook.yaml'), 'utf8')
    expect(v.safeParse(configSchema, parseYaml(text)).success).toBe(true)
    // Every key, nested ones included, is written in the file (commented out or set).
    const keys = (schema: unknown, prefix = ''): string[] => {
      const entries = (schema as { entries?: Record<string, unknown> }).entries ?? (schema as { wrapped?: { entries?: Record<string, unknown> } }).wrapped?.entries
      if (!entries) return []
      return Object.entries(entries).flatMap(([key, value]) => [`${prefix}${key}`, ...keys(value, `${prefix}${key}.`)])
    }
    for (const key of keys(configSchema)) expect(text, key).toMatch(new RegExp(`^#?\\s*${key.split('.').pop()}:`, 'm'))
    const dir = scratch()
    casebook(['init'], { cwd: dir })
    expect(JSON.parse(readFileSync(join(dir, 'casebook.schema.json'), 'utf8'))).toEqual(configJsonSchema())
    expect(configJsonSchema()).toMatchObject({ properties: { formats: { items: { enum: expect.arrayContaining(['html', 'docx']) } }, page: { properties: { size: { enum: ['A4', 'Letter'] } } } } })
  })
})
