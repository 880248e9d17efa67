/**
 * Nothing a user names is passed over in silence: empty or repeated list items,
 * a browser path that leads nowhere, a locale in another spelling or none at all,
 * a config value that cannot be used. Each ends in a plain message that says where.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../src/browser/find-browser.js'
import { loadConfig } from '../src/config/load-config.js'
import { ConfigError, UsageError } from '../src/errors.js'
import { canonicalLocaleCode, catalogLocales } from '../src/config/locale-code.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { BUILTIN_TEMPLATES } from '../src/config/template-dirs.js'
import { casebook } from './helpers/cli.js'

const STACK = /\n\s+at /
const OUTLINE = '一、案例一:上海\n1.1 案例背景\n内容\n1.2 案例分析\n- 要点:内容\n1.3 案例启示\n经验值得推广。\n'
const BUILT_IN = ['en', 'en-GB', 'en-US', 'zh-CN', 'zh-HK', 'zh-TW']

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A folder holding cases.txt and, if given, a casebook.yaml. */
function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-explicit-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'cases.txt'), OUTLINE)
  if (config !== undefined) writeFileSync(join(dir, 'casebook.yaml'), config)
  return dir
}

/** `casebook build cases.txt --out out …` in `dir`: a usage or config error must leave out/ unmade. */
function build(dir: string, args: string[], env?: NodeJS.ProcessEnv) {
  const result = casebook(['build', 'cases.txt', '--out', 'out', ...args], { cwd: dir, env })
  expect(result.stderr).not.toMatch(STACK)
  return result
}

function written(dir: string): string[] {
  return existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')).sort() : []
}

