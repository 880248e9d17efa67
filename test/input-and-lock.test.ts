/**
 * Issue 16, the mistakes of a new user, at their roots: the file-name rules in one
 * module, what a folder input reads and says it skips, an output folder that holds
 * its input, locks whose holder is not the build that wrote them, and the wait for
 * one that is. test/mistakes.test.ts has the whole-CLI rows for each.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { buildPack } from '../src/pack/build-pack.js'
import { holderIsLive, lockOutput, parseLock } from '../src/pack/out-lock.js'
import { collectDiagnostics } from '../src/check/diagnostics.js'
import { loadConfig } from '../src/config/load-config.js'
import { ConfigError, EnvironmentError, UsageError } from '../src/errors.js'
import { loadDocument } from '../src/load-document.js'
import { findTranslation } from '../src/locale/find-translation.js'
import { withoutComments } from '../src/parse/markdown-structure.js'
import { listInput } from '../src/parse/read-input.js'
import { isMarkdown, translationName } from '../src/parse/source-names.js'
import { planWatch } from '../src/watch/watch-plan.js'
import { launchBrowser } from '../src/browser/launch-browser.js'
import { SEED } from './helpers/cli.js'

const CLI = fileURLToPath(new URL('../bin/casebook.js', import.meta.url))
const dirs: string[] = []
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-input-lock-'))
  dirs.push(dir)
  return dir
}

/** A live process that is not casebook, with its start time as /proc gives it. */
function stranger(): { pid: number; start: string; child: ChildProcess } {
  const child = spawn('sleep', ['600'], { stdio: 'ignore' })
  children.push(child)
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
  return { pid: child.pid!, start: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19], child }
}
const exited = (child: ChildProcess): Promise<void> => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())))

const MD_CASE = (number: number, chinese: string, city: string): string =>
  `# 案例${chinese}:${city}\n## ${number}.1 案例背景\n${city}*强调*文字。\n## ${number}.2 案例分析\n- 要点:内容\n## ${number}.3 案例启示\n经验。\n`

describe('file-name rules (src/parse/source-names.ts)', () => {
  it('Markdown is .md or .markdown, whatever the case', () => {
    for (const name of ['a.md', 'a.MD', 'a.Markdown', 'dir/b.markdown']) expect(isMarkdown(name), name).toBe(true)
    for (const name of ['a.txt', 'a.mdx', 'markdown', 'a.md.txt', undefined]) expect(isMarkdown(name), String(name)).toBe(false)
  })

  it('a translation is <stem>.<language code>.<md>, the code spelled as BCP 47 does', () => {
    expect(translationName('cases.en.md')).toEqual({ stem: 'cases', code: 'en', markdown: true })
    expect(translationName('cases.EN-gb.MD')).toEqual({ stem: 'cases', code: 'en-GB', markdown: true })
    expect(translationName('2-case.zh-TW.markdown')).toEqual({ stem: '2-case', code: 'zh-TW', markdown: true })
    expect(translationName('cases.en.txt')).toEqual({ stem: 'cases', code: 'en', markdown: false })
    // Words shaped like codes that name no language stay sources.
    for (const name of ['notes.old.md', 'case.one.md', 'draft.tmp.md', 'cases.md', 'cases.en.docx', 'v1.2.md']) expect(translationName(name), name).toBeNull()
  })

  it('the translation finder uses the same rule: cases.EN.md is the en translation, cases.old.md none', async () => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.txt'), readFileSync(SEED))
    writeFileSync(join(dir, 'cases.EN.md'), '# Case 1: Shanghai\n')
    writeFileSync(join(dir, 'cases.old.md'), '# 旧稿\n')
    expect(await findTranslation(join(dir, 'cases.txt'), 'en')).toEqual([join(dir, 'cases.EN.md')])
    expect(await findTranslation(join(dir, 'cases.txt'), 'en-GB')).toEqual([join(dir, 'cases.EN.md')])
  })
})

