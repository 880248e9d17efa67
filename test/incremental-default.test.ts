/**
 * Incremental by default: a document without a date, built without SOURCE_DATE_EPOCH,
 * takes today's day (midnight UTC) as its date, so rebuilding it unchanged on the same
 * day writes nothing and starts no browser, and the date moves only when the day does.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildPack, type ProgressEvent } from '../src/pack/build-pack.js'
import { sourceDate } from '../src/pack/source-date.js'
import { watchPack, type WatchHandle } from '../src/watch/watch-pack.js'
import { docxParts } from './helpers/docx-read.js'
import { SEED } from './helpers/cli.js'
import { requireBrowser } from './helpers/tools.js'
import { WatchRecorder } from './helpers/watch-recorder.js'

const CLI = fileURLToPath(new URL('../bin/casebook.js', import.meta.url))

/** A project with a copy of the seed and a config that gives no date. */
function project(config = 'title: 无日期的简报\nlocales: [zh-CN]\n'): { dir: string; source: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-undated-'))
  const source = join(dir, 'cases.txt')
  copyFileSync(SEED, source)
  writeFileSync(join(dir, 'casebook.yaml'), config)
  return { dir, source, out: join(dir, 'out') }
}

/** Every file under `folder`: its bytes' hash, size and mtime. */
function snapshot(folder: string): Record<string, { sha: string; size: number; mtime: number }> {
  const result: Record<string, { sha: string; size: number; mtime: number }> = {}
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const bytes = readFileSync(path)
    result[path.slice(folder.length + 1)] = { sha: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mtime: statSync(path).mtimeMs }
  }
  return result
}

interface Manifest {
  sourceDate: string
  artifacts: Array<{ path: string; key: string; sha256: string }>
}
const manifest = (out: string): Manifest => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
const keys = (out: string) => Object.fromEntries(manifest(out).artifacts.map((artifact) => [artifact.path, artifact.key]))
const utcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())).toISOString()

/** `casebook build` as a user runs it, without SOURCE_DATE_EPOCH, output as plain lines. */
function build(dir: string, args: string[]): { code: number; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' }
  delete env.SOURCE_DATE_EPOCH
  const result = spawnSync(process.execPath, [CLI, 'build', 'cases.txt', '--out', 'out', ...args], { cwd: dir, env, encoding: 'utf8' })
  return { code: result.status ?? -1, output: result.stdout + result.stderr }
}

/** Waits until the wall clock is in a later second than `after` (ms), so a timestamp to the second would differ. */
async function nextSecond(after: number): Promise<void> {
  while (Math.floor(Date.now() / 1000) <= Math.floor(after / 1000)) await new Promise((resolve) => setTimeout(resolve, 50))
}

