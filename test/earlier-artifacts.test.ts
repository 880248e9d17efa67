/**
 * A build that makes fewer formats or locales than the one before keeps the earlier
 * artifacts while they still match the source, and removes them (saying so) once they
 * do not: out/ and its manifest never mix editions.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { casebook, SEED } from './helpers/cli.js'

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
const ENV = { SOURCE_DATE_EPOCH: '1767225600', CI: 'true' }

describe('artifacts of an earlier build that this one does not make', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-earlier-'))
  dirs.push(dir)
  const source = join(dir, 'cases.txt')
  writeFileSync(source, readFileSync(SEED))
  const manifestPaths = () => (JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { artifacts: Array<{ path: string }> }).artifacts.map((artifact) => artifact.path).sort()
  const build = (...args: string[]) => casebook(['build', 'cases.txt', '--out', 'out', ...args], { cwd: dir, env: ENV })

  it('are kept, and stay in the manifest, while the source is unchanged', () => {
    const first = build('--format', 'html,docx', '--locale', 'zh-CN,zh-TW')
    expect(first.code, first.stderr).toBe(0)
    const all = ['zh-CN/report.docx', 'zh-CN/report.html', 'zh-TW/report.docx', 'zh-TW/report.html']
    expect(manifestPaths()).toEqual(all)
    const preview = build('--format', 'html', '--locale', 'zh-CN')
    expect(preview.code, preview.stderr).toBe(0)
    expect(preview.stderr).not.toMatch(/removed/)
    expect(manifestPaths()).toEqual(all)
    for (const path of all) expect(existsSync(join(dir, 'out', path))).toBe(true)
  })

  it('are removed, with a line each, once the source changes', () => {
    writeFileSync(source, readFileSync(source, 'utf8').replace('上海市作为', '上海市作为中国'))
    const preview = build('--format', 'html', '--locale', 'zh-CN')
    expect(preview.code, preview.stderr).toBe(0)
    for (const path of ['zh-CN/report.docx', 'zh-TW/report.docx', 'zh-TW/report.html']) {
      expect(preview.stderr).toContain(`removed out/${path} (from an earlier edition`)
      expect(existsSync(join(dir, 'out', path))).toBe(false)
    }
    expect(existsSync(join(dir, 'out', 'zh-TW'))).toBe(false)
    expect(manifestPaths()).toEqual(['zh-CN/report.html'])
    expect(readFileSync(join(dir, 'out', 'zh-CN', 'report.html'), 'utf8')).toContain('上海市作为中国')
  })
})

describe('an artifact this build could not make (its browser failed)', () => {
  it('is not left from the earlier edition beside the new one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-earlier-'))
    dirs.push(dir)
    const source = join(dir, 'cases.txt')
    writeFileSync(source, readFileSync(SEED))
    const build = (...args: string[]) => casebook(['build', 'cases.txt', '--out', 'out', '--locale', 'zh-CN', ...args], { cwd: dir, env: ENV })
    const first = build('--format', 'html,pdf')
    expect(first.code, first.stderr).toBe(0)
    expect(existsSync(join(dir, 'out', 'zh-CN', 'report.pdf'))).toBe(true)
    writeFileSync(source, readFileSync(source, 'utf8').replace('上海市作为', '上海市作为中国'))
    // A program that is no browser: the PDF cannot be made, the HTML can.
    const second = build('--format', 'html,pdf', '--browser-path', '/bin/ls')
    expect(second.code, second.stderr).toBe(3)
    expect(second.stderr).toContain('removed out/zh-CN/report.pdf (from an earlier edition')
    expect(existsSync(join(dir, 'out', 'zh-CN', 'report.pdf'))).toBe(false)
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { artifacts: Array<{ path: string }> }
    expect(manifest.artifacts.map((artifact) => artifact.path)).toEqual(['zh-CN/report.html'])
    expect(readFileSync(join(dir, 'out', 'zh-CN', 'report.html'), 'utf8')).toContain('上海市作为中国')
  })
})

