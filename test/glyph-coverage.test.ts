/**
 * `glyph-missing`: a character none of the fonts a pack embeds has is named at its place, once per
 * file, by `check` and by a build of a format that embeds fonts. The fonts' own character maps
 * decide: Noto Serif TC's slices list 🎉 in a unicode-range, yet have no glyph for it.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
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
    expect(glyphLines(result.stdout)[0]).toContain('is in none of the fonts the pack embeds (Noto Serif, Noto Serif SC, Noto Serif TC)')
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