describe('a folder input', () => {
  it('reads .markdown and .MD files as Markdown, in natural order, and warns once per subfolder that holds sources', async () => {
    const dir = scratch()
    const input = join(dir, 'nested')
    mkdirSync(join(input, 'cases', 'deeper'), { recursive: true })
    writeFileSync(join(input, '1.txt'), readFileSync(SEED))
    writeFileSync(join(input, '2.markdown'), MD_CASE(11, '十一', '北京'))
    writeFileSync(join(input, '10.MD'), MD_CASE(12, '十二', '天津'))
    writeFileSync(join(input, 'cases', '1.txt'), '13、案例13:重庆\n')
    writeFileSync(join(input, 'cases', 'deeper', '2.markdown'), MD_CASE(14, '十四', '西安'))
    // A hidden folder and an empty one are not worth a word.
    mkdirSync(join(input, '.git'))
    writeFileSync(join(input, '.git', 'x.md'), '# x\n')
    mkdirSync(join(input, 'images'))

    const listing = await listInput(input)
    expect(listing.paths).toEqual([join(input, '1.txt'), join(input, '2.markdown'), join(input, '10.MD')])
    expect(listing.notes).toEqual([
      { path: join(input, 'cases'), severity: 'warning', reason: expect.stringMatching(/^Subfolder cases\/ is not read, though it holds 2 source files \(1\.txt, deeper\/2\.markdown\)/) },
    ])

    const document = await loadDocument(input)
    const cases = document.tree.children.filter((node) => node.type === 'case')
    expect(cases.map((node) => node.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    // Parsed as Markdown: the heading is a case and *强调* is emphasis, not text with stars.
    const tianjin = cases.at(-1)!
    expect(tianjin.title).toBe('天津')
    expect(JSON.stringify(tianjin)).toContain('"type":"emphasis"')
    const diagnostics = collectDiagnostics(document.files).filter((d) => d.ruleId === 'skipped-file')
    expect(diagnostics).toEqual([expect.objectContaining({ file: join(input, 'cases'), line: 1, column: 1, severity: 'warning' })])
  })

  it('lists files of other kinds in one info, and warns about an outline file named like a translation', async () => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.txt'), readFileSync(SEED))
    writeFileSync(join(dir, 'notes.docx'), 'x')
    writeFileSync(join(dir, 'data.csv'), 'a,b\n')
    writeFileSync(join(dir, 'casebook.yaml'), 'title: x\n')
    writeFileSync(join(dir, 'cases.en.md'), '# Case 1: Shanghai\n')
    writeFileSync(join(dir, 'cases.en.txt'), 'Case 1: Shanghai\n')
    writeFileSync(join(dir, 'notes.old.md'), '# 案例十一:旧稿\n')
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'link.txt'))

    const listing = await listInput(dir)
    // notes.old.md is no translation (“old” is no language): it is a source.
    expect(listing.paths).toEqual([join(dir, 'cases.txt'), join(dir, 'notes.old.md')])
    const byPath = Object.fromEntries(listing.notes.map((note) => [note.path, note]))
    expect(byPath[join(dir, 'cases.en.txt')]).toMatchObject({ severity: 'warning', reason: expect.stringMatching(/translations are Markdown; rename it cases\.en\.md/) })
    expect(byPath[join(dir, 'link.txt')]).toMatchObject({ severity: 'warning', reason: expect.stringMatching(/link to a file that is not there/) })
    // The config and the Markdown translation are part of the project, not skipped content.
    expect(byPath[dir]).toMatchObject({ severity: 'info', reason: expect.stringMatching(/^Not read: data\.csv, notes\.docx\./) })
    expect(listing.notes).toHaveLength(3)
  })

  it('never reads a pack: a pack inside the input is passed over without a word, a pack as the input is refused', async () => {
    const dir = scratch()
    const src = join(dir, 'src')
    mkdirSync(src)
    writeFileSync(join(src, 'cases.txt'), readFileSync(SEED))
    const out = join(src, 'pack')
    const options = { input: src, out, formats: ['html' as const], cwd: dir, now: () => new Date('2026-03-01T00:00:00Z') }
    await buildPack(options)
    const second = await buildPack({ ...options, force: true })
    expect(collectDiagnostics(second.document.files).filter((d) => d.ruleId === 'skipped-file')).toEqual([])
    expect(second.document.files.map((file) => file.path)).toEqual([join(src, 'cases.txt')])
    await expect(listInput(out)).rejects.toThrow(/is a pack casebook wrote/)
  })

  it('an output folder that is the input or holds it is a usage error, in build and in watch, before anything is written', async () => {
    const dir = scratch()
    const src = join(dir, 'src')
    mkdirSync(src)
    writeFileSync(join(src, 'cases.txt'), readFileSync(SEED))
    await expect(buildPack({ input: src, out: src, cwd: dir })).rejects.toThrow(UsageError)
    await expect(buildPack({ input: 'src/cases.txt', out: '.', cwd: dir })).rejects.toThrow(/output folder \/\S+ \(--out\) holds the input src\/cases\.txt/)
    await expect(planWatch({ input: src, out: src, cwd: dir })).rejects.toThrow(/is the input folder src.*Pick another folder/)
    expect(existsSync(join(src, 'manifest.json'))).toBe(false)
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false)
  })
})

