/**
 * Every class of mistake a user (or the machine) can make, as a table: each row
 * runs the CLI and expects its exit code, a message that says what is wrong,
 * no stack trace and no "internal error", and afterwards nothing written: the
 * folders it touched hold the same files with the same bytes (the previous pack
 * intact), no `.tmp` files, no lock and no new empty folders.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { handleError } from '../src/cli/handle-error.js'
import { ROOT, SEED } from './helpers/cli.js'
import { noise as noiseBytes } from './helpers/noise.js'

const CLI = fileURLToPath(new URL('../bin/casebook.js', import.meta.url))
const STACK = /\n\s+at .+:\d+:\d+/
const ENV = { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1767225600' }
/** A hang guard, not a timing assertion: a row that runs this long has hung. */
const HANG_MS = 60_000

const dirs: string[] = []
const mounts: string[] = []
/** Processes a row started to hold a pid (a lock's owner); killed when their row ends, or after the file. */
const sleepers: ChildProcess[] = []
afterAll(() => {
  for (const sleeper of sleepers) sleeper.kill('SIGKILL')
  for (const mount of mounts.reverse()) spawnSync('umount', ['-l', mount])
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-mistakes-'))
  dirs.push(dir)
  return dir
}

/** A small tmpfs at `dir` (CI runs as root); unmounted after the file. */
function mountTmpfs(dir: string, size: string): void {
  mkdirSync(dir, { recursive: true })
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`mounting a tmpfs needs root: ${result.stderr}`)
  mounts.push(dir)
}

// --- what a folder holds, to compare before and after -------------------------------------

/** Every file (with its bytes' hash) and folder under `root`, by relative path; folders end in /. */
function snapshot(root: string): Record<string, string> {
  const seen: Record<string, string> = {}
  if (!existsSync(root)) return seen
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      const name = relative(root, path)
      if (entry.isDirectory()) {
        seen[`${name}/`] = 'folder'
        walk(path)
      } else if (entry.isFile()) {
        seen[name] = createHash('sha256').update(readFileSync(path)).digest('hex')
      } else {
        seen[name] = 'other'
      }
    }
  }
  walk(root)
  return seen
}

// --- processes, read from /proc (no pgrep needed) -----------------------------------------

interface ProcessInfo {
  pid: number
  pgid: number
  cmdline: string
}

function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ')
      // Fields after the command name (which may hold spaces and parentheses): state, ppid, pgrp.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (fields[0] === 'Z') continue
      found.push({ pid: Number(name), pgid: Number(fields[2]), cmdline })
    } catch {
      // The process ended while we looked.
    }
  }
  return found
}

/**
 * The processes of the browser a casebook process `pid` started: those naming its profile folder (which
 * carries that pid) and the rest of their process groups (the headless shell's renderers name no profile).
 */
const browserOf = (pid: number): ProcessInfo[] => {
  const all = processes()
  const groups = new Set(all.filter((entry) => entry.cmdline.includes(`casebook-browser-${pid}-`)).map((entry) => entry.pgid))
  return all.filter((entry) => groups.has(entry.pgid))
}

/** Whether no process of `pid`'s browser runs: none with its profile, none in the process groups seen before the signal. */
const browserGone = (pid: number): boolean => {
  const groups = browserGroups.get(pid) ?? []
  return processes().every((entry) => !entry.cmdline.includes(`casebook-browser-${pid}-`) && !groups.includes(entry.pgid))
}

/** Temp folders in /tmp a casebook process `pid` made for its browser or its pages. */
const tempFoldersOf = (pid: number): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith(`casebook-browser-${pid}-`) || name.startsWith(`casebook-page-${pid}-`))

/** Polls until `done()` or the hang guard runs out; the caller asserts the condition afterwards. */
async function until(done: () => boolean, ms = HANG_MS): Promise<void> {
  const deadline = Date.now() + ms
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
}

// --- the rows -----------------------------------------------------------------------------

interface Context {
  /** The row's scratch folder, the working directory of the command. */
  dir: string
  /** cases.txt: the seed document. */
  source: string
  /** Where the row's pack goes. */
  out: string
  /** Folders compared before and after (the scratch folder, unless the row says otherwise). */
  watched: string[]
}

interface Result {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  hung: boolean
  pid?: number
}

interface Row {
  name: string
  /** Copy the previous good pack (html, zh-CN) into `out` first. */
  previous?: boolean
  setup?: (context: Context) => void
  args: (context: Context) => string[]
  /** Run without root's power over permissions (as user nobody; see unprivileged()). */
  asNobody?: boolean
  /** Send this signal to the build once its browser is running. */
  interrupt?: 'SIGINT' | 'SIGKILL'
  /** The exit code (one of them, when the spec allows two); null for a process killed by a signal. */
  code: number | number[] | null
  /** Patterns stderr must match. */
  stderr: RegExp[]
  /** The command is meant to write (a row that succeeds); otherwise every watched folder is unchanged. */
  writes?: boolean
  /** Paths (relative to the watched folder) left out of the comparison. */
  ignore?: string[]
  /** More checks, after the common ones. */
  after?: (context: Context, result: Result) => void | Promise<void>
}

