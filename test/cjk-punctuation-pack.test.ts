/**
 * The zh-* packs print full-width punctuation in Chinese text (typography.punctuation), read back
 * as their readers' tools do (pdftotext, the .docx's XML); the source, the en pack and the
 * edition's record of the text stay as written.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { casebook, SEED } from './helpers/cli.js'
import { docxParts } from './helpers/docx-read.js'
import { requireBrowser, requireTool, run } from './helpers/tools.js'

const work = mkdtempSync(join(tmpdir(), 'casebook-cjk-pack-'))
const out = join(work, 'out')
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
let sourceBefore: string

beforeAll(() => {
  requireBrowser()
  requireTool('pdftotext')
  sourceBefore = sha(SEED)
  const result = casebook(['build', SEED, '--locale', 'zh-CN,zh-TW,en', '--format', 'html,pdf,slides,docx', '--out', out], { env: { SOURCE_DATE_EPOCH: '1700000000' } })
  expect(result.code, result.stderr).toBe(0)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const read = (path: string) => readFileSync(join(out, path), 'utf8')

describe('typography.punctuation: normalize (the default)', () => {
  it('report.pdf prints “组成部分，它直接关系到” and the title’s colon full-width, while the source is unchanged', () => {
    const text = run('pdftotext', ['-layout', join(out, 'zh-CN/report.pdf'), '-'])
    expect(text).toContain('组成部分，它直接关系到')
    expect(text).toContain('解码公共服务成功之道：十大典范案例')
    expect(text).not.toMatch(/\p{Script=Han},/u)
    expect(sha(SEED)).toBe(sourceBefore)
  })

  it('report.html, slides.html and report.docx of zh-CN print it too', () => {
    expect(read('zh-CN/report.html')).toContain('组成部分，它直接关系到')
    expect(read('zh-CN/slides.html')).toContain('组成部分，它直接关系到')
    expect(docxParts(join(out, 'zh-CN/report.docx')).get('word/document.xml')).toContain('组成部分，它直接关系到')
  })

  it('zh-TW prints full-width marks with its own quotation marks; en keeps its commas', () => {
    const taiwan = read('zh-TW/report.html')
    expect(taiwan).toContain('組成部分，它直接關係到')
    expect(taiwan).toContain('「網際網路+政務服務」，')
    const english = run('pdftotext', [join(out, 'en/report.pdf'), '-'])
    expect(english).toMatch(/[a-z], [a-z]/)
    expect(english).not.toMatch(/[，：；！？]/)
  })

  it('the edition records the source’s text: zh-CN still shows the source as written', () => {
    const manifest = JSON.parse(read('manifest.json')) as { locales: Record<string, unknown> }
    expect(manifest.locales['zh-CN']).toBe('source')
  })
})

describe('typography.punctuation: straight quotes around Chinese words', () => {
  it('zh-CN prints them “”, zh-TW 「」, with the comma after them full-width; the source keeps them', () => {
    const dir = mkdtempSync(join(work, 'quotes-'))
    const source = '引言\n他说:"水清了" ,大家都很高兴?\n一、案例一:水\n1.1 案例背景\n属性a="城市"照旧。\n'
    writeFileSync(join(dir, 'cases.txt'), source)
    const result = casebook(['build', 'cases.txt', '--locale', 'zh-CN,zh-TW', '--format', 'html,pdf'], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    const pdf = run('pdftotext', [join(dir, 'out/zh-CN/report.pdf'), '-'])
    expect(pdf).toContain('他说：“水清了”，大家都很高兴？')
    expect(readFileSync(join(dir, 'out/zh-CN/report.html'), 'utf8')).toContain('他说：“水清了”，大家都很高兴？')
    expect(readFileSync(join(dir, 'out/zh-CN/report.html'), 'utf8')).toMatch(/属性a=(&quot;|")城市(&quot;|")照旧/)
    expect(readFileSync(join(dir, 'out/zh-TW/report.html'), 'utf8')).toContain('他說：「水清了」，大家都很高興？')
    expect(readFileSync(join(dir, 'cases.txt'), 'utf8')).toBe(source)
  })
})

describe('typography.punctuation: keep', () => {
  it('prints the marks as written, and changing it changes no case in the edition notes', () => {
    const dir = mkdtempSync(join(work, 'keep-'))
    copyFileSync(SEED, join(dir, 'cases.txt'))
    writeFileSync(join(dir, 'casebook.yaml'), 'locales: [zh-CN]\nformats: [html]\ntypography:\n  punctuation: keep\n')
    expect(casebook(['build', 'cases.txt'], { cwd: dir }).code).toBe(0)
    expect(readFileSync(join(dir, 'out/zh-CN/report.html'), 'utf8')).toContain('组成部分,它直接关系到')
    copyFileSync(join(dir, 'out/manifest.json'), join(dir, 'kept.json'))
    writeFileSync(join(dir, 'casebook.yaml'), 'locales: [zh-CN]\nformats: [html]\ntypography:\n  punctuation: normalize\n')
    const again = casebook(['build', 'cases.txt', '--since', 'kept.json'], { cwd: dir })
    expect(again.code, again.stderr).toBe(0)
    expect(readFileSync(join(dir, 'out/zh-CN/report.html'), 'utf8')).toContain('组成部分，它直接关系到')
    expect(readFileSync(join(dir, 'out/zh-CN/CHANGES.md'), 'utf8')).toContain('没有变化。')
  })

  it('an unknown value is a config error naming the key', () => {
    const dir = mkdtempSync(join(work, 'bad-'))
    copyFileSync(SEED, join(dir, 'cases.txt'))
    writeFileSync(join(dir, 'casebook.yaml'), 'typography:\n  punctuation: fullwidth\n')
    const result = casebook(['build', 'cases.txt', '--format', 'html'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('typography.punctuation')
    expect(result.stderr).toContain('expected one of normalize, keep, got “fullwidth”')
  })
})
