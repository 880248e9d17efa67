/**
 * Document dates are real calendar days, checked in one place for the config and the
 * front matter; a bad one is the user's mistake with its location, never an internal error.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as v from 'valibot'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { sourceDate } from '../src/pack/source-date.js'
import { configSchema } from '../src/config/config-schema.js'
import { loadConfig } from '../src/config/load-config.js'
import { ConfigError, UsageError } from '../src/errors.js'
import { calendarDate } from '../src/text/calendar-date.js'
import { casebook } from './helpers/cli.js'

const ADVICE = 'write it as YYYY-MM-DD, e.g. 2026-03-01'
const scratch = () => mkdtempSync(join(tmpdir(), 'casebook-dates-'))
/** The environment a user has without SOURCE_DATE_EPOCH. */
const NO_EPOCH = { SOURCE_DATE_EPOCH: undefined }

const markdown = (date: string) => `---\ntitle: 日期测试\n# the date comes next\ndate:   ${date}\n---\n\n# 案例一:甲\n## 1.1 案例背景\n文字。\n## 1.2 案例分析\n文字。\n## 1.3 案例启示\n文字。\n`

describe('calendarDate', () => {
  it.each([
    ['2026-01-15', '2026-01-15'],
    ['2024-02-29', '2024-02-29'], // leap year
    ['2000-02-29', '2000-02-29'], // every 400th year is one
    ['2026-12-31', '2026-12-31'],
    ['2026-04-30', '2026-04-30'],
    ['0001-01-01', '0001-01-01'],
    // YAML timestamps with a time: the day as written, never moved by the zone.
    ['2026-01-15T10:30:00Z', '2026-01-15'],
    ['2026-01-15 10:30:00', '2026-01-15'],
    ['2026-01-15t23:30:00.25-05:00', '2026-01-15'],
    ['2026-01-15T00:30:00+08:00', '2026-01-15'],
  ])('accepts %s as %s', (input, date) => {
    expect(calendarDate(input)).toEqual({ ok: true, date })
  })

  it.each([
    ['2026-13-45', 'there is no month 13'],
    ['2026-00-10', 'there is no month 00'],
    ['2026-02-30', 'February 2026 has 28 days'],
    ['2026-02-29', 'February 2026 has 28 days'],
    ['2100-02-29', 'February 2100 has 28 days'], // every 100th year is not a leap year
    ['2026-04-31', 'April 2026 has 30 days'],
    ['2026-01-00', 'January 2026 has 31 days'],
    ['0000-01-01', 'there is no year 0000'],
    ['yesterday', 'is not a date'],
    ['2026-1-5', 'is not a date'],
    ['15.01.2026', 'is not a date'],
    ['2026-01-15T25:00:00', 'no such time of day'],
    ['', 'is not a date'],
  ])('rejects “%s”: %s', (input, reason) => {
    const result = calendarDate(input)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toContain(reason)
  })

  it('takes the UTC day of a Date (what YAML 1.1 makes of an unquoted timestamp) and rejects an invalid one', () => {
    expect(calendarDate(parseYaml('date: 2026-01-15', { version: '1.1' }).date)).toEqual({ ok: true, date: '2026-01-15' })
    expect(parseYaml('date: 2026-01-15', { version: '1.1' }).date).toBeInstanceOf(Date)
    expect(calendarDate(parseYaml('date: 2026-01-15', { version: '1.2' }).date)).toEqual({ ok: true, date: '2026-01-15' })
    expect(calendarDate(new Date('2026-02-28T23:59:59Z'))).toEqual({ ok: true, date: '2026-02-28' })
    expect(calendarDate(new Date('nonsense')).ok).toBe(false)
  })

  it('names values that are no string at all', () => {
    expect(calendarDate(20260115)).toEqual({ ok: false, reason: 'the number 20260115 is not a date' })
    expect(calendarDate(null)).toEqual({ ok: false, reason: 'an empty value is not a date' })
    expect(calendarDate(['2026-01-15'])).toEqual({ ok: false, reason: 'a list is not a date' })
  })
})

describe('config date', () => {
  it('is checked by the schema: strings, YAML timestamps and Dates give a day; nothing else passes', () => {
    expect(v.parse(configSchema, { date: '2026-01-15' }).date).toBe('2026-01-15')
    expect(v.parse(configSchema, { date: '2026-01-15 08:00:00' }).date).toBe('2026-01-15')
    expect(v.parse(configSchema, { date: new Date('2026-01-15T00:00:00Z') }).date).toBe('2026-01-15')
    expect(v.parse(configSchema, {}).date).toBeUndefined()
    const bad = v.safeParse(configSchema, { date: '2026-02-30' })
    expect(bad.success).toBe(false)
    expect(!bad.success && bad.issues[0].message).toBe(`“2026-02-30” is not a real date: February 2026 has 28 days; ${ADVICE}`)
    expect(!bad.success && bad.issues[0].path?.map((item) => item.key)).toEqual(['date'])
  })

  it.each([
    ['2026-13-45', '“2026-13-45” is not a real date: there is no month 13'],
    ['2026-02-30', '“2026-02-30” is not a real date: February 2026 has 28 days'],
    ['yesterday', '“yesterday” is not a date'],
  ])('loadConfig rejects date: %s with a ConfigError naming the file and the key', async (date, reason) => {
    const dir = scratch()
    const file = join(dir, 'casebook.yaml')
    writeFileSync(file, `title: 测试\ndate: ${date}\n`)
    const error = await loadConfig(file).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).exitCode).toBe(2)
    expect((error as ConfigError).message).toBe(`${file}: config key “date”: ${reason}; ${ADVICE}`)
  })

  it('a JSON config is held to the same rule', async () => {
    const dir = scratch()
    const file = join(dir, 'casebook.json')
    writeFileSync(file, JSON.stringify({ date: '2023-02-29' }))
    await expect(loadConfig(file)).rejects.toThrow(`${file}: config key “date”: “2023-02-29” is not a real date: February 2023 has 28 days; ${ADVICE}`)
    writeFileSync(file, JSON.stringify({ date: '2024-02-29' }))
    expect((await loadConfig(file)).date).toBe('2024-02-29')
  })

  it.each(['2026-13-45', '2026-02-30', 'yesterday'])('casebook build with config date: %s exits 2, names file and key, writes nothing', (date) => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.md'), markdown('2026-01-15').replace(/^date:.*\n/m, ''))
    writeFileSync(join(dir, 'casebook.yaml'), `title: 测试\ndate: ${date}\nformats: [html]\n`)
    for (const args of [['build', 'cases.md', '--out', 'out'], ['check', 'cases.md']]) {
      const result = casebook(args, { cwd: dir, env: NO_EPOCH })
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr).toContain(join(dir, 'casebook.yaml'))
      expect(result.stderr).toContain('config key “date”')
      expect(result.stderr).toContain(ADVICE)
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
    }
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })
})