describe('--format and --locale', () => {
  const refused: Array<{ args: string[]; message: string }> = [
    { args: ['--format', ''], message: 'casebook: --format is empty; name at least one of html, pdf, slides, handout, docx, pptx' },
    { args: ['--format', ' '], message: 'casebook: --format is empty; name at least one of html, pdf, slides, handout, docx, pptx' },
    { args: ['--format', 'html,,docx'], message: 'casebook: --format “html,,docx” has an empty item; separate items with single commas' },
    { args: ['--format', 'html,'], message: 'casebook: --format “html,” has an empty item; separate items with single commas' },
    { args: ['--format', 'html,docx,html'], message: 'casebook: --format names html twice' },
    { args: ['--format', 'html', '--format', 'HTML'], message: 'casebook: --format names html twice' },
    { args: ['--format', 'htm'], message: 'casebook: Unknown format “htm”; choose from html, pdf, slides, handout, docx, pptx' },
    { args: ['--locale', ''], message: 'casebook: --locale is empty; name at least one locale, such as zh-CN, zh-TW or en' },
    { args: ['--locale', 'zh-CN,'], message: 'casebook: --locale “zh-CN,” has an empty item; separate items with single commas' },
    { args: ['--locale', 'zh-CN,zh-cn'], message: 'casebook: --locale names zh-CN twice' },
    { args: ['--locale', 'zh CN'], message: 'casebook: --locale: “zh CN” is not a locale code (such as zh-CN, zh-TW or en)' },
  ]
  for (const { args, message } of refused) {
    it(`${args.map((arg) => JSON.stringify(arg)).join(' ')}: a usage error, exit 2, nothing built`, () => {
      const dir = project()
      const result = build(dir, args[0] === '--format' ? args : ['--format', 'html', ...args])
      expect(result.code).toBe(2)
      expect(result.stderr.trim()).toBe(message)
      expect(written(dir)).toEqual([])
    })
  }

  it('an empty path (--out, --config, --since, INPUT) or address (--port, --host) is a usage error, not the working directory, a default or no setting', () => {
    const dir = project()
    const runs: Array<{ args: string[]; message: string }> = [
      { args: ['build', 'cases.txt', '--format', 'html', '--out', ''], message: 'casebook: --out is empty; name a path' },
      { args: ['build', 'cases.txt', '--format', 'html', '--config', ''], message: 'casebook: --config is empty; name a path' },
      { args: ['build', 'cases.txt', '--format', 'html', '--since', ' '], message: 'casebook: --since is empty; name an edition, a file or a git revision' },
      { args: ['build', 'cases.txt', '--format', 'html', '--since', 'v1', '--since', 'v2'], message: 'casebook: --since is given twice (v1, then v2); give it once' },
      { args: ['build', 'cases.txt', '--format', 'html', '-o', 'a', '--out', 'b'], message: 'casebook: --out is given twice (a, then b); give it once' },
      { args: ['build', 'cases.txt', '--format', 'html', '--edition', ''], message: 'casebook: --edition is empty; name the edition (such as v2)' },
      { args: ['build', '', '--format', 'html'], message: 'casebook: INPUT is empty; name a path' },
      { args: ['check', 'cases.txt', ''], message: 'casebook: INPUT is empty; name a path' },
      { args: ['ast', 'cases.txt', '--config', ''], message: 'casebook: --config is empty; name a path' },
      { args: ['serve', 'cases.txt', '--port', ''], message: 'casebook: --port is empty; name a port number' },
      { args: ['serve', 'cases.txt', '--host', ''], message: 'casebook: --host is empty; name an address' },
    ]
    for (const { args, message } of runs) {
      const result = casebook(args, { cwd: dir })
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr.trim()).toBe(message)
      expect(readdirSync(dir).sort()).toEqual(['cases.txt'])
    }
  })

  it('an unknown locale lists the locales there are, the templates folder’s own among them', () => {
    const dir = project('templates: house\n')
    mkdirSync(join(dir, 'house', 'locales'), { recursive: true })
    writeFileSync(join(dir, 'house', 'locales', 'fr-CA.json'), '{"$base": "en"}\n')
    const result = build(dir, ['--format', 'html', '--locale', 'klingon'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`No catalog for locale “klingon”; the locales there are: ${['en', 'en-GB', 'en-US', 'fr-CA', 'zh-CN', 'zh-HK', 'zh-TW'].join(', ')}`)
    expect(written(dir)).toEqual([])
  })

  it('formats and locales in any case, locales with _ too, are the ones they name: out/zh-CN and out/en', () => {
    const dir = project()
    const result = build(dir, ['--format', 'HTML', '--locale', 'ZH_cn,EN'])
    expect(result.code).toBe(0)
    expect(written(dir)).toEqual(['CHANGES.md', 'en', 'manifest.json', 'zh-CN'])
    expect(existsSync(join(dir, 'out', 'zh-CN', 'report.html'))).toBe(true)
    expect(existsSync(join(dir, 'out', 'en', 'report.html'))).toBe(true)
  })

  it('locale codes are put in BCP 47 casing, and what is no code is refused', () => {
    expect(['zh-cn', 'ZH_CN', 'EN', 'en-gb', 'zh-hant-tw', ' zh-TW '].map(canonicalLocaleCode)).toEqual(['zh-CN', 'zh-CN', 'en', 'en-GB', 'zh-Hant-TW', 'zh-TW'])
    expect(['', 'zh CN', '中文', 'zh-', '-en', 'e'].map(canonicalLocaleCode)).toEqual([null, null, null, null, null, null])
  })

  it('a build’s locales can be checked before anything is made: catalog spellings back, or the list there is', () => {
    const dir = project()
    mkdirSync(join(dir, 'locales'))
    writeFileSync(join(dir, 'locales', 'fr-CA.json'), '{"$base": "en"}\n')
    expect(catalogLocales(['zh-cn', 'EN', 'fr_ca'], [dir, BUILTIN_TEMPLATES])).toEqual(['zh-CN', 'en', 'fr-CA'])
    expect(() => catalogLocales(['zh-CN', 'klingon'], [BUILTIN_TEMPLATES])).toThrow(new UsageError(`No catalog for locale “klingon”; the locales there are: ${BUILT_IN.join(', ')} (another needs its catalog, locales/klingon.json, in the folder the config's “templates” names)`))
  })

  it('a catalog file is found whatever the case of its name', async () => {
    const dir = project()
    mkdirSync(join(dir, 'locales'))
    writeFileSync(join(dir, 'locales', 'fr-CA.json'), '{"$base": "en", "messages": {"contents": "Sommaire"}}\n')
    const locale = await loadLocale('fr-ca', [dir, BUILTIN_TEMPLATES])
    expect(locale.file).toBe(join(dir, 'locales', 'fr-CA.json'))
    expect(locale.t('contents')).toBe('Sommaire')
    await expect(loadLocale('xx', [dir, BUILTIN_TEMPLATES])).rejects.toThrow(new UsageError(`No catalog for locale “xx”; the locales there are: ${[...BUILT_IN.slice(0, 3), 'fr-CA', ...BUILT_IN.slice(3)].join(', ')} (another needs its catalog, locales/xx.json, in the folder the config's “templates” names)`))
  })
})