describe('the output lock', () => {
  it('reads locks of this casebook and of older ones (the pid alone); a half-written lock has no holder yet', () => {
    expect(parseLock('4242')).toEqual({ pid: 4242 })
    expect(parseLock('{"pid":7,"start":"99","host":"h","token":"t"}\n')).toEqual({ pid: 7, start: '99', host: 'h', token: 't' })
    expect(parseLock('')).toBeNull()
    expect(parseLock('{"pid":')).toBeNull()
  })

  it('a holder is live only while its pid is the process that wrote the lock', async () => {
    const { pid, start, child } = stranger()
    const host = hostname()
    // The very process (same pid and start time): live.
    expect(holderIsLive({ pid, start, host })).toBe(true)
    // The pid of a process started at another time (pid reuse; pid 1 in a container): stale.
    expect(holderIsLive({ pid, start: `${start}0`, host })).toBe(false)
    expect(holderIsLive({ pid: 1, start: '999999999999', host })).toBe(false)
    // An older lock (pid alone) whose pid runs something that is neither node nor casebook: stale.
    expect(holderIsLive({ pid })).toBe(false)
    // This process's pid in a lock it does not hold: left by an earlier process with the same pid.
    expect(holderIsLive({ pid: process.pid, host })).toBe(false)
    // Another machine's build cannot be looked at: it is waited for.
    expect(holderIsLive({ pid, start: 'x', host: `not-${host}` })).toBe(true)
    child.kill('SIGKILL')
    await exited(child)
    expect(holderIsLive({ pid, start, host })).toBe(false)
  })

  it('takes over a lock whose pid is reused at once, without waiting', async () => {
    const out = join(scratch(), 'out')
    mkdirSync(out)
    const { pid, start } = stranger()
    writeFileSync(join(out, '.casebook.lock'), JSON.stringify({ pid, start: `${start}0`, host: hostname() }))
    const waits: unknown[] = []
    const unlock = await lockOutput(out, { onWait: (wait) => waits.push(wait) })
    expect(waits).toEqual([])
    expect(parseLock(readFileSync(join(out, '.casebook.lock'), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
    await unlock()
    expect(existsSync(join(out, '.casebook.lock'))).toBe(false)
  })

  it('says once that it waits for a live holder, and takes the lock when that one is gone', async () => {
    const out = join(scratch(), 'out')
    mkdirSync(out)
    const { pid, start, child } = stranger()
    writeFileSync(join(out, '.casebook.lock'), JSON.stringify({ pid, start, host: hostname() }))
    const waits: Array<{ holder: { pid: number }; lock: string }> = []
    let told: () => void = () => undefined
    const waiting = new Promise<void>((resolve) => (told = resolve))
    const locking = lockOutput(out, {
      onWait: (wait) => {
        waits.push(wait)
        told()
      },
    })
    await waiting
    child.kill('SIGKILL')
    const unlock = await locking
    expect(waits).toEqual([expect.objectContaining({ holder: expect.objectContaining({ pid }), lock: join(out, '.casebook.lock'), out })])
    await unlock()
  })

  it('two builds of one process (the library) still take turns', async () => {
    const out = join(scratch(), 'out')
    const first = await lockOutput(out)
    let waited: () => void = () => undefined
    const told = new Promise<void>((resolve) => (waited = resolve))
    let secondTaken = false
    const second = lockOutput(out, { onWait: () => waited() }).then((unlock) => {
      secondTaken = true
      return unlock
    })
    await told
    expect(secondTaken).toBe(false)
    await first()
    await (await second)()
    expect(existsSync(join(out, '.casebook.lock'))).toBe(false)
  })

  it('gives up on a holder it cannot check (another host) with a message naming the lock', async () => {
    const out = join(scratch(), 'out')
    mkdirSync(out)
    writeFileSync(join(out, '.casebook.lock'), JSON.stringify({ pid: 4242, start: '1', host: `not-${hostname()}` }))
    const waits: Array<{ holder: { host?: string } }> = []
    await expect(lockOutput(out, { timeoutMs: 0, onWait: (wait) => waits.push(wait) })).rejects.toThrow(/pid 4242 on not-.*its lock is .*\.casebook\.lock\. If no casebook build is running there, remove that file/)
    expect(waits).toHaveLength(1)
  })

  it('the CLI prints the wait at once, then builds when the other build is gone', async () => {
    const dir = scratch()
    const out = join(dir, 'out')
    mkdirSync(out)
    writeFileSync(join(dir, 'cases.txt'), readFileSync(SEED))
    const { pid, start, child: holder } = stranger()
    writeFileSync(join(out, '.casebook.lock'), JSON.stringify({ pid, start, host: hostname() }))
    const build = spawn(process.execPath, [CLI, 'build', 'cases.txt', '--out', 'out', '--format', 'html'], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] })
    children.push(build)
    let stderr = ''
    const line = `waiting for the casebook build (pid ${pid}) writing to out/ to finish; its lock is out/.casebook.lock`
    await new Promise<void>((resolve) => {
      build.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        if (stderr.includes(line)) resolve()
      })
      build.once('exit', () => resolve())
    })
    // Said while the other build still runs: the build has rendered nothing yet.
    expect(stderr).toContain(line)
    expect(stderr).not.toMatch(/rendering|wrote/)
    holder.kill('SIGKILL')
    const code = await new Promise<number | null>((resolve) => (build.exitCode !== null ? resolve(build.exitCode) : build.once('exit', (value) => resolve(value))))
    expect(code, stderr).toBe(0)
    expect(stderr.split(line)).toHaveLength(2)
    expect(stderr).toMatch(/wrote out\/zh-CN\/report\.html/)
  })
})