describe('front matter date', () => {
  it.each([
    ['yesterday', '“yesterday” is not a date'],
    ['2026-02-30', '“2026-02-30” is not a real date: February 2026 has 28 days'],
    ['2026-13-45', '“2026-13-45” is not a real date: there is no month 13'],
    ["'2026-02-29'", '“2026-02-29” is not a real date: February 2026 has 28 days'],
  ])('date: %s is a front-matter error at the value in check, and build writes nothing', (date, reason) => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.md'), markdown(date))
    const check = casebook(['check', 'cases.md', '--reporter', 'json'], { cwd: dir, env: NO_EPOCH })
    expect(check.code, check.stderr).toBe(1)
    const errors = (JSON.parse(check.stdout) as Array<Record<string, unknown>>).filter((item) => item.severity === 'error')
    // Line 4 of the file, after `date:` and three spaces: column 9; it ends where the value ends.
    expect(errors).toEqual([
      {
        file: 'cases.md',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 9 + date.length,
        severity: 'error',
        ruleId: 'front-matter',
        message: `Front matter date: ${reason}; ${ADVICE}`,
      },
    ])
    const text = casebook(['check', 'cases.md'], { cwd: dir, env: NO_EPOCH })
    expect(text.stdout).toContain(`cases.md:4:9 error Front matter date: ${reason}`)

    const build = casebook(['build', 'cases.md', '--out', 'out', '--format', 'html,docx'], { cwd: dir, env: NO_EPOCH })
    expect(build.code, build.stderr).toBe(1)
    expect(build.stdout + build.stderr).toContain(`cases.md:4:9 error Front matter date: ${reason}`)
    expect(build.stderr).not.toMatch(/internal error|\n\s+at /)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it.each([
    ['2026-01-15', '2026-01-15'],
    ['"2026-01-15"', '2026-01-15'],
    ['2024-02-29', '2024-02-29'],
    ['2026-01-15T23:30:00-05:00', '2026-01-15'],
    ['2026-01-15 08:00:00', '2026-01-15'],
  ])('date: %s is the day %s in the case tree, and builds', (date, day) => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.md'), markdown(date))
    const ast = casebook(['ast', 'cases.md'], { cwd: dir, env: NO_EPOCH })
    expect(ast.code, ast.stderr).toBe(0)
    expect(JSON.parse(ast.stdout).data.date).toBe(day)
    const build = casebook(['build', 'cases.md', '--out', 'out', '--format', 'html'], { cwd: dir, env: { ...NO_EPOCH, CI: 'true' } })
    expect(build.code, build.stderr).toBe(0)
    expect(existsSync(join(dir, 'out', 'zh-CN', 'report.html'))).toBe(true)
  })
})

describe('sourceDate', () => {
  it('takes SOURCE_DATE_EPOCH first, then the document date at midnight UTC', () => {
    expect(sourceDate('2026-01-15', { SOURCE_DATE_EPOCH: '1767225600' }).toISOString()).toBe('2026-01-01T00:00:00.000Z')
    expect(sourceDate('2026-01-15', {}).toISOString()).toBe('2026-01-15T00:00:00.000Z')
    expect(sourceDate('2026-01-15', { SOURCE_DATE_EPOCH: '' }).toISOString()).toBe('2026-01-15T00:00:00.000Z')
  })

  it('keeps SOURCE_DATE_EPOCH garbage a usage error (exit 2), out-of-range values too', () => {
    for (const epoch of ['yesterday', '-1', '1.5', '99999999999999999999']) {
      const error = (() => {
        try {
          sourceDate(undefined, { SOURCE_DATE_EPOCH: epoch })
        } catch (caught) {
          return caught
        }
      })()
      expect(error, epoch).toBeInstanceOf(UsageError)
      expect((error as UsageError).exitCode).toBe(2)
    }
  })

  it('casebook build with a garbage SOURCE_DATE_EPOCH exits 2 and writes nothing', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.md'), markdown('2026-01-15'))
    for (const epoch of ['tomorrow', '99999999999999999999']) {
      const result = casebook(['build', 'cases.md', '--out', 'out', '--format', 'html'], { cwd: dir, env: { SOURCE_DATE_EPOCH: epoch } })
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr).toContain('SOURCE_DATE_EPOCH')
      expect(existsSync(join(dir, 'out'))).toBe(false)
    }
  })
})
