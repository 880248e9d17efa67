/**
 * Bookkeeping: a build that makes fewer formats or locales than the one before keeps the others
 * in out/ and in the manifest, marks those the source has moved past as outdated, lists files that
 * belong to no part of the pack, and `--clean` removes both. A format's key covers only the
 * templates it reads, and a result with the same bytes is reported unchanged, not written.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BUILTIN_TEMPLATES } from '../src/config/template-dirs.js'
import { casebook, SEED } from './helpers/cli.js'

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
const ENV = { SOURCE_DATE_EPOCH: '1767225600', CI: 'true' }

interface Entry {
  path: string
  outdated?: boolean
}
interface ManifestShape {
  artifacts: Entry[]
  strays: string[]
}

function project(): { dir: string; source: string; manifest: () => ManifestShape; build: (...args: string[]) => ReturnType<typeof casebook> } {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-earlier-'))
  dirs.push(dir)
  const source = join(dir, 'cases.txt')
  writeFileSync(source, readFileSync(SEED))
  return {
    dir,
    source,
    manifest: () => JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as ManifestShape,
    build: (...args: string[]) => casebook(['build', 'cases.txt', '--out', 'out', ...args], { cwd: dir, env: ENV }),
  }
}

describe('artifacts of an earlier build that this one does not make', () => {
  const { dir, source, manifest, build } = project()
  const all = ['zh-CN/report.docx', 'zh-CN/report.html', 'zh-TW/report.docx', 'zh-TW/report.html']
  const paths = () => manifest().artifacts.map((artifact) => artifact.path).sort()

  it('stay in the manifest, current, while the source is unchanged', () => {
    const first = build('--format', 'html,docx', '--locale', 'zh-CN,zh-TW')
    expect(first.code, first.stderr).toBe(0)
    expect(paths()).toEqual(all)
    const preview = build('--format', 'html', '--locale', 'zh-CN')
    expect(preview.code, preview.stderr).toBe(0)
    expect(preview.stderr).not.toMatch(/outdated|removed|stray/)
    expect(paths()).toEqual(all)
    expect(manifest().artifacts.some((artifact) => artifact.outdated)).toBe(false)
  })

  it('stay in the manifest, marked outdated with a line each, once the source changes; each locale keeps its notes', () => {
    writeFileSync(source, readFileSync(source, 'utf8').replace('上海市作为', '上海市作为中国'))
    const preview = build('--format', 'html', '--locale', 'zh-CN')
    expect(preview.code, preview.stderr).toBe(0)
    for (const path of ['zh-CN/report.docx', 'zh-TW/report.docx', 'zh-TW/report.html']) {
      expect(preview.stderr).toContain(`outdated out/${path}: made from earlier inputs (the source, a translation, the templates or the edition notes) and not rebuilt`)
      expect(existsSync(join(dir, 'out', path))).toBe(true)
    }
    expect(paths()).toEqual(all)
    expect(manifest().artifacts.filter((artifact) => artifact.outdated).map((artifact) => artifact.path).sort()).toEqual(['zh-CN/report.docx', 'zh-TW/report.docx', 'zh-TW/report.html'])
    // The zh-TW notes are still those of the zh-TW pack that is there; out/CHANGES.md stays in the document's language.
    expect(readFileSync(join(dir, 'out', 'zh-TW', 'CHANGES.md'), 'utf8')).toContain('首版')
    expect(readFileSync(join(dir, 'out', 'CHANGES.md'), 'utf8')).toContain('修改案例')
  })

  it('are current again once rebuilt, and lists strays that --clean removes with the outdated', () => {
    const zhTW = build('--format', 'html', '--locale', 'zh-TW')
    expect(zhTW.code, zhTW.stderr).toBe(0)
    expect(manifest().artifacts.find((artifact) => artifact.path === 'zh-TW/report.html')?.outdated).toBeUndefined()
    expect(readFileSync(join(dir, 'out', 'zh-TW', 'CHANGES.md'), 'utf8')).toContain('修改案例')
    mkdirSync(join(dir, 'out', 'de'))
    writeFileSync(join(dir, 'out', 'de', 'report.html'), 'an earlier pack')
    writeFileSync(join(dir, 'out', 'briefing-pack-de.zip'), 'an old zip')
    writeFileSync(join(dir, 'out', '.gitignore'), '*\n')
    const listed = build('--format', 'html', '--locale', 'zh-CN')
    expect(listed.stderr).toContain('stray out/briefing-pack-de.zip: not part of the pack (--clean removes it)')
    expect(listed.stderr).toContain('stray out/de/report.html')
    expect(manifest().strays).toEqual(['briefing-pack-de.zip', 'de/report.html'])
    const cleaned = build('--format', 'html', '--locale', 'zh-CN', '--clean')
    expect(cleaned.code, cleaned.stderr).toBe(0)
    for (const path of ['briefing-pack-de.zip', 'de/report.html', 'zh-CN/report.docx', 'zh-TW/report.docx']) {
      expect(cleaned.stderr).toContain(`removed out/${path}`)
      expect(existsSync(join(dir, 'out', path))).toBe(false)
    }
    expect(existsSync(join(dir, 'out', 'de'))).toBe(false)
    expect(existsSync(join(dir, 'out', '.gitignore'))).toBe(true)
    expect(paths()).toEqual(['zh-CN/report.html', 'zh-TW/report.html'])
    expect(manifest().strays).toEqual([])
  })
})

describe('an artifact this build could not make (its browser failed)', () => {
  it('stays in the pack, marked outdated, and is left out of the zip', () => {
    const { dir, source, manifest, build } = project()
    const first = build('--format', 'html,pdf', '--locale', 'zh-CN')
    expect(first.code, first.stderr).toBe(0)
    writeFileSync(source, readFileSync(source, 'utf8').replace('上海市作为', '上海市作为中国'))
    // A program that is no browser: the PDF cannot be made, the HTML can.
    const second = build('--format', 'html,pdf', '--locale', 'zh-CN', '--browser-path', '/bin/ls')
    expect(second.code, second.stderr).toBe(3)
    expect(second.stderr).toContain('outdated out/zh-CN/report.pdf')
    expect(manifest().artifacts.map((artifact) => [artifact.path, artifact.outdated ?? false])).toEqual([
      ['zh-CN/report.html', false],
      ['zh-CN/report.pdf', true],
    ])
    const zipped = casebook(['pack', 'cases.txt', '--out', 'out', '--format', 'html', '--locale', 'zh-CN'], { cwd: dir, env: ENV })
    expect(zipped.code, zipped.stderr).toBe(0)
    expect(zipped.stderr).toContain('packed out/briefing-pack-zh-CN.zip (without zh-CN/report.pdf: outdated)')
    const zip = readFileSync(join(dir, 'out', 'briefing-pack-zh-CN.zip')).toString('latin1')
    expect(zip).toContain('briefing-pack-zh-CN/report.html')
    expect(zip).toContain('briefing-pack-zh-CN/CHANGES.md')
    expect(zip).not.toContain('report.pdf')
  })
})

describe('zips of an earlier pack', () => {
  it('are outdated once their artifacts change, written anew by pack, and removed by --clean', () => {
    const { dir, source, manifest, build } = project()
    const pack = () => casebook(['pack', 'cases.txt', '--out', 'out', '--format', 'html', '--locale', 'zh-CN,zh-TW'], { cwd: dir, env: ENV })
    expect(pack().code).toBe(0)
    const zips = () => (manifest() as unknown as { zips: Array<{ path: string; outdated?: boolean }> }).zips
    expect(zips()).toEqual([expect.objectContaining({ path: 'briefing-pack-zh-CN.zip' }), expect.objectContaining({ path: 'briefing-pack-zh-TW.zip' })])
    expect(zips().some((zip) => zip.outdated)).toBe(false)
    writeFileSync(source, readFileSync(source, 'utf8').replace('上海市作为', '上海市作为中国'))
    const edited = build('--format', 'html', '--locale', 'zh-CN')
    expect(edited.stderr).toContain('outdated out/briefing-pack-zh-CN.zip: zipped from artifacts this build replaced')
    // zh-TW was not rebuilt: its artifacts are outdated, and so is the zip of them.
    expect(zips().filter((zip) => zip.outdated).map((zip) => zip.path)).toEqual(['briefing-pack-zh-CN.zip', 'briefing-pack-zh-TW.zip'])
    expect(pack().stderr).toContain('packed out/briefing-pack-zh-CN.zip')
    expect(zips().some((zip) => zip.outdated)).toBe(false)
    writeFileSync(source, readFileSync(source, 'utf8').replace('上海市作为中国', '上海市作为'))
    build('--format', 'html', '--locale', 'zh-CN')
    const cleaned = build('--format', 'html', '--locale', 'zh-CN', '--clean')
    expect(cleaned.stderr.match(/^removed out\/briefing-pack-zh-CN\.zip$/gm)).toHaveLength(1)
    expect(existsSync(join(dir, 'out', 'briefing-pack-zh-CN.zip'))).toBe(false)
    expect(zips().map((zip) => zip.path)).toEqual([])
  })
})

describe("a format's key covers only the templates it reads", () => {
  it('a byte-for-byte copy of the templates rebuilds nothing; an edit to report.css rebuilds the report, not the .docx or the slides', () => {
    const { dir, build } = project()
    const templates = join(dir, 'house')
    writeFileSync(join(dir, 'casebook.yaml'), 'templates: house\n')
    mkdirSync(templates)
    const first = build('--format', 'html,docx,slides', '--locale', 'zh-CN')
    expect(first.code, first.stderr).toBe(0)
    const mtime = (name: string) => statSync(join(dir, 'out', 'zh-CN', name)).mtimeMs
    const before = ['report.html', 'report.docx', 'slides.html'].map(mtime)
    cpSync(BUILTIN_TEMPLATES, templates, { recursive: true })
    const copied = build('--format', 'html,docx,slides', '--locale', 'zh-CN')
    expect(copied.code, copied.stderr).toBe(0)
    expect(copied.stderr).not.toMatch(/rendering|wrote/)
    writeFileSync(join(templates, 'report.css'), readFileSync(join(templates, 'report.css'), 'utf8') + '\nh1 { letter-spacing: 0.02em; }\n')
    const edited = build('--format', 'html,docx,slides', '--locale', 'zh-CN')
    expect(edited.code, edited.stderr).toBe(0)
    expect(edited.stderr).toMatch(/^rendering zh-CN html$/m)
    expect(edited.stderr).not.toMatch(/rendering zh-CN (docx|slides)/)
    expect(edited.stderr).toMatch(/^wrote out\/zh-CN\/report\.html /m)
    const after = ['report.html', 'report.docx', 'slides.html'].map(mtime)
    expect(after[0]).toBeGreaterThan(before[0])
    expect(after.slice(1)).toEqual(before.slice(1))
  })
})