describe('front matter and comments', () => {
  const parse = async (text: string) => {
    const dir = scratch()
    const path = join(dir, 'cases.md')
    writeFileSync(path, text)
    const document = await loadDocument(path)
    return { document, diagnostics: collectDiagnostics(document.files) }
  }
  const BODY = MD_CASE(1, '一', '上海')

  it('a number or mapping where text belongs is an error at the value; organization is organisation', async () => {
    const { document, diagnostics } = await parse(`---\ntitle: 1.10\nsubtitle: {a: 1}\norganization: 研究院\n---\n\n${BODY}`)
    expect(diagnostics.filter((d) => d.ruleId === 'front-matter').map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [2, 8, 'error', 'Front matter title must be text, not the number 1.1; write it in quotes to keep it as written: title: "1.10"'],
      [3, 11, 'error', expect.stringMatching(/^Front matter subtitle must be text, not a mapping/)],
    ])
    expect(document.tree.data.organisation).toBe('研究院')
    expect(document.tree.data.title).toBe('')
  })

  it('a --- that opens key lines and is never closed is an error at line 1; a --- rule before a heading is not', async () => {
    const unclosed = await parse(`---\ntitle: 标题\nauthor: 研究组\n\n${BODY}`)
    expect(unclosed.diagnostics.filter((d) => d.severity === 'error')).toEqual([expect.objectContaining({ line: 1, column: 1, ruleId: 'front-matter', message: expect.stringMatching(/not closed/) })])
    const rule = await parse(`---\n\n${BODY}`)
    expect(rule.diagnostics.filter((d) => d.ruleId === 'front-matter')).toEqual([])
  })

  it('comments are taken out of raw HTML; an unclosed one keeps its text, with a warning', async () => {
    expect(withoutComments('<!-- a -->')).toEqual({ rest: '', unclosed: false })
    expect(withoutComments('<!-- a --> 正文 <!-- b -->')).toEqual({ rest: ' 正文 ', unclosed: false })
    expect(withoutComments('<div><!-- a --></div>')).toEqual({ rest: '<div></div>', unclosed: false })
    expect(withoutComments('x <!-- never closed')).toEqual({ rest: 'x <!-- never closed', unclosed: true })
    const { document, diagnostics } = await parse(`${BODY}\n<!-- 注释\n\n# 案例二:杭州\n`)
    expect(diagnostics.filter((d) => d.ruleId === 'unsupported-markdown')).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/not closed/) })])
    // Nothing is lost: the swallowed heading is still text of the document.
    expect(JSON.stringify(document.tree)).toContain('案例二:杭州')
  })

  it('an unclosed comment inside a line keeps its text, with a warning at the comment', async () => {
    const { document, diagnostics } = await parse(`${BODY}\n前文 <!-- 注释 -->中间 <!-- 未闭合 后文\n`)
    expect(diagnostics.filter((d) => d.ruleId === 'unsupported-markdown')).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/not closed/) })])
    expect(JSON.stringify(document.tree)).toContain('<!-- 未闭合 后文')
    expect(JSON.stringify(document.tree)).not.toContain('注释 -->')
  })
})

