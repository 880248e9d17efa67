/** Adding a locale is adding a catalog: user catalogs in the config's templates folder, no code change. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUILTIN_TEMPLATES } from '../src/config/template-dirs.js'
import { casebook, type CliResult } from './helpers/cli.js'

const STALE = new URL('./fixtures/locale-stale/', import.meta.url).pathname
// Translations mark cases `Case N:` (or `案例N:`), whatever their language; the label printed comes from the catalog.
const FRENCH = `---
title: Trois cas d’administration en ligne
---

# Case 1: Pékin « Répondre sans attendre »
<!-- source: 863feb57e72a -->

## 1.1 Contexte

Pékin a ouvert la ligne 12345.
`
// "messages" sits on line 9, column 3: the place the missing-key warning points at.
const FRENCH_CATALOG = `{
  "rules": {
    "script": "Latn",
    "ordinal": "arabic",
    "quotes": ["«\u00a0", "\u00a0»", "“", "”"],
    "content": { "from": "translation" }
  },
  "comment": "A partial catalog: the rest falls back to en, with a warning.",
  "messages": {
    "contents": "Sommaire",
    "caseLabel": "Cas {number}",
    "caseCount": "{count, plural, one {# cas} other {# cas}}",
    "untranslated": "Non traduit"
  }
}
`

let dir: string
let result: CliResult
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'casebook-user-locale-'))
  cpSync(join(STALE, 'input.txt'), join(dir, 'input.txt'))
  writeFileSync(join(dir, 'input.fr.md'), FRENCH)
  mkdirSync(join(dir, 'tpl', 'locales'), { recursive: true })
  writeFileSync(join(dir, 'tpl', 'locales', 'zh-MO.json'), JSON.stringify({ $base: 'zh-HK', messages: { contents: '目錄一覽' } }))
  writeFileSync(join(dir, 'tpl', 'locales', 'fr.json'), FRENCH_CATALOG)
  writeFileSync(join(dir, 'casebook.yaml'), 'title: 三个案例\ndate: 2026-11-29\ntemplates: tpl\nlocales: [zh-MO, fr]\nformats: [html]\n')
  result = casebook(['build', 'input.txt', '--out', 'out'], { cwd: dir })
}, 120_000)

describe('a locale added by dropping a catalog into the templates folder', () => {
  it('builds both user locales from the config’s list', () => {
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('out/zh-MO/report.html')
    expect(result.stderr).toContain('out/fr/report.html')
  })

  it('zh-MO inherits Hong Kong conversion and Traditional labels from its base, overriding one label', () => {
    const html = readFileSync(join(dir, 'out', 'zh-MO', 'report.html'), 'utf8')
    expect(html).toContain('<html lang="zh-MO">')
    expect(html).toContain('目錄一覽')
    expect(html).toContain('案例總覽')
    expect(html).toContain('北京「接訴即辦」')
    expect(html).toContain('優化信息反饋')
  })

  it('fr takes its text from the translation beside the source, Intl dates, and en labels where its catalog has none', () => {
    const html = readFileSync(join(dir, 'out', 'fr', 'report.html'), 'utf8')
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('<title>Trois cas d’administration en ligne</title>')
    expect(html).toContain('Sommaire')
    expect(html).toContain('3 cas')
    expect(html).toContain('29 novembre 2026')
    expect(html).toContain('Pékin a ouvert la ligne 12345.')
    expect(html).toContain('<span class="case-label">Cas 1</span><span class="case-title">Pékin « Répondre sans attendre »</span>')
    // Everything the partial translation lacks is shown from the source, marked: the intro,
    // 1.2–1.4 of case 1, cases 2 and 3, and the conclusion.
    expect(html.match(/Non traduit/g)).toHaveLength(7)
    expect(html).toContain('本手册收录三个案例。')
    expect(html).toContain('快速响应')
    expect(html).toContain('Overview of the cases')
  })

  it('warns about the labels the fr catalog lacks, at its messages, and not about zh-MO', () => {
    const line = result.stderr.split('\n').find((text) => text.includes('locale-missing-key')) ?? ''
    const reference = Object.keys((JSON.parse(readFileSync(join(BUILTIN_TEMPLATES, 'locales', 'en.json'), 'utf8')) as { messages: object }).messages)
    const lacking = reference.filter((key) => !['contents', 'caseLabel', 'caseCount', 'untranslated'].includes(key))
    expect(line).toMatch(/tpl\/locales\/fr\.json:9:3 warning Catalog fr lacks \d+ labels .*; the base locale's text is used locale-missing-key$/)
    expect(line).toContain(`lacks ${lacking.length} labels ${lacking.map((key) => `“${key}”`).join(', ')};`)
    expect(result.stderr.match(/locale-missing-key/g)).toHaveLength(1)
    expect(result.stderr).not.toContain('unrecognised-heading')
    expect(result.stderr).toMatch(/input\.fr\.md:11:1 warning input\.fr\.md lacks case 2 \(上海“一网通办”\) of the source; the fr pack shows the source text, marked untranslated .*translation-missing/)
    expect(result.stderr).toMatch(/input\.fr\.md:5:1 warning Case 1 \(Pékin « Répondre sans attendre »\) lacks 1\.2 案例分析; .*translation-missing/)
  })
})

describe('a user catalog with a date format ICU rejects', () => {
  it('exits 2 naming the catalog and rules.dateFormat, and writes no pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-bad-date-'))
    cpSync(join(STALE, 'input.txt'), join(dir, 'input.txt'))
    mkdirSync(join(dir, 'tpl', 'locales'), { recursive: true })
    writeFileSync(join(dir, 'tpl', 'locales', 'fr.json'), JSON.stringify({ rules: { ...JSON.parse(FRENCH_CATALOG).rules, dateFormat: { month: 'sideways' } }, messages: {} }))
    writeFileSync(join(dir, 'casebook.yaml'), 'title: 三个案例\ndate: 2026-11-29\ntemplates: tpl\nlocales: [fr]\nformats: [html]\n')
    const bad = casebook(['build', 'input.txt', '--out', 'out'], { cwd: dir })
    expect(bad.code, bad.stderr).toBe(2)
    expect(bad.stderr).toMatch(/tpl\/locales\/fr\.json: rules\.dateFormat is not a valid date format: /)
    expect(bad.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(dir, 'out', 'fr', 'report.html'))).toBe(false)
  })
})
