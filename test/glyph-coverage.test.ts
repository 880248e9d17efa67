/**
 * `glyph-missing`: a character none of the fonts a pack embeds has is named at its place, once per
 * file, by `check` and by a build of a format that embeds fonts, for each pack after its script
 * conversion. The fonts' own character maps decide: Noto Serif TC's slices list 🎉 in a
 * unicode-range, yet have no glyph for it.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { casebook } from './helpers/cli.js'

const require = createRequire(import.meta.url)
const SOURCE = ['引言', '庆祝🎉成功，罕见字𪚥与常见字，还有 café 与 cafe\u0301。', '一、案例一：甲', '1.1 案例背景', '又一个🎉和👍，以及 ĉ 与葛\u{E0100}，零宽连接 👩\u200d💻。', ''].join('\n')

const glyphLines = (output: string) => output.split('\n').filter((line) => line.endsWith(' glyph-missing'))

describe('glyph-missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-glyphs-'))
  writeFileSync(join(dir, 'cases.txt'), SOURCE)

  it('names each character no embedded font has, once per file, at its first place; not spaces, joiners or selectors', () => {
    const result = casebook(['check', 'cases.txt'], { cwd: dir })
    const named = glyphLines(result.stdout).map((line) => /^cases\.txt:(\d+):(\d+) warning “(.+)” \(U\+([0-9A-F]+)\)/u.exec(line)?.slice(1))
    // Where each is first, as line and column (UTF-16 units, as every rule counts them).
    const lines = SOURCE.split('\n')
    const firstPlace = (character: string) => {
      const line = lines.findIndex((text) => text.includes(character))
      return [String(line + 1), String(lines[line]!.indexOf(character) + 1), character, character.codePointAt(0)!.toString(16).toUpperCase()]
    }
    expect(named).toEqual(['🎉', '𪚥', '👍', '👩', '💻'].map(firstPlace))
    expect(glyphLines(result.stdout)[0]).toContain('is in none of the fonts the zh-CN pack embeds (Noto Serif, Noto Serif SC): a PDF shows it')
    expect(result.code).toBe(0)
  })

  it('is a build warning for formats that embed fonts, and none for Word alone', () => {
    const html = casebook(['build', 'cases.txt', '--format', 'html', '--locale', 'zh-CN', '--out', 'out-html'], { cwd: dir })
    expect(html.code, html.stderr).toBe(0)
    expect(glyphLines(html.stderr)).toHaveLength(5)
    const docx = casebook(['build', 'cases.txt', '--format', 'docx', '--locale', 'zh-CN', '--out', 'out-docx'], { cwd: dir })
    expect(docx.code, docx.stderr).toBe(0)
    expect(glyphLines(docx.stderr)).toEqual([])
  })

  it('judges each pack by its own fonts, after its script conversion, and only the words it prints', () => {
    const traditional = mkdtempSync(join(tmpdir(), 'casebook-glyphs-tw-'))
    writeFileSync(
      join(traditional, 'tw.md'),
      ['---', 'title: 繁體案例集', 'lang: zh-TW', '---', '# 案例一：嘐嘐鄉的改革', '## 1.1 背景', '鄉長說：「我們要改革。」村民喢喢議論。見 [連結](https://example.com/🚀/䶮)。', '<!-- 備註：🚀 待核實 䶮 -->', ''].join('\n'),
    )
    const result = casebook(['build', 'tw.md', '--format', 'html', '--locale', 'zh-TW,zh-CN'], { cwd: traditional })
    expect(result.code, result.stderr).toBe(0)
    const named = glyphLines(result.stderr).map((line) => /“(.+)” \(U\+[0-9A-F]+\) is in none of the fonts the (\S+) pack embeds/u.exec(line)?.slice(1))
    // Noto Serif SC lacks 嘐 and 喢, which a zh-CN pack prints as they are; 鄉 it prints as 乡, which it has.
    expect(named).toEqual([
      ['嘐', 'zh-CN'],
      ['喢', 'zh-CN'],
    ])
  })

  it('names ten characters of a file, then counts the rest in one message', () => {
    const sparse = mkdtempSync(join(tmpdir(), 'casebook-glyphs-sparse-'))
    writeFileSync(join(sparse, 'cases.txt'), SOURCE)
    // A Latin font named as the CJK face: it has no hanzi at all.
    copyFileSync(join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files', 'noto-sans-sc-latin-400-normal.woff2'), join(sparse, 'latin.woff2'))
    writeFileSync(join(sparse, 'casebook.yaml'), 'brand:\n  fonts:\n    body:\n      cjk: latin.woff2\n')
    const lines = glyphLines(casebook(['check', 'cases.txt'], { cwd: sparse }).stdout)
    expect(lines).toHaveLength(11)
    expect(lines[10]).toMatch(/warning \d+ more characters, “.” here the first, are in none of the fonts the zh-CN pack embeds \(Noto Serif, latin\): is a font in brand\.fonts one without them\? glyph-missing$/u)
  })

  it('is a config error (exit 2), not an internal one, when a brand font file is cut short', () => {
    const cut = mkdtempSync(join(tmpdir(), 'casebook-glyphs-cut-'))
    writeFileSync(join(cut, 'cases.txt'), SOURCE)
    const whole = readFileSync(join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files', 'noto-sans-sc-latin-400-normal.woff2'))
    writeFileSync(join(cut, 'cut.woff2'), whole.subarray(0, 12))
    writeFileSync(join(cut, 'casebook.yaml'), 'brand:\n  fonts:\n    body:\n      latin: cut.woff2\n')
    for (const args of [['check', 'cases.txt'], ['build', 'cases.txt', '--format', 'html', '--locale', 'zh-CN']]) {
      const result = casebook(args, { cwd: cut })
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr).toMatch(/The brand's font file .*cut\.woff2 cannot be read as a font .*name a whole \.ttf, \.otf, \.woff or \.woff2 file in brand\.fonts/)
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /)
    }
  })

  it('counts a brand font: a Latin face of the brand’s own replaces Noto Serif in the reckoning', () => {
    const branded = mkdtempSync(join(tmpdir(), 'casebook-glyphs-brand-'))
    writeFileSync(join(branded, 'cases.txt'), SOURCE)
    // Noto Sans SC's latin slice as the brand's Latin face: it has é but not ĉ, which of casebook's fonts only Noto Serif has.
    copyFileSync(join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files', 'noto-sans-sc-latin-400-normal.woff2'), join(branded, 'house.woff2'))
    writeFileSync(join(branded, 'casebook.yaml'), 'brand:\n  fonts:\n    body:\n      latin: house.woff2\n')
    const result = casebook(['check', 'cases.txt'], { cwd: branded })
    const characters = glyphLines(result.stdout).map((line) => /“(.+)” \(U\+/u.exec(line)?.[1])
    expect(characters).toContain('ĉ')
    expect(glyphLines(casebook(['check', 'cases.txt'], { cwd: dir }).stdout).join('\n')).not.toContain('ĉ')
    expect(characters).toContain('🎉')
    expect(glyphLines(result.stdout)[0]).not.toContain('Noto Serif,')
  })
})