describe('config messages', () => {
  const config = (text: string): string => {
    const path = join(scratch(), 'casebook.yaml')
    writeFileSync(path, text)
    return path
  }

  it('say what each key takes and what it got, in plain words', async () => {
    const path = config('title:\nauthor: [x]\nformats: [HTML, pdf, 5]\npage:\n  size: a5\nbrowser:\n  timeout: -5\n')
    const error = await loadConfig(path).then(() => null, (caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message.split('\n')).toEqual([
      `${path}: config key “title”: has no value; give one, or remove the key`,
      `${path}: config key “author”: expected text, got a list`,
      `${path}: config key “formats.2”: expected one of html, pdf, slides, handout, docx, pptx, got the number 5`,
      `${path}: config key “page.size”: expected one of A4, Letter, got “a5”`,
      `${path}: config key “browser.timeout”: expected a number above 0, got the number -5`,
    ])
  })

  it('match choices whatever their case', async () => {
    const loaded = await loadConfig(config('page:\n  size: letter\nformats: [HTML, Docx]\ncheck:\n  expectedSections: [Background]\n'))
    expect(loaded.page.size).toBe('Letter')
    expect(loaded.formats).toEqual(['html', 'docx'])
    expect(loaded.check.expectedSections).toEqual(['background'])
  })
})

describe('a browser path that is no browser', () => {
  it('that prints and exits: says it is not a Chrome/Chromium, with what it printed', async () => {
    const fake = join(scratch(), 'fake-chrome')
    writeFileSync(fake, '#!/bin/sh\necho "fake-chrome: no such option $1" >&2\nexit 1\n')
    chmodSync(fake, 0o755)
    const error = await launchBrowser(fake).then(() => null, (caught: unknown) => caught)
    expect(error).toBeInstanceOf(EnvironmentError)
    expect((error as Error).message).toMatch(new RegExp(`^${fake}, named by --browser-path.*, is not a Chrome/Chromium casebook could start: asked for its version, it printed “fake-chrome: no such option --version”`))
    expect((error as Error).message).not.toMatch(/TROUBLESHOOTING|Protocol error|Target closed/)
  })

  it('that starts and never answers: stopped after the launch timeout, not after puppeteer’s hour', async () => {
    const fake = join(scratch(), 'sleepy-chrome')
    writeFileSync(fake, '#!/bin/sh\nif [ "$1" = --version ]; then echo "sleepy 1.0"; exit 0; fi\nexec sleep 600\n')
    chmodSync(fake, 0o755)
    const error = await launchBrowser(fake, { timeout: 500 }).then(() => null, (caught: unknown) => caught)
    expect(error).toBeInstanceOf(EnvironmentError)
    expect((error as Error).message).toMatch(/is not a Chrome\/Chromium casebook could start: it ran but did not answer as a browser within 0\.5 s; asked for its version, it printed “sleepy 1\.0”/)
  })
})
