/**
 * Regenerating a pack: unchanged rebuilds write nothing, edits show up in the
 * edition notes, a killed build leaves the previous pack intact, concurrent
 * builds do not corrupt each other.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { buildPack, type ProgressEvent } from '../src/pack/build-pack.js'
import { SEED } from './helpers/cli.js'
import { stampsSourceDate } from '../src/render/registry.js'
import { FORMATS, type Format } from '../src/config/config-schema.js'

const CLI = fileURLToPath(new URL('../bin/casebook.js', import.meta.url))

/** A project folder with a copy of the seed and a config building zh-CN only. */
function project(formats = ['html']): { dir: string; source: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-regen-'))
  const source = join(dir, 'cases.txt')
  copyFileSync(SEED, source)
  writeFileSync(join(dir, 'casebook.yaml'), `title: 测试包\ndate: 2026-11-29\nlocales: [zh-CN]\nformats: [${formats.join(', ')}]\n`)
  return { dir, source, out: join(dir, 'out') }
}

/** Every file under `folder` with its sha256 and mtime. */
function snapshot(folder: string): Record<string, { sha: string; mtime: number }> {
  const result: Record<string, { sha: string; mtime: number }> = {}
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    result[path.slice(folder.length + 1)] = { sha: createHash('sha256').update(readFileSync(path)).digest('hex'), mtime: statSync(path).mtimeMs }
  }
  return result
}