const MARKDOWN = (date: string): string => `---\ntitle: 测试\ndate: ${date}\n---\n\n# 案例一:上海\n## 1.1 案例背景\n内容。\n## 1.2 案例分析\n- 要点:内容\n## 1.3 案例启示\n经验。\n`
// `Title line` then 引言 / 一、案例一:上海 / 1.1 案例背景 / 内容, in GBK.
const GBK = Buffer.from('5469746c65206c696e650ad2fdd1d40ad2bba1a2b0b8c0fdd2bb3ac9cfbaa30a312e3120b0b8c0fdb1b3beb00ac4dac8dd0a', 'hex')
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 7)])
const noise = (length: number): Buffer => noiseBytes(length, 4242, 10)
/** An outline of `count` cases, long enough that its PDF takes seconds to load and print. */
function manyCases(count: number): string {
  const lines = ['引言', '这是引言。']
  for (let number = 1; number <= count; number++) {
    lines.push(`${number}、案例${number}:城市${number}`, `${number}.1 案例背景`, '背景文字，公共服务创新。'.repeat(20), `${number}.2 案例分析`, '- 数据驱动:分析文字。', `${number}.3 案例启示`, '启示文字。')
  }
  return [...lines, '结论', '结论文字。', ''].join('\n')
}
/** Interrupted builds print a long document, so the signal lands while the page is in the browser. */
const interruptedSource = (context: Context): void => {
  context.source = join(context.dir, 'many.txt')
  writeFileSync(context.source, manyCases(300))
}
/** Diagnostic lines (`file:line:column severity …`). */
const diagnostics = (stderr: string): string[] => stderr.split('\n').filter((line) => /:\d+:\d+ (error|warning|info) /.test(line))

const build = (context: Context, ...more: string[]): string[] => ['build', context.source, '--out', context.out, ...more]

/** A live process that is not casebook (`sleep`), as a pid reused after a crash is; returns its pid and start time. */
function liveStranger(): { pid: number; start: string } {
  const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' })
  sleepers.push(sleeper)
  const stat = readFileSync(`/proc/${sleeper.pid}/stat`, 'utf8')
  return { pid: sleeper.pid!, start: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] }
}
/** A source folder `src` in the row's folder holding the seed. */
const sourceFolder = (context: Context): void => {
  mkdirSync(join(context.dir, 'src'))
  context.source = join(context.dir, 'src')
  writeFileSync(join(context.source, 'cases.txt'), readFileSync(SEED))
}

