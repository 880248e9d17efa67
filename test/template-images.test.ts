/** A logo in a template: relative images are embedded, so report.html stands alone and report.pdf prints them. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUILTIN_TEMPLATES } from '../src/config/template-dirs.js'
import { casebook, type CliResult } from './helpers/cli.js'
import { solidPng } from './helpers/png.js'
import { requireBrowser, run } from './helpers/tools.js'

const STALE = new URL('./fixtures/locale-stale/', import.meta.url).pathname
const LOGO = solidPng(48, [200, 30, 40])
const BAND = solidPng(24, [20, 60, 160])

let dir: string
let result: CliResult
beforeAll(() => {
  requireBrowser()
  dir = mkdtempSync(join(tmpdir(), 'casebook-logo-'))
  cpSync(join(STALE, 'input.txt'), join(dir, 'input.txt'))
  mkdirSync(join(dir, 'tpl', 'partials'), { recursive: true })
  mkdirSync(join(dir, 'tpl', 'img'))
  writeFileSync(join(dir, 'tpl', 'logo.png'), LOGO)
  writeFileSync(join(dir, 'tpl', 'img', 'band.png'), BAND)
  const cover = readFileSync(join(BUILTIN_TEMPLATES, 'partials', 'cover.hbs'), 'utf8')
  writeFileSync(join(dir, 'tpl', 'partials', 'cover.hbs'), `<img class="logo" src="logo.png" alt="" width="48" height="48">\n<img class="seal" src="seal.png" alt="">\n<img src="https://example.com/crest.png" alt="">\n${cover}`)
  const css = readFileSync(join(BUILTIN_TEMPLATES, 'report.css'), 'utf8')
  writeFileSync(join(dir, 'tpl', 'report.css'), `${css}\n.cover{border-top:12px solid;border-image:url("img/band.png") 30 round}\n.toc{background:url(missing.png)}\n`)
  writeFileSync(join(dir, 'casebook.yaml'), 'title: 三个案例\ndate: 2026-11-29\ntemplates: tpl\nformats: [html, pdf]\n')
  result = casebook(['build', 'input.txt', '--out', 'out'], { cwd: dir, env: { CI: 'true' } })
}, 180_000)

describe('images a template names by a relative path', () => {
  it('builds, warning about the images that are not there at their file:line', () => {
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toMatch(/tpl\/partials\/cover\.hbs:2:24 warning “seal\.png” is not there \(looked for .*tpl\/seal\.png\); .* template-image\n/)
    expect(result.stderr).toMatch(/tpl\/partials\/cover\.hbs:3:11 warning “https:\/\/example\.com\/crest\.png” is on the web, and the PDF's browser loads nothing from outside the page; .* template-image\n/)
    const line = readFileSync(join(BUILTIN_TEMPLATES, 'report.css'), 'utf8').split('\n').length + 2
    expect(result.stderr).toMatch(new RegExp(`tpl/report\\.css:${line}:\\d+ warning “missing\\.png” is not there .* template-image\\n`))
  })

  it('are embedded in report.html as data URIs: the page needs nothing beside it', () => {
    const html = readFileSync(join(dir, 'out', 'zh-CN', 'report.html'), 'utf8')
    expect(html).toContain(`<img class="logo" src="data:image/png;base64,${LOGO.toString('base64')}"`)
    expect(html).toContain(`url("data:image/png;base64,${BAND.toString('base64')}")`)
    expect(html).not.toContain('src="logo.png"')
  })

  it('are printed in report.pdf', () => {
    const list = run('pdfimages', ['-list', join(dir, 'out', 'zh-CN', 'report.pdf')])
    const sizes = list.split('\n').slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'))
    expect(sizes).toContain('48x48')
  })
})
