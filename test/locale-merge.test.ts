/** A user's catalog names only what it changes: the rest comes from casebook's catalog of that locale and its bases. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILTIN_TEMPLATES, templateDirs } from '../src/config/template-dirs.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { reportMissingKeys } from '../src/locale/report-missing-keys.js'
import { ConfigError } from '../src/errors.js'
import { casebook } from './helpers/cli.js'
import { docxParts } from './helpers/docx-read.js'

/** A user templates folder holding `catalogs` (locale → file text). */
function userFolder(catalogs: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-merge-'))
  mkdirSync(join(dir, 'locales'))
  for (const [code, text] of Object.entries(catalogs)) writeFileSync(join(dir, 'locales', `${code}.json`), text)
  return dir
}

describe('a user catalog laid over casebook’s', () => {
  it('overrides one label and keeps every other label and rule of that locale', async () => {
    const builtin = await loadLocale('zh-CN', [BUILTIN_TEMPLATES])
    const dir = userFolder({ 'zh-CN': JSON.stringify({ messages: { contents: '目录一览' } }) })
    const locale = await loadLocale('zh-CN', templateDirs(dir))
    expect(locale.t('contents')).toBe('目录一览')
    expect({ ...locale.messages, contents: builtin.messages.contents }).toEqual(builtin.messages)
    expect(locale.rules).toEqual(builtin.rules)
    expect(locale.missingKeys).toEqual([])
    expect(reportMissingKeys(locale)).toBeNull()
  })

  it('deep-merges rules: only fonts.serif changes, the font files stay', async () => {
    const builtin = await loadLocale('en', [BUILTIN_TEMPLATES])
    const dir = userFolder({ en: JSON.stringify({ rules: { fonts: { serif: ['Georgia'] } } }) })
    const locale = await loadLocale('en', templateDirs(dir))
    expect(locale.rules.fonts).toEqual({ ...builtin.rules.fonts, serif: ['Georgia'] })
    expect(locale.messages).toEqual(builtin.messages)
  })

  it('reaches a base through the user’s override of it: en-US takes the user’s en label', async () => {
    const dir = userFolder({ en: JSON.stringify({ messages: { contents: 'In this pack' } }) })
    const locale = await loadLocale('en-US', templateDirs(dir))
    expect(locale.t('contents')).toBe('In this pack')
    expect(locale.rules.pageSize).toBe('Letter')
  })

  it('a key only one user catalog has falls back like any other: to en, or to the user catalog that has it', async () => {
    const dir = userFolder({ en: JSON.stringify({ messages: { classification: 'Internal' } }), 'zh-CN': JSON.stringify({ messages: { marking: '内部' } }) })
    const zh = await loadLocale('zh-CN', templateDirs(dir))
    expect(zh.t('classification')).toBe('Internal')
    expect(zh.missingKeys).toEqual(['classification'])
    const en = await loadLocale('en', templateDirs(dir))
    expect(en.t('marking')).toBe('内部')
    expect(en.borrowedKeys).toEqual([{ key: 'marking', from: 'zh-CN' }])
    expect(String(reportMissingKeys(en)!.messages[0].reason)).toBe('Catalog en and its bases lack “marking” (from zh-CN); that catalog\'s text is used')
  })
})

describe('a catalog casebook cannot use', () => {
  const failure = async (text: string) => {
    const dir = userFolder({ en: text })
    const error = await loadLocale('en', templateDirs(dir)).then(() => null, (caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).message.replace(dir, 'tpl')
  }

  it('names an unknown rule at its line', async () => {
    expect(await failure('{\n  "rules": {\n    "colour": "red"\n  }\n}\n')).toBe('tpl/locales/en.json:3:5: unknown rule “rules.colour”; the rules a catalog may set are script, ordinal, pageSize, dateFormat, quotes, fonts, content')
    expect(await failure('{"rules": {"fonts": {"size": 12}}}')).toMatch(/^tpl\/locales\/en\.json:1:22: unknown rule “rules\.fonts\.size”; the rules under “rules\.fonts” are fontsource, serif, docxEastAsia, docxLatin, pptxEastAsia, pptxLatin$/)
  })

  it('names a rule with a value of the wrong kind', async () => {
    expect(await failure('{"rules": {"ordinal": "roman"}}')).toBe('tpl/locales/en.json:1:12: rule “rules.ordinal” takes one of chinese, arabic, got "roman"')
  })

  it('names an invalid ICU message at its line', async () => {
    expect(await failure('{\n  "messages": {\n    "contents": "{oops"\n  }\n}\n')).toMatch(/^tpl\/locales\/en\.json:3:5: message “contents” is not valid ICU message syntax \(.+\): "\{oops"$/)
  })

  it('names a file that is not JSON', async () => {
    expect(await failure('{"messages": ')).toMatch(/^tpl\/locales\/en\.json: invalid catalog: /)
    // A syntax error is named at its line and column, not V8's character offset.
    expect(await failure('{\n  "messages": {\n    "contents": "目录",\n    oops: 1\n  }\n}\n')).toBe('tpl/locales/en.json:4:5: invalid catalog: Expected double-quoted property name')
  })
})

describe('a one-label catalog in a build', () => {
  it('changes that label, and nothing else, in the report, the deck and the .docx', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-one-label-'))
    cpSync(new URL('./fixtures/locale-stale/input.txt', import.meta.url).pathname, join(dir, 'input.txt'))
    mkdirSync(join(dir, 'tpl', 'locales'), { recursive: true })
    // The same characters in another order: the subset fonts stay the same, so only the label differs.
    writeFileSync(join(dir, 'tpl', 'locales', 'zh-CN.json'), JSON.stringify({ messages: { overview: '总览案例' } }))
    const config = 'title: 三个案例\ndate: 2026-11-29\nformats: [html, slides, docx]\n'
    writeFileSync(join(dir, 'casebook.yaml'), config)
    const plain = casebook(['build', 'input.txt', '--out', 'plain'], { cwd: dir })
    expect(plain.code, plain.stderr).toBe(0)
    writeFileSync(join(dir, 'casebook.yaml'), `${config}templates: tpl\n`)
    const styled = casebook(['build', 'input.txt', '--out', 'styled'], { cwd: dir })
    expect(styled.code, styled.stderr).toBe(0)
    expect(styled.stderr).not.toContain('warning')
    for (const name of ['report.html', 'slides.html']) {
      const before = readFileSync(join(dir, 'plain', 'zh-CN', name), 'utf8')
      const after = readFileSync(join(dir, 'styled', 'zh-CN', name), 'utf8')
      expect(before).toContain('案例总览')
      expect(after, name).toBe(before.replaceAll('案例总览', '总览案例'))
    }
    const before = docxParts(join(dir, 'plain', 'zh-CN', 'report.docx'))
    const after = docxParts(join(dir, 'styled', 'zh-CN', 'report.docx'))
    expect([...after.keys()]).toEqual([...before.keys()])
    for (const [part, text] of before) expect(after.get(part), part).toBe(text.replaceAll('案例总览', '总览案例'))
  })
})
