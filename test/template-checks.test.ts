/** A designer's template mistakes, each named at the designer's own file and line; a build goes on where it can. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUILTIN_TEMPLATES } from '../src/config/template-dirs.js'
import { casebook, type CliResult } from './helpers/cli.js'

const STALE = new URL('./fixtures/locale-stale/', import.meta.url).pathname
const builtin = (name: string) => readFileSync(join(BUILTIN_TEMPLATES, name), 'utf8')

/** A document folder with `tpl/` holding `files` (name → text), built with `formats`. */
function project(files: Record<string, string>, formats = 'html'): string {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-tpl-check-'))
  cpSync(join(STALE, 'input.txt'), join(dir, 'input.txt'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'tpl', name, '..'), { recursive: true })
    writeFileSync(join(dir, 'tpl', name), text)
  }
  writeFileSync(join(dir, 'casebook.yaml'), `title: 三个案例\ndate: 2026-11-29\ntemplates: tpl\nformats: [${formats}]\n`)
  return dir
}

const build = (dir: string): CliResult => casebook(['build', 'input.txt', '--out', 'out'], { cwd: dir })

describe('a slide size casebook cannot read, after one it can', () => {
  it('is a warning at its line in the designer’s slides.css, even for a slides-only build', () => {
    const css = `${builtin('slides.css')}\n:root {\n  --slide-text-size: 26px;\n  --slide-text-size: 2.2rem;\n}\n`
    const line = css.split('\n').length - 2
    const result = build(project({ 'slides.css': css }, 'slides'))
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain(`tpl/slides.css:${line}:3 warning --slide-text-size is not a plain px, em or % value; the slides are filled for casebook's --slide-text-size instead, which the browser does not use template-css`)
    expect(result.stderr).not.toMatch(/out\/zh-CN\/slides\.html:\d+:\d+ warning/)
  }, 120_000)
})

describe('mistakes that leave a page to render: warnings at the line', () => {
  let dir: string
  let result: CliResult
  beforeAll(() => {
    dir = project({
      'partials/cover.hbs': builtin('partials/cover.hbs').replace('{{title}}', '{{tittle}}'),
      'partials/toc.hbs': builtin('partials/toc.hbs').replace('{{t "contents"}}', '{{t "contnets"}}'),
      'report.css': 'body{color:#222}\n.cover{color:blue\n.case{margin:0}\n',
      'report.hsb': '',
      'notes.txt': '',
      'locales/zh-CN.jsn': '{}',
    })
    result = build(dir)
  }, 120_000)

  it('builds anyway (exit 0) and says what it saw', () => {
    expect(result.code, result.stderr).toBe(0)
  })

  it('names a variable no view has at its file:line, with the one meant', () => {
    expect(result.stderr).toMatch(/tpl\/partials\/cover\.hbs:3:29 warning “tittle” is no variable here; did you mean “title”\? \(there are: .*\); it renders as nothing template-unknown-variable\n/)
  })

  it('names a label no catalog has', () => {
    expect(result.stderr).toMatch(/tpl\/partials\/toc\.hbs:2:\d+ warning \{\{t "contnets"\}\}: no catalog has the label “contnets”; did you mean “contents”\?.* template-unknown-label\n/)
  })

  it('names a CSS syntax error at its line, read by lightningcss', () => {
    expect(result.stderr).toMatch(/tpl\/report\.css:2:\d+ warning CSS: .*; a browser skips what follows up to the end of the rule or block template-css\n/)
  })

  it('names each file casebook never reads, with the name it was likely meant to have', () => {
    expect(result.stderr).toMatch(/tpl\/report\.hsb:1:1 warning casebook reads no file named report\.hsb in the templates folder, so it changes nothing; did you mean report\.hbs\? .* template-unused-file\n/)
    expect(result.stderr).toContain('casebook reads no file named notes.txt')
    expect(result.stderr).toContain('casebook reads no file named locales/zh-CN.jsn')
  })

  it('says nothing about casebook’s own templates', () => {
    expect(result.stderr).not.toContain(BUILTIN_TEMPLATES)
  })
})

describe('mistakes no page survives: config errors (exit 2) in words, at the user’s line', () => {
  it('a missing partial is named at its include, in the user’s file', () => {
    const dir = project({ 'partials/cover.hbs': `${builtin('partials/cover.hbs')}\n{{> logo}}\n` })
    const result = build(dir)
    expect(result.code, result.stderr).toBe(2)
    const lines = builtin('partials/cover.hbs').split('\n').length + 1
    expect(result.stderr).toContain(`tpl/partials/cover.hbs:${lines}:1: {{> logo}} includes a partial there is no file for (partials/logo.hbs)`)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('an unclosed block is a sentence naming the block and its line', () => {
    const dir = project({ 'report.hbs': builtin('report.hbs').replace('{{#if conclusion}}{{> frame conclusion kind="conclusion"}}{{/if}}', '{{#if conclusion}}{{> frame conclusion kind="conclusion"}}') })
    const result = build(dir)
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toMatch(/tpl\/report\.hbs:\d+: template syntax error: \{\{#if\}\} is never closed: add \{\{\/if\}\} where the block ends\n/)
    expect(result.stderr).not.toContain('OPEN_ENDBLOCK')
  })

  it('a stray closing tag and blocks closed out of order are sentences too', () => {
    const stray = build(project({ 'partials/cover.hbs': `{{/each}}\n${builtin('partials/cover.hbs')}` }))
    expect(stray.code).toBe(2)
    expect(stray.stderr).toContain('tpl/partials/cover.hbs:1: template syntax error: {{/each}} closes a block that was never opened')
    const crossed = build(project({ 'partials/cover.hbs': `${builtin('partials/cover.hbs')}\n{{#if title}}{{#each cases}}{{/if}}{{/each}}\n` }))
    expect(crossed.code).toBe(2)
    expect(crossed.stderr).toMatch(/template syntax error: \{\{#each\}\} \(line \d+\) is closed by \{\{\/if\}\}: blocks close in the order they open/)
  })
})
