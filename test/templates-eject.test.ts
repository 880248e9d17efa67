/** `casebook templates eject`: a folder to edit that, named in casebook.yaml unchanged, builds the very same pack. */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { listFiles } from '../src/code-fingerprint.js'
import { BUILTIN_TEMPLATES } from '../src/config/template-dirs.js'
import { casebook, type CliResult } from './helpers/cli.js'
import { requireBrowser } from './helpers/tools.js'

const STALE = new URL('./fixtures/locale-stale/', import.meta.url).pathname
const CONFIG = 'title: 三个案例\ndate: 2026-11-29\nlocales: [zh-CN, en]\nformats: [html, pdf, slides, docx]\n'

let dir: string
let ejected: CliResult
beforeAll(() => {
  requireBrowser()
  dir = mkdtempSync(join(tmpdir(), 'casebook-eject-'))
  cpSync(join(STALE, 'input.txt'), join(dir, 'input.txt'))
  ejected = casebook(['templates', 'eject', 'house'], { cwd: dir })
}, 120_000)

describe('casebook templates eject', () => {
  it('copies every template, stylesheet and catalog, and says how to use them', async () => {
    expect(ejected.code, ejected.stderr).toBe(0)
    const names = (await listFiles(BUILTIN_TEMPLATES)).map((path) => path.slice(BUILTIN_TEMPLATES.length)).sort()
    for (const name of names) {
      expect(ejected.stdout).toContain(`wrote house/${name}\n`)
      expect(readFileSync(join(dir, 'house', name), 'utf8')).toBe(readFileSync(join(BUILTIN_TEMPLATES, name), 'utf8'))
    }
    expect(ejected.stdout).toContain('\ntemplates: house\n')
  })

  it('refuses to overwrite a file already there (exit 2), copying nothing, unless --force', () => {
    writeFileSync(join(dir, 'house', 'report.css'), 'body{color:red}\n')
    const again = casebook(['templates', 'eject', 'house'], { cwd: dir })
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/^casebook: house already has .*; nothing was copied\. Pass --force to overwrite them/)
    expect(readFileSync(join(dir, 'house', 'report.css'), 'utf8')).toBe('body{color:red}\n')
    const forced = casebook(['templates', 'eject', 'house', '--force'], { cwd: dir })
    expect(forced.code, forced.stderr).toBe(0)
    expect(readFileSync(join(dir, 'house', 'report.css'), 'utf8')).toBe(readFileSync(join(BUILTIN_TEMPLATES, 'report.css'), 'utf8'))
  })

  it('defaults to templates/', () => {
    const other = mkdtempSync(join(tmpdir(), 'casebook-eject-default-'))
    const result = casebook(['templates', 'eject'], { cwd: other })
    expect(result.code, result.stderr).toBe(0)
    expect(existsSync(join(other, 'templates', 'report.hbs'))).toBe(true)
    expect(result.stdout).toContain('\ntemplates: templates\n')
  })

  it('named in casebook.yaml, builds every artifact byte for byte as casebook’s own templates do, with no warning', () => {
    writeFileSync(join(dir, 'casebook.yaml'), CONFIG)
    const plain = casebook(['build', 'input.txt', '--out', 'plain'], { cwd: dir, env: { CI: 'true' } })
    expect(plain.code, plain.stderr).toBe(0)
    writeFileSync(join(dir, 'casebook.yaml'), `${CONFIG}templates: house\n`)
    const house = casebook(['build', 'input.txt', '--out', 'styled'], { cwd: dir, env: { CI: 'true' } })
    expect(house.code, house.stderr).toBe(0)
    expect(house.stderr).not.toContain('template-')
    for (const locale of ['zh-CN', 'en']) {
      const names = readdirSync(join(dir, 'plain', locale)).sort()
      expect(names).toEqual(expect.arrayContaining(['report.html', 'report.pdf', 'slides.html', 'report.docx']))
      expect(readdirSync(join(dir, 'styled', locale)).sort()).toEqual(names)
      for (const name of names) expect(readFileSync(join(dir, 'styled', locale, name)).equals(readFileSync(join(dir, 'plain', locale, name))), `${locale}/${name}`).toBe(true)
    }
  })
})