const ROWS: Row[] = [
  // --- where the pack goes --------------------------------------------------------------
  {
    name: '--out is an existing file',
    setup: ({ dir }) => writeFileSync(join(dir, 'taken'), 'not a folder\n'),
    args: (context) => build({ ...context, out: 'taken' }, '--format', 'html'),
    code: 2,
    stderr: [/taken\b.*\bis a file/],
  },
  {
    name: '--out lies under a file',
    setup: ({ dir }) => writeFileSync(join(dir, 'taken'), 'not a folder\n'),
    args: (context) => build({ ...context, out: 'taken/pack' }, '--format', 'html'),
    code: 2,
    stderr: [/taken\/pack/, /taken is a file/],
  },
  {
    name: '--out in a folder the user cannot write (EACCES, as another user)',
    asNobody: true,
    setup: ({ dir, source }) => {
      // nobody must reach the source and the scratch folder, and not write the locked one.
      chmodSync(dir, 0o755)
      chmodSync(source, 0o644)
      mkdirSync(join(dir, 'locked'), { mode: 0o555 })
      chmodSync(join(dir, 'locked'), 0o555)
    },
    args: (context) => build({ ...context, out: join(context.dir, 'locked', 'out') }, '--format', 'html'),
    code: 3,
    stderr: [/locked\/out/, /permission denied/i],
  },
  {
    name: '--out on a read-only file system (EROFS), over a previous pack',
    setup: (context) => {
      const disk = join(context.dir, 'disk')
      mountTmpfs(disk, '8m')
      context.out = join(disk, 'out')
      copyPrevious(context.out)
      const remount = spawnSync('mount', ['-o', 'remount,ro', disk], { encoding: 'utf8' })
      if (remount.status !== 0) throw new Error(`remount read-only failed: ${remount.stderr}`)
      context.watched.push(disk)
    },
    args: (context) => build(context, '--format', 'html', '--force'),
    code: 3,
    stderr: [/read-only/i, /disk\/out/],
  },
  {
    name: '--out under /proc: ends within seconds, not a spin',
    args: (context) => build({ ...context, out: '/proc/casebook-mistakes/out' }, '--format', 'html'),
    code: 2,
    stderr: [/\/proc\/casebook-mistakes/],
    after: () => expect(existsSync('/proc/casebook-mistakes')).toBe(false),
  },
  {
    name: 'a folder stands where an artifact goes: found before anything is renamed',
    previous: true,
    setup: ({ out }) => {
      rmSync(join(out, 'zh-CN', 'report.html'))
      mkdirSync(join(out, 'zh-CN', 'report.html'))
    },
    args: (context) => build(context, '--format', 'html', '--force'),
    code: 2,
    stderr: [/zh-CN\/report\.html/, /folder/],
  },
  {
    name: 'the lock file is a folder',
    previous: true,
    setup: ({ out }) => mkdirSync(join(out, '.casebook.lock')),
    args: (context) => build(context, '--format', 'html', '--force'),
    code: 2,
    stderr: [/\.casebook\.lock/, /not a file/],
  },
  {
    name: 'pack with --out a file',
    setup: ({ dir }) => writeFileSync(join(dir, 'taken'), 'not a folder\n'),
    args: (context) => ['pack', context.source, '--out', 'taken', '--format', 'html'],
    code: 2,
    stderr: [/taken\b.*\bis a file/],
  },
  {
    name: '--out is the input folder: refused, so the pack is never read back as source',
    setup: sourceFolder,
    args: (context) => ['build', 'src', '--out', 'src', '--format', 'html'],
    code: 2,
    stderr: [/output folder src \(--out\) is the input folder src/, /read back as source/, /Pick another folder/],
  },
  {
    name: '--out holds the input folder',
    setup: sourceFolder,
    args: (context) => ['build', 'src', '--out', '.', '--format', 'html'],
    code: 2,
    stderr: [/output folder \/\S+ \(--out\) holds the input src/, /Pick another folder/],
  },
  {
    name: 'out: in the config is the input folder',
    setup: (context) => {
      sourceFolder(context)
      writeFileSync(join(context.dir, 'casebook.yaml'), 'title: 测试\ninput: src\nout: src\n')
    },
    args: () => ['build', '--format', 'html'],
    code: 2,
    stderr: [/output folder src \(out: in casebook\.yaml\) is the input folder/],
  },
  {
    name: 'a source folder holding an old pack: its CHANGES.md is not read as source',
    setup: (context) => {
      sourceFolder(context)
      copyPrevious(context.source)
    },
    args: (context) => build(context, '--format', 'html'),
    code: 0,
    writes: true,
    stderr: [/src\/CHANGES\.md:1:1 info CHANGES\.md is not read: it is the edition notes casebook wrote/],
    after: ({ out }, result) => {
      expect(result.stderr).not.toMatch(/text-before-heading|duplicate-intro/)
      expect(readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8')).not.toContain('本版更新: 本版更新')
    },
  },
  {
    name: 'a lock holding the pid of a live process that is not casebook (an old lock, pid reused): taken over at once',
    previous: true,
    setup: ({ out }) => writeFileSync(join(out, '.casebook.lock'), String(liveStranger().pid)),
    args: (context) => build(context, '--format', 'html', '--force'),
    code: 0,
    writes: true,
    // Forced, it renders again; the same bytes are left in place and said to be unchanged.
    stderr: [/(wrote|unchanged) .*report\.html/],
    after: ({ out }, result) => {
      expect(result.stderr).not.toMatch(/waiting/)
      expect(existsSync(join(out, '.casebook.lock'))).toBe(false)
    },
  },
  {
    name: 'a lock whose pid now runs another process (start time differs; pid 1 in a container): taken over at once',
    previous: true,
    setup: ({ out }) => writeFileSync(join(out, '.casebook.lock'), JSON.stringify({ pid: 1, start: '999999999999', host: hostname() })),
    args: (context) => build(context, '--format', 'html', '--force'),
    code: 0,
    writes: true,
    // Forced, it renders again; the same bytes are left in place and said to be unchanged.
    stderr: [/(wrote|unchanged) .*report\.html/],
    after: ({ out }, result) => {
      expect(result.stderr).not.toMatch(/waiting/)
      expect(existsSync(join(out, '.casebook.lock'))).toBe(false)
    },
  },
  {
    name: 'the disk fills up while the pack is written (ENOSPC)',
    setup: (context) => {
      const disk = join(context.dir, 'disk')
      mountTmpfs(disk, '8m')
      context.out = join(disk, 'out')
      copyPrevious(context.out)
      // A damaged report.html, so the build must write one (the same bytes would be left in place).
      writeFileSync(join(context.out, 'zh-CN', 'report.html'), 'damaged')
      // Leave room for the lock and the small files, not for report.html.
      const { bavail, bsize } = statfsSync(disk)
      writeFileSync(join(disk, 'filler'), Buffer.alloc(Number(bavail * bsize) - 48 * 1024))
      context.watched.push(disk)
    },
    args: (context) => build(context, '--format', 'html', '--force'),
    code: 3,
    stderr: [/disk is full/i, /disk\/out/],
  },

  // --- dates ----------------------------------------------------------------------------
  {
    name: 'config date: 2026-13-45',
    setup: ({ dir }) => writeFileSync(join(dir, 'casebook.yaml'), 'title: 测试\ndate: 2026-13-45\n'),
    args: (context) => build(context, '--format', 'html'),
    code: 2,
    stderr: [/casebook\.yaml/, /date/, /2026-13-45/],
  },
  {
    name: 'front matter date: yesterday (check)',
    setup: (context) => {
      context.source = join(context.dir, 'cases.md')
      writeFileSync(context.source, MARKDOWN('yesterday'))
    },
    args: (context) => ['check', context.source],
    code: 1,
    stderr: [],
    after: (_, result) => expect(result.stdout + result.stderr).toMatch(/cases\.md:3:7 error .*yesterday/),
  },
  {
    name: 'front matter date: yesterday (build)',
    setup: (context) => {
      context.source = join(context.dir, 'cases.md')
      writeFileSync(context.source, MARKDOWN('yesterday'))
    },
    args: (context) => build(context, '--format', 'html'),
    code: 1,
    stderr: [/cases\.md:3:7 error .*yesterday/],
  },
  {
    name: 'front matter date: 2026-02-30 is not rolled over to March',
    previous: true,
    setup: (context) => {
      context.source = join(context.dir, 'cases.md')
      writeFileSync(context.source, MARKDOWN('2026-02-30'))
    },
    args: (context) => build(context, '--format', 'html'),
    code: 1,
    stderr: [/cases\.md:3:7 error .*2026-02-30/],
  },

  {
    name: 'front matter never closed: a located error, not an intro that reads “title: 标题”',
    setup: (context) => {
      context.source = join(context.dir, 'cases.md')
      writeFileSync(context.source, MARKDOWN('2026-01-15').replace(/\n---\n\n/, '\n\n'))
    },
    args: (context) => build(context, '--format', 'html'),
    code: 1,
    stderr: [/cases\.md:1:1 error Front matter opened by --- on line 1 is not closed.*front-matter/, /nothing was written/],
  },
  {
    name: 'front matter title: [a, b] is an error at the value, as in the config',
    setup: (context) => {
      context.source = join(context.dir, 'cases.md')
      writeFileSync(context.source, MARKDOWN('2026-01-15').replace('title: 测试', 'title: [a, b]'))
    },
    args: (context) => ['check', context.source],
    code: 1,
    stderr: [],
    after: (_, result) => expect(result.stdout).toMatch(/cases\.md:2:8 error Front matter title must be text, not a list.*title: "\[a, b\]" front-matter/),
  },
  {
    name: 'front matter title: with no value is left out, not the text “null”',
    setup: (context) => {
      context.source = join(context.dir, 'cases.md')
      writeFileSync(context.source, MARKDOWN('2026-01-15').replace('title: 测试', 'title:'))
    },
    args: (context) => ['ast', context.source],
    code: 0,
    stderr: [/cases\.md:2:\d+ warning Front matter title has no value/],
    after: (_, result) => expect((JSON.parse(result.stdout) as { data: { title: string } }).data.title).toBe(''),
  },
  {
    name: 'HTML comments are the author\'s notes: not printed, no warning; raw HTML stays text with one',
    setup: (context) => {
      context.source = join(context.dir, 'cases.md')
      writeFileSync(context.source, MARKDOWN('2026-01-15').replace('内容。', '内容<!-- 行内备注 -->。\n\n<!-- 备注:不要印 -->\n\n<div>原样</div>'))
    },
    args: (context) => build(context, '--format', 'html'),
    code: 0,
    writes: true,
    stderr: [/cases\.md:12:1 warning Unsupported Markdown \(html\) is kept as plain text unsupported-markdown/],
    after: ({ out }, result) => {
      expect(diagnostics(result.stderr).filter((line) => line.includes('unsupported-markdown'))).toHaveLength(1)
      const html = readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8')
      expect(html).not.toContain('备注')
      expect(html).toContain('内容。')
      expect(html).toContain('原样')
    },
  },

  // --- options ------------------------------------------------------------------------
  {
    name: '--browser-path that does not exist, with --format pdf: no silent fallback',
    previous: true,
    args: (context) => build(context, '--format', 'pdf', '--browser-path', '/nonexistent/chrome'),
    code: [2, 3],
    stderr: [/\/nonexistent\/chrome/],
  },
  {
    name: '--browser-path /bin/true (a program, not a browser): exit 3 with a plain message, no puppeteer text',
    args: (context) => build(context, '--format', 'pdf', '--browser-path', '/bin/true'),
    code: 3,
    stderr: [/\/bin\/true, named by --browser-path.*is not a Chrome\/Chromium casebook could start: asked for its version, it printed/],
    // A failed format still records the edition (CHANGES.md, manifest.json); no PDF is written.
    writes: true,
    after: ({ out }, result) => {
      expect(result.stderr).not.toMatch(/TROUBLESHOOTING|pptr\.dev|Protocol error|Target closed|Code: 0/)
      expect(existsSync(join(out, 'zh-CN', 'report.pdf'))).toBe(false)
    },
  },
  {
    name: 'browser.timeout: 1 names the configured value and where to raise it',
    setup: ({ dir }) => writeFileSync(join(dir, 'casebook.yaml'), 'title: 测试\nbrowser:\n  timeout: 1\n'),
    args: (context) => build(context, '--format', 'pdf'),
    code: 3,
    stderr: [/browser\.timeout is 1 ms in \S*casebook\.yaml; raise it there/],
    writes: true,
    after: ({ out }, result) => {
      expect(result.stderr).not.toMatch(/took longer than 4 ms/)
      expect(existsSync(join(out, 'zh-CN', 'report.pdf'))).toBe(false)
    },
  },
  {
    name: '--config names a folder: a plain message naming the config in it, not EISDIR',
    setup: ({ dir }) => {
      mkdirSync(join(dir, 'settings'))
      writeFileSync(join(dir, 'settings', 'casebook.yaml'), 'title: 测试\n')
    },
    args: (context) => build(context, '--format', 'html', '--config', 'settings'),
    code: 2,
    stderr: [/--config settings is a folder; name a config file .*such as settings\/casebook\.yaml/],
    after: (_, result) => expect(result.stderr).not.toMatch(/EISDIR|illegal operation/),
  },
  {
    name: 'page.size: a4 is A4, as formats and locales match whatever their case',
    setup: ({ dir }) => writeFileSync(join(dir, 'casebook.yaml'), 'title: 测试\npage:\n  size: a4\nformats: [HTML]\n'),
    args: (context) => build(context),
    code: 0,
    writes: true,
    stderr: [/wrote .*zh-CN\/report\.html/],
  },
  {
    name: 'page.size: A5 names the key, the value and the sizes there are, in plain words',
    setup: ({ dir }) => writeFileSync(join(dir, 'casebook.yaml'), 'title: 测试\npage:\n  size: A5\n'),
    args: (context) => build(context, '--format', 'html'),
    code: 2,
    stderr: [/casebook\.yaml: config key “page\.size”: expected one of A4, Letter, got “A5”/],
    after: (_, result) => expect(result.stderr).not.toMatch(/Invalid type|Expected \(/),
  },
  {
    name: "--format ''",
    args: (context) => build(context, '--format', ''),
    code: 2,
    stderr: [/--format/],
  },
  {
    name: '--format htm lists the formats',
    args: (context) => build(context, '--format', 'htm'),
    code: 2,
    stderr: [/htm/, /html, pdf, slides, handout, docx, pptx/],
  },
  {
    name: '--locale zh-cn is zh-CN',
    args: (context) => build(context, '--format', 'html', '--locale', 'zh-cn'),
    code: 0,
    stderr: [/zh-CN\/report\.html/],
    writes: true,
    after: ({ out }) => {
      expect(existsSync(join(out, 'zh-CN', 'report.html'))).toBe(true)
      expect(readdirSync(out).sort()).toEqual(['CHANGES.md', 'manifest.json', 'zh-CN'])
    },
  },
  {
    name: '--locale klingon lists the locales and creates no folder',
    args: (context) => build(context, '--format', 'html', '--locale', 'klingon'),
    code: 2,
    stderr: [/klingon/, /zh-CN/, /\ben\b/],
  },
  {
    name: '--locale klingon over a previous pack',
    previous: true,
    args: (context) => build(context, '--format', 'html', '--locale', 'zh-CN,klingon'),
    code: 2,
    stderr: [/klingon/, /zh-CN/],
  },
  {
    name: 'config lang: klingon names the file and the key',
    setup: ({ dir }) => writeFileSync(join(dir, 'casebook.yaml'), 'title: 测试\nlang: klingon\n'),
    args: (context) => build(context, '--format', 'html'),
    code: 2,
    stderr: [/casebook\.yaml/, /lang/, /klingon/],
  },

  // --- input ------------------------------------------------------------------------------
  {
    name: 'a binary file (PNG bytes): one binary-file message',
    setup: (context) => {
      context.source = join(context.dir, 'chart.txt')
      writeFileSync(context.source, PNG)
    },
    args: (context) => build(context, '--format', 'html'),
    code: 1,
    stderr: [/binary file/i],
    after: (_, result) => expect(diagnostics(result.stderr)).toHaveLength(1),
  },
  {
    name: 'random bytes with NULs: one binary-file message, not one per control character',
    previous: true,
    setup: (context) => {
      context.source = join(context.dir, 'noise.txt')
      writeFileSync(context.source, noise(4000))
    },
    args: (context) => build(context, '--format', 'html'),
    code: 1,
    stderr: [/binary file/i],
    after: (_, result) => expect(diagnostics(result.stderr)).toHaveLength(1),
  },
  {
    name: 'a GBK-encoded Chinese file: the conversion hint comes first',
    setup: (context) => {
      context.source = join(context.dir, 'gbk.txt')
      writeFileSync(context.source, GBK)
    },
    args: (context) => build(context, '--format', 'html'),
    code: 1,
    stderr: [/invalid-utf8/],
    after: (_, result) => expect(diagnostics(result.stderr)[0]).toMatch(/GB18030|GBK/),
  },
  {
    name: 'an empty file',
    previous: true,
    setup: (context) => {
      context.source = join(context.dir, 'empty.txt')
      writeFileSync(context.source, '')
    },
    args: (context) => build(context, '--format', 'html'),
    code: 1,
    stderr: [/empty\.txt:1:1 error/, /nothing was written/],
  },
  {
    name: 'a folder with a subfolder, .markdown and .MD files and a Word file: nothing skipped in silence',
    setup: (context) => {
      sourceFolder(context)
      writeFileSync(join(context.source, 'x-beijing.markdown'), '# 案例十一:北京\n## 11.1 案例背景\n北京文字。\n## 11.2 案例分析\n- 要点:内容\n## 11.3 案例启示\n经验。\n')
      writeFileSync(join(context.source, 'x-tianjin.MD'), '# 案例十二:天津\n## 12.1 案例背景\n天津*强调*文字。\n## 12.2 案例分析\n- 要点:内容\n## 12.3 案例启示\n经验。\n')
      mkdirSync(join(context.source, 'cases'))
      writeFileSync(join(context.source, 'cases', '1.txt'), '13、案例13:重庆\n13.1 案例背景\n文字\n')
      writeFileSync(join(context.source, 'notes.docx'), 'not really a docx\n')
    },
    args: (context) => build(context, '--format', 'html'),
    code: 0,
    writes: true,
    stderr: [
      /src\/cases:1:1 warning Subfolder cases\/ is not read, though it holds a source file \(1\.txt\).*skipped-file/,
      /src:1:1 info Not read: notes\.docx\..*skipped-file/,
    ],
    after: ({ out }, result) => {
      const html = readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8')
      // .markdown and .MD are Markdown: their # headings are cases, *强调* is emphasis.
      expect(html).toContain('北京')
      expect(html).toMatch(/<em>强调<\/em>/)
      expect(html).toContain('天津')
      expect(result.stderr).not.toMatch(/unrecognised|case-number-order/)
    },
  },
  {
    name: 'a folder whose sources are all in a subfolder says where they are',
    setup: (context) => {
      mkdirSync(join(context.dir, 'nested', 'cases'), { recursive: true })
      writeFileSync(join(context.dir, 'nested', 'cases', 'a.txt'), readFileSync(SEED))
    },
    args: (context) => ['build', 'nested', '--out', context.out, '--format', 'html'],
    code: 2,
    stderr: [/No source files .* in \S*nested; its subfolder cases\/ holds some.*nested\/cases/],
  },
  {
    name: 'a missing input path',
    args: (context) => ['build', join(context.dir, 'nope.txt'), '--out', context.out, '--format', 'html'],
    code: 2,
    stderr: [/nope\.txt/],
  },

  {
    name: '--browser-path to a program that is no browser: said once for every format it cost, the others written',
    args: (context) => build(context, '--format', 'html,pdf,slides,handout', '--browser-path', '/bin/ls'),
    code: 3,
    writes: true,
    stderr: [/casebook: zh-CN pdf, zh-CN handout not built: \/bin\/ls, named by --browser-path.*, is not a Chrome\/Chromium casebook could start/],
    after: (context, result) => {
      expect(result.stderr.match(/not built/g)).toHaveLength(1)
      expect(result.stderr).not.toMatch(/set CHROME_PATH/)
      expect(existsSync(join(context.out, 'zh-CN', 'report.html'))).toBe(true)
    },
  },

  // --- editions and translations ------------------------------------------------------------
  {
    name: '--since a file that is not JSON, though named .json',
    previous: true,
    setup: ({ dir }) => writeFileSync(join(dir, 'old.json'), noise(200)),
    args: (context) => build(context, '--format', 'html', '--since', 'old.json'),
    code: 2,
    stderr: [/--since: old\.json is not valid JSON/, /manifest\.json of an earlier build/],
  },
  {
    name: '--since JSON that is not a manifest',
    previous: true,
    setup: ({ dir }) => writeFileSync(join(dir, 'old.json'), '{"tree": 5}\n'),
    args: (context) => build(context, '--format', 'html', '--since', 'old.json'),
    code: 2,
    stderr: [/--since: old\.json is not a casebook manifest/],
  },
  {
    name: '--since CHANGES.md, which is no edition',
    previous: true,
    args: (context) => build(context, '--format', 'html', '--since', join(context.out, 'CHANGES.md')),
    code: 2,
    stderr: [/--since .*CHANGES\.md: that is edition notes casebook wrote, not an edition/],
  },
  {
    name: 'a translation with an error writes nothing, like the source would',
    previous: true,
    setup: ({ dir }) => writeFileSync(join(dir, 'cases.en.md'), '---\ndate: yesterday\n---\n\n# Case 1: Shanghai\n## 1.1 Background\nText.\n'),
    args: (context) => build(context, '--format', 'html', '--locale', 'en'),
    code: 1,
    stderr: [/cases\.en\.md:2:7 error .*yesterday/, /nothing was written/],
  },
  {
    name: 'a corrupt manifest.json is named, not taken for a first edition',
    previous: true,
    setup: ({ out }) => writeFileSync(join(out, 'manifest.json'), '{"artifacts": [], "tree": {}'),
    args: (context) => build(context, '--format', 'html'),
    code: 0,
    writes: true,
    stderr: [/manifest\.json:1:1 warning The previous build's manifest\.json cannot be used: it is not valid JSON.*manifest-unreadable/],
  },

  {
    name: '--since a file that is not there',
    previous: true,
    args: (context) => build(context, '--format', 'html', '--since', 'old-manifest.json'),
    code: 2,
    stderr: [/--since old-manifest\.json: there is no file old-manifest\.json\. Name an earlier out\/manifest\.json of an earlier build/],
  },
  {
    name: 'a config key with a typo names the key it meant and the keys there are',
    setup: ({ dir }) => writeFileSync(join(dir, 'casebook.yaml'), 'titel: 测试\nformat: [html]\n'),
    args: (context) => build(context),
    code: 2,
    stderr: [/casebook\.yaml: unknown keys “titel” \(did you mean “title”\?\), “format” \(did you mean “formats”\?\); the keys here are input, out, title/],
  },

  {
    name: 'front matter lang with no catalog names its file, and builds nothing',
    setup: (context) => {
      context.source = join(context.dir, 'cases.md')
      writeFileSync(context.source, MARKDOWN('2026-01-15').replace('date:', 'lang: fr\ndate:'))
    },
    args: (context) => build(context, '--format', 'html'),
    code: 2,
    stderr: [/cases\.md: front matter “lang: fr” asks for a fr pack, and there is no catalog for fr; the locales there are: en, .*zh-CN/],
  },

  // --- interrupted builds -------------------------------------------------------------------
  {
    name: 'Ctrl-C (SIGINT) during a pdf build',
    previous: true,
    setup: interruptedSource,
    interrupt: 'SIGINT',
    args: (context) => build(context, '--format', 'html,pdf', '--force'),
    code: 130,
    stderr: [/interrupt/i],
    after: async (_, result) => {
      // Its browser is gone, and with it the profile and page folders in /tmp.
      const pid = result.pid!
      await until(() => browserGone(pid))
      expect(browserOf(pid)).toEqual([])
      for (const group of browserGroups.get(pid) ?? []) expect(processes().filter((entry) => entry.pgid === group)).toEqual([])
      expect(tempFoldersOf(pid)).toEqual([])
    },
  },
  {
    name: 'kill -9 during a pdf build leaves no browser running, and the next build clears its profile',
    previous: true,
    setup: interruptedSource,
    interrupt: 'SIGKILL',
    args: (context) => build(context, '--format', 'html,pdf', '--force'),
    code: null,
    stderr: [],
    // A killed build cannot remove its lock; the next one takes it over (build-regeneration.test.ts).
    ignore: ['out/.casebook.lock'],
    after: async (context, result) => {
      expect(result.signal).toBe('SIGKILL')
      const pid = result.pid!
      await until(() => browserGone(pid))
      expect(browserOf(pid)).toEqual([])
      for (const group of browserGroups.get(pid) ?? []) expect(processes().filter((entry) => entry.pgid === group)).toEqual([])
      // The next build (which starts a browser) removes what the dead one left in /tmp.
      const next = run(['build', join(context.dir, 'cases.txt'), '--out', join(context.dir, 'next'), '--format', 'pdf'], context)
      expect(next.code, next.stderr).toBe(0)
      expect(tempFoldersOf(pid)).toEqual([])
    },
  },
]

// --- running a row ------------------------------------------------------------------------

let previousPack: string
/** The process groups of each interrupted build's browser, seen before the signal. */
const browserGroups = new Map<number, number[]>()

function copyPrevious(out: string): void {
  cpSync(previousPack, out, { recursive: true })
}

/**
 * setpriv arguments that run a command without root's power over file permissions: as user
 * nobody when nobody can read this checkout and its build, else (a checkout under /root, say)
 * as root without the capabilities that override permissions, which a 0555 folder then stops too.
 */
function unprivileged(): string[] {
  const nobody = ['--reuid=65534', '--regid=65534', '--clear-groups']
  const probe = spawnSync('setpriv', [...nobody, process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(join(ROOT, 'dist/bundle/casebook.js'))}, 4)`], { encoding: 'utf8' })
  if (probe.status === 0) return nobody
  return ['--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search']
}

function run(args: string[], context: Context, asNobody = false): Result {
  const command = asNobody ? 'setpriv' : process.execPath
  const prefix = asNobody ? [...unprivileged(), process.execPath] : []
  const result = spawnSync(command, [...prefix, CLI, ...args], { cwd: context.dir, env: ENV, encoding: 'utf8', timeout: HANG_MS, killSignal: 'SIGKILL' })
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, hung: result.error !== undefined || result.signal === 'SIGKILL' }
}

/** Starts the build, waits until its browser has the page (a renderer with its profile), sends `signal`, and waits for the build to end. */
async function runInterrupted(args: string[], context: Context, signal: 'SIGINT' | 'SIGKILL'): Promise<Result> {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], { cwd: context.dir, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })))
  let ended = false
  void exited.then(() => (ended = true))
  const pid = child.pid!
  const rendering = (): boolean => /rendering \S+ pdf/.test(stderr) && browserOf(pid).some((entry) => /--type=renderer(?!.*--top-chrome-webui)/.test(entry.cmdline))
  await until(() => ended || rendering())
  const seen = browserOf(pid)
  if (ended || !rendering()) {
    child.kill('SIGKILL')
    await exited
    throw new Error(`build ${pid} was not seen printing (its browser's profile folder should be /tmp/casebook-browser-${pid}-*); stderr:\n${stderr}`)
  }
  browserGroups.set(pid, [...new Set(seen.map((entry) => entry.pgid))])
  child.kill(signal)
  const guard = setTimeout(() => child.kill('SIGKILL'), HANG_MS)
  const { code, signal: endedBy } = await exited
  clearTimeout(guard)
  return { code, signal: endedBy, stdout, stderr, hung: signal !== 'SIGKILL' && endedBy === 'SIGKILL', pid }
}

beforeAll(() => {
  const dir = scratch()
  chmodSync(dir, 0o755)
  const source = join(dir, 'cases.txt')
  writeFileSync(source, readFileSync(SEED))
  previousPack = join(dir, 'previous')
  const result = spawnSync(process.execPath, [CLI, 'build', source, '--out', previousPack, '--format', 'html', '--locale', 'zh-CN'], { cwd: dir, env: ENV, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`the previous pack did not build: ${result.stderr}`)
  // The pack as a user would have it, readable by anyone.
  spawnSync('chmod', ['-R', 'a+rX', dir])
})

describe('mistakes: exit code, message, nothing written', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const dir = scratch()
      const source = join(dir, 'cases.txt')
      writeFileSync(source, readFileSync(SEED))
      const context: Context = { dir, source, out: join(dir, 'out'), watched: [dir] }
      if (row.previous) copyPrevious(context.out)
      row.setup?.(context)
      const before = context.watched.map(snapshot)
      const args = row.args(context)
      const result = row.interrupt ? await runInterrupted(args, context, row.interrupt) : run(args, context, row.asNobody)

      expect(result.hung, `hung; stderr:\n${result.stderr}`).toBe(false)
      const codes = Array.isArray(row.code) ? row.code : [row.code]
      expect(codes, `exit ${result.code}; stderr:\n${result.stderr}`).toContain(result.code)
      for (const pattern of row.stderr) expect(result.stderr).toMatch(pattern)
      expect(result.stderr).not.toMatch(STACK)
      expect(result.stderr).not.toMatch(/internal error/i)

      const after = context.watched.map(snapshot)
      for (const [index, files] of after.entries()) {
        expect(Object.keys(files).filter((path) => /\.tmp$/.test(path)), 'temp files left').toEqual([])
        if (row.writes) continue
        for (const path of row.ignore ?? []) {
          delete files[path]
          delete before[index][path]
        }
        expect(files, `${context.watched[index]} changed`).toEqual(before[index])
      }
      await row.after?.(context, result)
    })
  }
})

