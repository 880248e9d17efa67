/** `watchPack`: rebuilds on edits, debounced and one at a time; content errors keep the last good pack. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { debounceSerial } from '../src/watch/debounce-serial.js'
import { planWatch } from '../src/watch/watch-plan.js'
import { watchPack, type WatchHandle } from '../src/watch/watch-pack.js'
import { copyFixture, WatchRecorder } from './helpers/watch-recorder.js'

const handles: WatchHandle[] = []
afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.close()))
})

function caseTitles(html: string): string[] {
  return [...html.matchAll(/<span class="case-title">([^<]*)<\/span>/g)].map((match) => match[1])
}

function manifest(out: string): { inputs: Array<{ sha256: string }>; artifacts: Array<{ path: string; sha256: string }> } {
  return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
}

describe('watchPack', () => {
  it('builds at once, rebuilds after an edit, and keeps the last good pack through a content error', async () => {
    const fixture = copyFixture('watch-three-cases')
    const recorder = new WatchRecorder()
    handles.push(await watchPack({ input: fixture.input, out: fixture.out, config: fixture.config, cwd: fixture.dir, onEvent: recorder.onEvent }))
    await recorder.next('build-done', 0)
    const report = join(fixture.out, 'zh-CN', 'report.html')
    expect(caseTitles(readFileSync(report, 'utf8'))).toEqual(['苏州“一网通办”', '宁波“民生e点通”', '厦门“城市书房”'])
    const firstInput = manifest(fixture.out).inputs[0].sha256

    const source = readFileSync(fixture.input, 'utf8')
    let mark = recorder.mark()
    writeFileSync(fixture.input, source.replace('宁波“民生e点通”', '宁波“民生e点通”二期'))
    const done = await recorder.next(['build-done', 'build-error'], mark)
    expect(done.event.type).toBe('build-done')
    expect(caseTitles(readFileSync(report, 'utf8'))[1]).toBe('宁波“民生e点通”二期')
    expect(manifest(fixture.out).inputs[0].sha256).not.toBe(firstInput)
    expect(manifest(fixture.out).artifacts.map((artifact) => artifact.path)).toEqual(['zh-CN/report.html'])

    const good = readFileSync(report)
    const goodManifest = readFileSync(join(fixture.out, 'manifest.json'))
    mark = recorder.mark()
    writeFileSync(fixture.input, source.replace('三、案例三', '二、案例二'))
    const failed = await recorder.next(['build-done', 'build-error'], mark)
    expect(failed.event.type).toBe('build-error')
    expect(failed.event.type === 'build-error' && failed.event.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('case-number-duplicate')
    expect(readFileSync(report).equals(good)).toBe(true)
    expect(readFileSync(join(fixture.out, 'manifest.json')).equals(goodManifest)).toBe(true)
    expect(recorder.maxConcurrent).toBe(1)
  })

  it('folds two quick edits into at most two builds, never running two at once, and ends on the last edit', async () => {
    const fixture = copyFixture('watch-three-cases')
    const recorder = new WatchRecorder()
    handles.push(await watchPack({ input: fixture.input, out: fixture.out, config: fixture.config, cwd: fixture.dir, onEvent: recorder.onEvent }))
    await recorder.next('build-done', 0)
    const handle = handles[0]

    const source = readFileSync(fixture.input, 'utf8')
    const mark = recorder.mark()
    writeFileSync(fixture.input, source.replace('厦门“城市书房”', '厦门“城市书房”甲'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    writeFileSync(fixture.input, source.replace('厦门“城市书房”', '厦门“城市书房”乙'))
    await recorder.next('build-done', mark)
    await handle.idle()
    const builds = recorder.startsSince(mark)
    expect(builds).toBeGreaterThanOrEqual(1)
    expect(builds).toBeLessThanOrEqual(2)
    expect(recorder.maxConcurrent).toBe(1)
    expect(caseTitles(readFileSync(join(fixture.out, 'zh-CN', 'report.html'), 'utf8'))[2]).toBe('厦门“城市书房”乙')
  })

  it('rebuilds when the config changes', async () => {
    const fixture = copyFixture('watch-three-cases')
    const recorder = new WatchRecorder()
    handles.push(await watchPack({ input: fixture.input, out: fixture.out, config: fixture.config, cwd: fixture.dir, onEvent: recorder.onEvent }))
    await recorder.next('build-done', 0)
    const mark = recorder.mark()
    writeFileSync(fixture.config, readFileSync(fixture.config, 'utf8').replace('三城公共服务速览', '三城公共服务速览(修订)'))
    const done = await recorder.next('build-done', mark)
    expect(done.event.type === 'build-done' && done.event.result.written).toContain('zh-CN/report.html')
    // The title's brackets as the zh-CN pack prints them: full-width (typography.punctuation).
    expect(readFileSync(join(fixture.out, 'zh-CN', 'report.html'), 'utf8')).toContain('<title>三城公共服务速览（修订）</title>')
  })
})

describe('planWatch', () => {
  it('watches the source, its translations, its pictures, the config and the templates, but not the output or other files', async () => {
    const fixture = copyFixture('watch-three-cases')
    const plan = await planWatch({ input: fixture.input, out: join(fixture.dir, 'src', 'out'), config: fixture.config, cwd: fixture.dir })
    const folder = join(fixture.dir, 'src')
    expect(plan.roots).toEqual([folder])
    expect(plan.isRelevant(folder)).toBe(true)
    expect(plan.isRelevant(fixture.input)).toBe(true)
    expect(plan.isRelevant(join(folder, 'input.en.md'))).toBe(true)
    expect(plan.isRelevant(fixture.config)).toBe(true)
    expect(plan.isRelevant(join(folder, 'notes.txt'))).toBe(false)
    expect(plan.isRelevant(join(folder, 'other.en.md'))).toBe(false)
    expect(plan.isRelevant(join(folder, 'out', 'zh-CN', 'report.html'))).toBe(false)
    expect(plan.isRelevant(join(folder, 'node_modules'))).toBe(false)
    // Pictures a figure may show, beside the source or in a folder below it.
    expect(plan.isRelevant(join(folder, 'chart.png'))).toBe(true)
    expect(plan.isRelevant(join(folder, 'images'))).toBe(true)
    expect(plan.isRelevant(join(folder, 'images', 'photo.JPG'))).toBe(true)
    expect(plan.isRelevant(join(folder, 'data.csv'))).toBe(false)
  })
})

describe('debounceSerial', () => {
  it('runs once for a burst, and once more (not concurrently) for triggers during a run', async () => {
    const runs: string[][] = []
    let active = 0
    let most = 0
    let release: () => void = () => undefined
    const task = debounceSerial(async (reasons) => {
      most = Math.max(most, ++active)
      runs.push(reasons)
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve))
      active -= 1
    }, 10)
    task.trigger('a')
    task.trigger('b')
    while (runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    task.trigger('c')
    task.trigger('d')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(runs).toEqual([['a', 'b']])
    release()
    await task.idle()
    expect(runs).toEqual([['a', 'b'], ['c', 'd']])
    expect(most).toBe(1)
    await task.close()
  })
})