describe('a document without a date, built twice with the CLI', () => {
  it('writes nothing the second time and starts no browser; every file keeps its bytes and mtime', async () => {
    requireBrowser()
    const { dir, out } = project()
    const all = ['--format', 'html,pdf,slides,handout,docx', '--timings']
    // A build pair that crosses midnight UTC rightly rebuilds; then the pair runs again.
    for (let attempt = 1; ; attempt++) {
      const dayBefore = utcDay(new Date())
      const first = build(dir, all)
      expect(first.code, first.output).toBe(0)
      expect(first.output).toMatch(/timing +\d+ ms {2}browser launch/)
      const before = snapshot(out)
      expect(Object.keys(before).sort()).toEqual(['CHANGES.md', 'manifest.json', 'zh-CN/CHANGES.md', 'zh-CN/report.docx', 'zh-CN/report.html', 'zh-CN/report.pdf', 'zh-CN/slides.html', 'zh-CN/slides.pdf'])
      const docx = readFileSync(join(out, 'zh-CN', 'report.docx'))

      // The old default stamped the time to the second; make sure a second has passed.
      await nextSecond(Date.now())
      const second = build(dir, all)
      const dayAfter = utcDay(new Date())
      if (dayAfter !== dayBefore && attempt === 1) continue
      expect(second.code, second.output).toBe(0)
      expect(second.output).toContain('5 artifacts unchanged in out/')
      for (const format of ['html', 'pdf', 'slides', 'handout', 'docx']) expect(second.output).toContain(`unchanged zh-CN ${format}`)
      expect(second.output).not.toMatch(/^(wrote|rendering) /m)
      // --timings was on (the parse is timed) but no browser was launched.
      expect(second.output).toMatch(/timing +\d+ ms {2}read, parse and check/)
      expect(second.output).not.toContain('browser launch')
      expect(snapshot(out)).toEqual(before)
      expect(readFileSync(join(out, 'zh-CN', 'report.docx')).equals(docx)).toBe(true)
      // The date is the day, at midnight UTC.
      expect(manifest(out).sourceDate).toBe(dayBefore)
      expect(docxParts(join(out, 'zh-CN', 'report.docx')).get('docProps/core.xml')).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${dayBefore.replace('.000Z', 'Z')}</dcterms:created>`)
      break
    }
  })

  it('gives the same keys and bytes when forced, and the same keys from another folder: nothing else in a key varies by run', async () => {
    requireBrowser()
    const { dir, out } = project()
    for (let attempt = 1; ; attempt++) {
      const dayBefore = utcDay(new Date())
      expect(build(dir, ['--format', 'html,pdf,slides,handout,docx']).code).toBe(0)
      const first = manifest(out)
      await nextSecond(Date.now())
      const forced = build(dir, ['--format', 'html,pdf,slides,handout,docx', '--force'])
      expect(forced.code, forced.output).toBe(0)
      // Rendered again to the same bytes, so not rewritten: each is said to be unchanged.
      expect(forced.output).toMatch(/^unchanged out\/zh-CN\/report.pdf \(rebuilt: the same bytes\)$/m)
      expect(forced.output).not.toMatch(/^wrote /m)
      const other = project()
      expect(build(other.dir, ['--format', 'html,pdf,slides,handout,docx']).code).toBe(0)
      if (utcDay(new Date()) !== dayBefore && attempt === 1) continue
      // Every artifact, the PDFs included, the same bytes under the same key.
      expect(manifest(out)).toEqual(first)
      expect(keys(other.out)).toEqual(keys(out))
      expect(manifest(other.out).artifacts.map((artifact) => artifact.sha256)).toEqual(first.artifacts.map((artifact) => artifact.sha256))
      break
    }
  })
})

describe('the implicit date is the day of `now`', () => {
  let saved: string | undefined
  beforeEach(() => {
    saved = process.env.SOURCE_DATE_EPOCH
    delete process.env.SOURCE_DATE_EPOCH
  })
  afterEach(() => {
    if (saved !== undefined) process.env.SOURCE_DATE_EPOCH = saved
  })

  it('sourceDate is midnight UTC of the day, whatever the time of day', () => {
    const at = (iso: string) => sourceDate(undefined, {}, new Date(iso)).toISOString()
    expect(at('2026-03-01T00:00:00.000Z')).toBe('2026-03-01T00:00:00.000Z')
    expect(at('2026-03-01T12:34:56.789Z')).toBe('2026-03-01T00:00:00.000Z')
    expect(at('2026-03-01T23:59:59.999Z')).toBe('2026-03-01T00:00:00.000Z')
    expect(at('2026-03-02T00:00:00.000Z')).toBe('2026-03-02T00:00:00.000Z')
    expect(at('2028-02-29T18:00:00+08:00')).toBe('2028-02-29T00:00:00.000Z')
    // A document date or SOURCE_DATE_EPOCH makes the clock irrelevant.
    expect(sourceDate('2026-01-15', {}, new Date('2026-03-01T12:00:00Z')).toISOString()).toBe('2026-01-15T00:00:00.000Z')
    expect(sourceDate(undefined, { SOURCE_DATE_EPOCH: '1767225600' }, new Date('2026-03-01T12:00:00Z')).toISOString()).toBe('2026-01-01T00:00:00.000Z')
  })

  it('a build crossing midnight: the same day rewrites nothing, the next day rebuilds with the new date', async () => {
    const { dir, source, out } = project('title: 无日期的简报\nlocales: [zh-CN]\nformats: [html, docx]\n')
    const at = (iso: string) => () => new Date(iso)
    const created = () => /<dcterms:created[^>]*>([^<]*)</.exec(docxParts(join(out, 'zh-CN', 'report.docx')).get('docProps/core.xml') ?? '')?.[1]

    await buildPack({ input: source, out, cwd: dir, now: at('2026-03-01T00:00:00.000Z') })
    expect(manifest(out).sourceDate).toBe('2026-03-01T00:00:00.000Z')
    expect(created()).toBe('2026-03-01T00:00:00Z')
    const before = snapshot(out)

    const events: ProgressEvent[] = []
    const late = await buildPack({ input: source, out, cwd: dir, now: at('2026-03-01T23:59:59.999Z'), onProgress: (event) => events.push(event) })
    expect(late.written).toEqual([])
    expect(events.filter((event) => event.type !== 'step').map((event) => event.type)).toEqual(['skip', 'skip'])
    expect(snapshot(out)).toEqual(before)

    const nextEvents: ProgressEvent[] = []
    const next = await buildPack({ input: source, out, cwd: dir, now: at('2026-03-02T00:00:00.000Z'), onProgress: (event) => nextEvents.push(event) })
    // The .docx renders again with the new date; the HTML carries no date, so it is still current and is not rendered.
    expect(next.written.sort()).toEqual(['manifest.json', 'zh-CN/report.docx'])
    expect(next.unchanged).toEqual([])
    expect(nextEvents.filter((event) => event.type === 'skip').map((event) => 'format' in event && event.format)).toEqual(['html'])
    expect(next.artifacts.filter((artifact) => artifact.outdated)).toEqual([])
    expect(manifest(out).sourceDate).toBe('2026-03-02T00:00:00.000Z')
    expect(created()).toBe('2026-03-02T00:00:00Z')

    const noon = await buildPack({ input: source, out, cwd: dir, now: at('2026-03-02T12:00:00.000Z') })
    expect(noon.written).toEqual([])
  })

  it('with a date in the config, the day of the build plays no part', async () => {
    const { dir, source, out } = project('title: 有日期的简报\ndate: 2026-01-15\nlocales: [zh-CN]\nformats: [html, docx]\n')
    await buildPack({ input: source, out, cwd: dir, now: () => new Date('2026-03-01T12:00:00Z') })
    expect(manifest(out).sourceDate).toBe('2026-01-15T00:00:00.000Z')
    const later = await buildPack({ input: source, out, cwd: dir, now: () => new Date('2027-07-07T12:00:00Z') })
    expect(later.written).toEqual([])
  })
})

describe('watch', () => {
  const handles: WatchHandle[] = []
  let saved: string | undefined
  beforeEach(() => {
    saved = process.env.SOURCE_DATE_EPOCH
    delete process.env.SOURCE_DATE_EPOCH
  })
  afterEach(async () => {
    await Promise.all(handles.splice(0).map((handle) => handle.close()))
    if (saved !== undefined) process.env.SOURCE_DATE_EPOCH = saved
  })

  it('gets it for free: a rebuild of an unchanged undated document writes nothing until the day changes', async () => {
    const { dir, source, out } = project('title: 无日期的简报\nlocales: [zh-CN]\nformats: [html, docx]\n')
    let clock = '2026-03-01T08:00:00.000Z'
    const recorder = new WatchRecorder()
    handles.push(await watchPack({ input: source, out, config: join(dir, 'casebook.yaml'), cwd: dir, now: () => new Date(clock), onEvent: recorder.onEvent }))
    const first = await recorder.next('build-done', 0)
    expect(first.event.result.written).toContain('zh-CN/report.docx')
    const before = snapshot(out)
    const text = readFileSync(source)

    clock = '2026-03-01T23:59:59.000Z'
    let mark = recorder.mark()
    writeFileSync(source, text) // saved again, unchanged
    const same = await recorder.next(['build-done', 'build-error'], mark)
    expect(same.event.type).toBe('build-done')
    expect(same.event.type === 'build-done' && same.event.result.written).toEqual([])
    expect(snapshot(out)).toEqual(before)

    clock = '2026-03-02T00:00:01.000Z'
    mark = recorder.mark()
    writeFileSync(source, text)
    const nextDay = await recorder.next(['build-done', 'build-error'], mark)
    expect(nextDay.event.type === 'build-done' && nextDay.event.result.written.sort()).toEqual(['manifest.json', 'zh-CN/report.docx'])
    expect(manifest(out).sourceDate).toBe('2026-03-02T00:00:00.000Z')
  })
})