describe('the safety net in handle-error', () => {
  /** What handleError prints for `error`, and the exit code it returns. */
  function handled(error: unknown): { code: number; printed: string } {
    let printed = ''
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk)
      return true
    })
    try {
      return { code: handleError(error, false), printed }
    } finally {
      write.mockRestore()
    }
  }
  const errno = (code: string, syscall: string, path?: string): NodeJS.ErrnoException =>
    Object.assign(new Error(`${code}: ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, path, errno: -1 })

  it.each([
    ['ENOSPC', 'write', undefined, /could not write: the disk is full \(ENOSPC\)/],
    ['EACCES', 'open', '/srv/pack/x', /could not open \/srv\/pack\/x: permission denied \(EACCES\)/],
    ['EROFS', 'mkdir', '/mnt/ro/out', /read-only \(EROFS\)/],
    ['EPERM', 'rename', '/srv/a', /operation not permitted \(EPERM\)/],
    ['ENOTDIR', 'mkdir', '/srv/file/out', /\/srv\/file\/out: .*not a folder \(ENOTDIR\)/],
    ['EEXIST', 'mkdir', '/srv/file', /already exists \(EEXIST\)/],
    ['EISDIR', 'open', '/srv/dir', /is a folder \(EISDIR\)/],
    ['EMFILE', 'open', '/srv/f', /too many open files.*\(EMFILE\)/],
    ['EIO', 'read', '/srv/f', /input\/output error.*\(EIO\)/],
    ['ERR_FS_EISDIR', 'rm', '/srv/dir', /is a folder \(EISDIR\)/],
  ])('an unmapped %s error is exit 3 with a plain message, not 70', (code, syscall, path, says) => {
    const { code: exit, printed } = handled(errno(code, syscall, path))
    expect(exit).toBe(3)
    expect(printed).toMatch(says)
    expect(printed).not.toMatch(/internal error|please report/i)
    expect(printed).not.toMatch(STACK)
  })

  it('anything else is still an internal error (exit 70)', () => {
    const { code, printed } = handled(new TypeError('x is undefined'))
    expect(code).toBe(70)
    expect(printed).toMatch(/internal error: x is undefined/)
  })
})