describe('incremental builds', () => {
  it('rewrite nothing and render nothing when nothing changed', async () => {
    const { dir, source, out } = project()
    await buildPack({ input: source, out, cwd: dir })
    const before = snapshot(out)
    const events: ProgressEvent[] = []
    const again = await buildPack({ input: source, out, cwd: dir, onProgress: (event) => events.push(event) })
    expect(again.written).toEqual([])
    // Step timings are reported either way; nothing may be rendered or written.
    expect(events.filter((event) => event.type !== 'step').map((event) => event.type)).toEqual(['skip'])
    expect(events.filter((event) => event.type === 'step').map((event) => event.type === 'step' && event.step)).toEqual(['read, parse and check', 'localize', 'edition notes', 'write'])
    expect(snapshot(out)).toEqual(before)
    const forced = await buildPack({ input: source, out, cwd: dir, force: true })
    // Rendered again, to the same bytes: left in place, and said to be unchanged.
    expect(forced.written).toEqual([])
    expect(forced.unchanged).toContain('zh-CN/report.html')
  })

  it('rebuilds after a one-case edit and names the case in the edition notes and contents', async () => {
    const { dir, source, out } = project(['html', 'slides', 'docx'])
    await buildPack({ input: source, out, cwd: dir })
    expect(readFileSync(join(out, 'CHANGES.md'), 'utf8')).toContain('首版')
    writeFileSync(source, readFileSync(source, 'utf8').replace('苏州市积极推进智慧交通建设', '苏州市全面推进智慧交通建设'))
    const result = await buildPack({ input: source, out, cwd: dir })
    expect(result.written).toEqual(['zh-CN/report.html', 'zh-CN/slides.html', 'zh-CN/report.docx', 'zh-CN/CHANGES.md', 'CHANGES.md', 'manifest.json'])
    expect(result.changes).toEqual({
      added: [],
      removed: [],
      changed: [{ number: 7, title: '苏州“智慧交通”', sections: { added: [], removed: [], changed: ['7.1 案例背景'], moved: [] } }],
      renamed: [],
      moved: [],
      renumbered: [],
      metadata: [],
      introChanged: false,
      conclusionChanged: false,
      pending: [],
      since: { kind: 'first-build', date: expect.stringMatching(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/) },
    })
    const changes = readFileSync(join(out, 'CHANGES.md'), 'utf8')
    expect(changes).toMatch(/^# 本版更新：.*\n\n对照：.*的首次构建（尚未记录版本）。\n/)
    expect(changes).toContain('- 案例七：苏州“智慧交通”（修改的小节：7.1 案例背景）')
    const html = readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8')
    const notes = html.slice(html.indexOf('<section class="edition-notes"'), html.indexOf('</section>', html.indexOf('<section class="edition-notes"')))
    expect(notes).toContain('案例七')
    expect(notes).toContain('苏州“智慧交通”')
    expect(html.match(/toc-case"><a href="#case-7">.*?<\/a>/s)?.[0]).toContain('toc-changed')
    const deck = readFileSync(join(out, 'zh-CN', 'slides.html'), 'utf8')
    const notesSlide = deck.match(/<section class="slide kind-edition-notes.*?<\/section>/s)?.[0] ?? ''
    expect(notesSlide).toContain('案例七')
    expect(notesSlide).toContain('7.1 案例背景')
    const word = await mammoth.convertToHtml({ path: join(out, 'zh-CN', 'report.docx') })
    expect(word.value).toContain('<h1><a id="_Toc1"></a><a id="edition_notes"></a>本版更新</h1>')
    expect(word.value).toContain('<li><strong>案例七：</strong>苏州“智慧交通”（修改的小节：7.1 案例背景）</li>')
    // The same edition built again keeps its notes, so the bytes do not change.
    const again = await buildPack({ input: source, out, cwd: dir })
    expect(again.written).toEqual([])
    expect(readFileSync(join(out, 'CHANGES.md'), 'utf8')).toBe(changes)
  })

  it('compares with --since an older manifest', async () => {
    const { dir, source, out } = project()
    await buildPack({ input: source, out, cwd: dir })
    const old = join(dir, 'old-manifest.json')
    copyFileSync(join(out, 'manifest.json'), old)
    writeFileSync(source, readFileSync(source, 'utf8').replace(/十、案例十[^]*?(?=结论)/, ''))
    const result = await buildPack({ input: source, out: join(dir, 'other-out'), cwd: dir, since: old })
    expect(result.changes?.removed).toEqual([{ number: 10, title: '广州“智慧医疗”' }])
  })
})

describe('safe writes', () => {
  it('a build killed with SIGKILL mid-way leaves the previous pack byte-identical, and the next build recovers', async () => {
    const { dir, source, out } = project(['html', 'docx'])
    await buildPack({ input: source, out, cwd: dir })
    const before = snapshot(out)
    writeFileSync(source, readFileSync(source, 'utf8').replace('上海市', '上海'))
    const child = spawn(process.execPath, [CLI, 'build', source, '--out', out], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('rendering')) resolve()
      })
    })
    child.kill('SIGKILL')
    await new Promise((resolve) => child.on('exit', resolve))
    const after = snapshot(out)
    // The lock of the killed build may remain; everything else is exactly as before.
    delete after['.casebook.lock']
    expect(after).toEqual(before)
    const next = await buildPack({ input: source, out, cwd: dir })
    expect(next.written).toContain('zh-CN/report.html')
    expect(existsSync(join(out, '.casebook.lock'))).toBe(false)
  })

  it('two builds into the same folder at once both finish with a consistent pack', async () => {
    const { dir, source, out } = project(['html', 'docx'])
    const run = () =>
      new Promise<number>((resolve) => {
        spawn(process.execPath, [CLI, 'build', source, '--out', out], { cwd: dir, stdio: 'ignore' }).on('exit', (code) => resolve(code ?? -1))
      })
    expect(await Promise.all([run(), run()])).toEqual([0, 0])
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { artifacts: Array<{ path: string; sha256: string }> }
    expect(manifest.artifacts.map((artifact) => artifact.path).sort()).toEqual(['zh-CN/report.docx', 'zh-CN/report.html'])
    for (const artifact of manifest.artifacts) {
      expect(createHash('sha256').update(readFileSync(join(out, artifact.path))).digest('hex')).toBe(artifact.sha256)
    }
    expect(readdirSync(join(out, 'zh-CN')).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

describe('reproducible builds', () => {
  it('two builds of every format with the same SOURCE_DATE_EPOCH are byte-identical', async () => {
    const { dir, source } = project(['html', 'pdf', 'slides', 'handout', 'docx'])
    const previous = process.env.SOURCE_DATE_EPOCH
    process.env.SOURCE_DATE_EPOCH = '1767225600'
    try {
      const first = await buildPack({ input: source, out: join(dir, 'a'), cwd: dir })
      const second = await buildPack({ input: source, out: join(dir, 'b'), cwd: dir })
      expect(first.failures).toEqual([])
      expect(first.artifacts.map((artifact) => artifact.path).sort()).toEqual(['zh-CN/report.docx', 'zh-CN/report.html', 'zh-CN/report.pdf', 'zh-CN/slides.html', 'zh-CN/slides.pdf'])
      expect(snapshotHashes(join(dir, 'b'))).toEqual(snapshotHashes(join(dir, 'a')))
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH
      else process.env.SOURCE_DATE_EPOCH = previous
    }
  })
})

describe('a new build date alone', () => {
  it('changes the bytes only of the formats that stamp it, and leaves the others current', async () => {
    const { dir, source } = project(['html', 'pdf', 'slides', 'handout', 'docx', 'pptx'])
    const previous = process.env.SOURCE_DATE_EPOCH
    const at = async (epoch: string, out: string, formats?: Format[]) => {
      process.env.SOURCE_DATE_EPOCH = epoch
      return buildPack({ input: source, out: join(dir, out), cwd: dir, formats })
    }
    try {
      await at('1767225600', 'a')
      await at('1767312000', 'b')
      const [a, b] = [snapshotHashes(join(dir, 'a')), snapshotHashes(join(dir, 'b'))]
      const stamped = Object.fromEntries(FORMATS.map((format) => [format, stampsSourceDate[format]]))
      const artifacts: Record<string, Format> = { 'report.html': 'html', 'report.pdf': 'pdf', 'slides.html': 'slides', 'slides.pdf': 'handout', 'report.docx': 'docx', 'slides.pptx': 'pptx' }
      for (const [file, format] of Object.entries(artifacts)) {
        expect(a[`zh-CN/${file}`], file).toBeDefined()
        expect(a[`zh-CN/${file}`] !== b[`zh-CN/${file}`], `${file} changes with the date`).toBe(stamped[format])
      }
      // A build of the .docx alone with a new date: the HTML and slides built with the old one are still current;
      // the other dated formats are outdated, as they are.
      const docxOnly = await at('1767398400', 'a', ['docx'])
      const outdated = docxOnly.artifacts.filter((artifact) => artifact.outdated).map((artifact) => artifact.path.replace('zh-CN/', ''))
      expect(outdated.sort()).toEqual(Object.keys(artifacts).filter((file) => stamped[artifacts[file]] && file !== 'report.docx').sort())
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH
      else process.env.SOURCE_DATE_EPOCH = previous
    }
  })
})

function snapshotHashes(folder: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot(folder)).map(([path, { sha }]) => [path, sha]))
}
