/**
 * Hostile and broken input: markup stays text in every artifact, and each
 * kind of broken input gets a clear message and the right exit code, never a
 * stack trace or a partial artifact.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { casebook } from './helpers/cli.js'
import { openPage, startBrowser } from './helpers/browser.js'

const scratch = () => mkdtempSync(join(tmpdir(), 'casebook-hard-'))
const STACK = /\n\s+at .+:\d+:\d+/

const HOSTILE = [
  '引言',
  '<script>window.pwned = 1</script>{{constructor.constructor "return 1"}}',
  '一、案例一:<img src=x onerror="window.pwned=2">{{title}}',
  '1.1 案例背景',
  '<iframe src="javascript:window.pwned=3"></iframe> & &amp; {{{raw}}}',
  '1.2 案例分析',
  '- <b onmouseover="window.pwned=4">标签</b>:<svg onload="window.pwned=5">内容</svg>',
  '1.3 案例启示',
  '"></style><script>window.pwned=6</script>',
  '结论',
  '${process.exit(1)} </body></html>',
].join('\n')

let session: BrowserSession
beforeAll(async () => {
  session = await startBrowser()
})
afterAll(async () => {
  await session?.close()
})

describe('markup in the source', () => {
  it('stays text in report.html, slides.html and report.docx; no script runs', async () => {
    const dir = scratch()
    const input = join(dir, 'hostile.txt')
    writeFileSync(input, HOSTILE)
    const out = join(dir, 'out')
    const result = casebook(['build', input, '--format', 'html,slides,docx', '--locale', 'zh-CN', '--out', out])
    expect(result.code).toBe(0)
    for (const name of ['report.html', 'slides.html']) {
      const { page } = await openPage(session.browser, pathToFileURL(join(out, 'zh-CN', name)).href)
      try {
        const seen = await page.evaluate(() => ({
          pwned: (window as unknown as { pwned?: number }).pwned ?? null,
          injected: document.querySelectorAll('img, iframe, svg[onload], [onerror], [onmouseover], [onload]').length,
          text: document.body.textContent ?? '',
        }))
        expect(seen.pwned, name).toBeNull()
        expect(seen.injected, name).toBe(0)
        expect(seen.text, name).toContain('<img src=x onerror="window.pwned=2">{{title}}')
      } finally {
        await page.close()
      }
    }
    const docx = await mammoth.extractRawText({ path: join(out, 'zh-CN', 'report.docx') })
    expect(docx.value).toContain('<script>window.pwned = 1</script>{{constructor.constructor "return 1"}}')
    expect(docx.value).toContain('<iframe src="javascript:window.pwned=3"></iframe> & &amp; {{{raw}}}')
  })
})

describe('broken input', () => {
  const cases: Array<{ name: string; bytes: Buffer | string; file: string; code: number; message: RegExp }> = [
    { name: 'invalid UTF-8 (a GBK file)', file: 'gbk.txt', bytes: Buffer.from([0xd2, 0xfd, 0xd1, 0xd4, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2]), code: 1, message: /gbk\.txt:1:1 error Invalid UTF-8: .*GB18030.* invalid-utf8/ },
    { name: 'NUL characters', file: 'nul.txt', bytes: '一、案例一:甲\u0000乙\n1.1 背景\n内容\n', code: 1, message: /nul\.txt:1:8 error Unexpected control character U\+0000.* control-character/ },
    { name: 'deeply nested Markdown', file: 'deep.md', bytes: '# 案例一:深\n\n' + '>'.repeat(5000) + ' 文本\n', code: 1, message: /deep\.md:3:1 error Markdown nested too deeply.* markdown-too-deep/ },
    { name: 'a file with no cases', file: 'empty.txt', bytes: '只有一段文字。\n', code: 1, message: /empty\.txt:1:1 error No cases found/ },
  ]
  for (const { name, file, bytes, code, message } of cases) {
    it(`${name}: a located message, exit ${code}, nothing written`, () => {
      const dir = scratch()
      writeFileSync(join(dir, file), bytes)
      const out = join(dir, 'out')
      const result = casebook(['build', join(dir, file), '--format', 'html,docx', '--locale', 'zh-CN', '--out', out])
      expect(result.code).toBe(code)
      expect(result.stderr).toMatch(message)
      expect(result.stderr).not.toMatch(STACK)
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([])
    })
  }

  it('a huge line and a 10 MB input build, with no stack trace', () => {
    const dir = scratch()
    const huge = join(dir, 'huge.txt')
    const body = ['一、案例一:长', '1.1 案例背景', '长'.repeat(1_000_000), '1.2 案例分析', '- 要点:内容', '1.3 案例启示', '启示。']
    const parts = [body.join('\n') + '\n']
    let bytes = Buffer.byteLength(parts[0])
    for (let n = 2; bytes < 10 * 1024 * 1024; n++) {
      parts.push(`${n}、案例${n}:城市${n}\n${n}.1 案例背景\n${'背景文字。'.repeat(60)}\n${n}.2 案例分析\n- 要点:内容\n${n}.3 案例启示\n启示。\n`)
      bytes += Buffer.byteLength(parts.at(-1)!)
    }
    writeFileSync(huge, parts.join(''))
    const result = casebook(['build', huge, '--format', 'html', '--locale', 'zh-CN', '--out', join(dir, 'out')])
    expect(result.stderr).not.toMatch(STACK)
    expect(result.code).toBe(0)
    expect(readFileSync(join(dir, 'out', 'zh-CN', 'report.html'), 'utf8')).toContain('长'.repeat(1000))
  })

  it('a template with a syntax error names the template file and line, exit 2', () => {
    const dir = scratch()
    mkdirSync(join(dir, 'templates', 'partials'), { recursive: true })
    writeFileSync(join(dir, 'templates', 'partials', 'cover.hbs'), '<header>\n<h1>{{title}</h1>\n</header>\n')
    writeFileSync(join(dir, 'casebook.yaml'), 'title: 模板\ntemplates: templates\n')
    writeFileSync(join(dir, 'cases.txt'), '一、案例一:甲\n1.1 案例背景\n内容\n1.2 案例分析\n- 要点:内容\n1.3 案例启示\n启示\n')
    const result = casebook(['build', 'cases.txt', '--format', 'html', '--locale', 'zh-CN'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/templates\/partials\/cover\.hbs:2: template syntax error/)
    expect(result.stderr).not.toMatch(STACK)
    expect(existsSync(join(dir, 'out', 'zh-CN'))).toBe(false)
  })

  it('a malformed or missing config names the file and key, exit 2', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.txt'), '一、案例一:甲\n')
    writeFileSync(join(dir, 'bad.yaml'), 'title: [unclosed\n')
    const malformed = casebook(['build', 'cases.txt', '--config', 'bad.yaml'], { cwd: dir })
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toMatch(/bad\.yaml: cannot read config/)
    writeFileSync(join(dir, 'typed.yaml'), 'page:\n  size: A5\n')
    const wrong = casebook(['build', 'cases.txt', '--config', 'typed.yaml'], { cwd: dir })
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('config key “page.size”')
    const missing = casebook(['build', 'cases.txt', '--config', 'nowhere.yaml'], { cwd: dir })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Config file not found: nowhere.yaml')
    for (const result of [malformed, wrong, missing]) expect(result.stderr).not.toMatch(STACK)
  })
})