describe('the browser', () => {
  it('--browser-path naming nothing is refused at once, whatever the formats: exit 2, nothing built', () => {
    const dir = project()
    writeFileSync(join(dir, 'notes.txt'), 'not a program\n')
    mkdirSync(join(dir, 'folder'))
    const cases = [
      { path: join(dir, 'no-such-chrome'), problem: 'does not exist' },
      { path: join(dir, 'folder'), problem: 'is a folder, not a program' },
      { path: join(dir, 'notes.txt'), problem: 'is not executable' },
    ]
    for (const { path, problem } of cases) {
      const result = build(dir, ['--format', 'html', '--browser-path', path])
      expect(result.code).toBe(2)
      expect(result.stderr.trim()).toBe(`casebook: --browser-path ${path}: the path ${problem}. Name a Chrome or Chromium executable.`)
      expect(written(dir)).toEqual([])
    }
  })

  it('browser.path in the config naming nothing is a config error naming the file and key', () => {
    const dir = project('browser:\n  path: ./no-such-chrome\n')
    const result = build(dir, ['--format', 'html'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${join(dir, 'casebook.yaml')}: config key “browser.path”: ${join(dir, 'no-such-chrome')} does not exist`)
    expect(written(dir)).toEqual([])
  })

  it('CHROME_PATH naming nothing is refused when a browser is needed, not passed over for another', () => {
    const dir = project()
    const result = build(dir, ['--format', 'html,pdf', '--locale', 'zh-CN'], { CHROME_PATH: join(dir, 'no-such-chrome'), PUPPETEER_EXECUTABLE_PATH: '' })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`casebook: CHROME_PATH names ${join(dir, 'no-such-chrome')}, which does not exist.`)
    expect(written(dir)).toEqual([])
    // A build that needs no browser does not judge the environment's browser.
    const html = build(dir, ['--format', 'html', '--locale', 'zh-CN'], { CHROME_PATH: join(dir, 'no-such-chrome') })
    expect(html.code).toBe(0)
    expect(written(dir)).toEqual(['CHANGES.md', 'manifest.json', 'zh-CN'])
  })

  it('the first browser named decides: --browser-path (or browser.path), then CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH', () => {
    const dir = project()
    const fake = (name: string) => {
      const path = join(dir, name)
      writeFileSync(path, '#!/bin/sh\n')
      chmodSync(path, 0o755)
      return path
    }
    const [flag, chrome, puppeteer] = [fake('flag-chrome'), fake('env-chrome'), fake('puppeteer-chrome')]
    const search = { CASEBOOK_BROWSER_SEARCH: 'explicit' }
    expect(findBrowser(flag, { ...search, CHROME_PATH: chrome, PUPPETEER_EXECUTABLE_PATH: puppeteer }, 'linux')).toBe(flag)
    expect(findBrowser(undefined, { ...search, CHROME_PATH: chrome, PUPPETEER_EXECUTABLE_PATH: puppeteer }, 'linux')).toBe(chrome)
    expect(findBrowser(undefined, { ...search, CHROME_PATH: '', PUPPETEER_EXECUTABLE_PATH: puppeteer }, 'linux')).toBe(puppeteer)
    expect(() => findBrowser(join(dir, 'gone'), { ...search, CHROME_PATH: chrome }, 'linux')).toThrow(UsageError)
    expect(() => findBrowser({ path: join(dir, 'gone'), from: 'browser.path in casebook.yaml' }, { ...search, CHROME_PATH: chrome }, 'linux')).toThrow(
      `browser.path in casebook.yaml names ${join(dir, 'gone')}, which does not exist.`,
    )
    expect(() => findBrowser(undefined, { ...search, CHROME_PATH: '', PUPPETEER_EXECUTABLE_PATH: dir }, 'linux')).toThrow(`PUPPETEER_EXECUTABLE_PATH names ${dir}, which is a folder, not a program.`)
  })
})

describe('config values', () => {
  const refused: Array<{ name: string; yaml: string; key: string; says: string | RegExp }> = [
    { name: 'a lang with no catalog, when it is the locale built', yaml: 'lang: klingon\n', key: 'lang', says: `no catalog for “klingon”, the locale built when the config has no \`locales\`; the locales there are: ${BUILT_IN.join(', ')}` },
    { name: 'a lang that is no language code', yaml: 'lang: 中文\n', key: 'lang', says: '“中文” is not a language code; use one such as zh-CN, zh-TW or en' },
    { name: 'a locale with no catalog', yaml: 'locales: [zh-CN, fr]\n', key: 'locales', says: `no catalog for “fr” (item 2); the locales there are: ${BUILT_IN.join(', ')}` },
    { name: 'a locale listed twice in two spellings', yaml: 'locales: [zh-CN, zh_cn]\n', key: 'locales', says: 'zh-CN is listed twice' },
    { name: 'a format listed twice', yaml: 'formats: [html, docx, html]\n', key: 'formats', says: 'html is listed twice' },
    { name: 'a templates folder that is not there', yaml: 'templates: house\n', key: 'templates', says: /\/house does not exist$/ },
    { name: 'a templates “folder” that is a file', yaml: 'templates: cases.txt\n', key: 'templates', says: /\/cases\.txt is not a folder$/ },
    { name: 'a reference document that is not there', yaml: 'docx:\n  referenceDoc: house.docx\n', key: 'docx.referenceDoc', says: /\/house\.docx does not exist$/ },
  ]
  for (const { name, yaml, key, says } of refused) {
    it(`${name}: a config error naming the file and key “${key}”`, async () => {
      const dir = project(yaml)
      const file = join(dir, 'casebook.yaml')
      const error = await loadConfig(file).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ConfigError)
      const message = (error as ConfigError).message
      expect(message.startsWith(`${file}: config key “${key}”: `)).toBe(true)
      if (typeof says === 'string') expect(message).toBe(`${file}: config key “${key}”: ${says}`)
      else expect(message).toMatch(says)
    })
  }

  it('through the CLI: exit 2 with the message, for check as for build', () => {
    const dir = project('lang: klingon\n')
    for (const args of [['check', 'cases.txt'], ['build', 'cases.txt', '--format', 'html']]) {
      const result = casebook(args, { cwd: dir })
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`${join(dir, 'casebook.yaml')}: config key “lang”: no catalog for “klingon”`)
      expect(result.stderr).not.toMatch(STACK)
    }
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('locale codes in the config are matched whatever their case; a source language needs no catalog when locales are named', async () => {
    const dir = project('lang: ZH_cn\nlocales: [EN, zh-tw]\n')
    const config = await loadConfig(join(dir, 'casebook.yaml'))
    expect(config.lang).toBe('zh-CN')
    expect(config.locales).toEqual(['en', 'zh-TW'])
    writeFileSync(join(dir, 'casebook.yaml'), 'lang: fr\nlocales: [en]\n')
    expect((await loadConfig(join(dir, 'casebook.yaml'))).lang).toBe('fr')
  })
})

describe('front matter lang', () => {
  it('is matched whatever its case; what is no language code is a located front-matter error', () => {
    const dir = project()
    writeFileSync(join(dir, 'cases.md'), '---\ntitle: 案例集\nlang: zh_cn\n---\n\n# 案例一:上海\n## 1.1 案例背景\n内容\n')
    const ast = casebook(['ast', 'cases.md'], { cwd: dir })
    expect(ast.code).toBe(0)
    expect(JSON.parse(ast.stdout).data.lang).toBe('zh-CN')
    writeFileSync(join(dir, 'cases.md'), '---\ntitle: 案例集\nlang: 简体中文\n---\n\n# 案例一:上海\n## 1.1 案例背景\n内容\n')
    const check = casebook(['check', 'cases.md'], { cwd: dir })
    expect(check.code).toBe(1)
    expect(check.stdout).toContain('cases.md:3:7 error Front matter lang: “简体中文” is not a language code; use one such as zh-CN, zh-TW or en front-matter')
  })
})
