/** `casebook watch` and `casebook serve` as a user runs them: they build, print, and stop cleanly on Ctrl-C. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/cli.js'
import { copyFixture } from './helpers/watch-recorder.js'

/** Starts the CLI and collects its output; `until` resolves once stderr+stdout match `pattern`. */
function start(args: string[], cwd: string): { child: ChildProcess; output: () => string; until(pattern: RegExp): Promise<RegExpMatchArray>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'casebook.js'), ...args], { cwd, env: { ...process.env, CI: 'true' } })
  let text = ''
  const listeners = new Set<() => void>()
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('utf8')
    for (const listener of listeners) listener()
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    output: () => text,
    until: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(text)
          if (match) {
            listeners.delete(check)
            resolve(match)
          }
        }
        listeners.add(check)
        exit.then(() => reject(new Error(`exited before printing ${pattern}:\n${text}`)))
        check()
      }),
    exit,
  }
}

describe('casebook watch (CLI)', () => {
  it('builds, reports the build, and exits 0 on SIGINT', async () => {
    const fixture = copyFixture('watch-three-cases')
    const run = start(['watch', fixture.input, '--out', fixture.out, '--config', fixture.config], fixture.dir)
    try {
      await run.until(/built in \d+ ms/)
      expect(run.output()).toMatch(/watching src/)
      expect(run.output()).toMatch(/wrote out\/zh-CN\/report\.html/)
      expect(existsSync(join(fixture.out, 'zh-CN', 'report.html'))).toBe(true)
      run.child.kill('SIGINT')
      expect(await run.exit).toBe(0)
    } finally {
      run.child.kill('SIGKILL')
    }
  })
})

/** The browsers `pid` started, with their profile folders. */
function childBrowsers(pid: number): Array<{ pid: number; profile: string }> {
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map(Number).filter((child) => child > 0)
  return children.flatMap((child) => {
    const args = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0')
    const profile = args.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length)
    return profile ? [{ pid: child, profile }] : []
  })
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('casebook watch with slides (CLI)', () => {
  it('keeps one browser across rebuilds and closes it, with its profile, on SIGINT', async () => {
    const fixture = copyFixture('watch-three-cases')
    const run = start(['watch', fixture.input, '--out', fixture.out, '--config', fixture.config, '--format', 'slides,handout'], fixture.dir)
    try {
      await run.until(/built in \d+ ms/)
      const browsers = childBrowsers(run.child.pid ?? 0)
      expect(browsers).toHaveLength(1)
      const source = readFileSync(fixture.input, 'utf8')
      writeFileSync(fixture.input, source.replace('苏州“一网通办”', '苏州“一网通办”升级版'))
      await run.until(/built in \d+ ms[\s\S]*built in \d+ ms/)
      expect(childBrowsers(run.child.pid ?? 0)).toEqual(browsers)
      expect(run.output()).toMatch(/wrote out\/zh-CN\/slides\.html/)
      run.child.kill('SIGINT')
      expect(await run.exit).toBe(0)
      expect(isRunning(browsers[0].pid)).toBe(false)
      expect(existsSync(browsers[0].profile)).toBe(false)
    } finally {
      run.child.kill('SIGKILL')
    }
  })
})

describe('casebook serve (CLI)', () => {
  it('prints the URL of a free port with --port 0 and serves the report there', async () => {
    const fixture = copyFixture('watch-three-cases')
    const run = start(['serve', fixture.input, '--out', fixture.out, '--config', fixture.config, '--port', '0'], fixture.dir)
    try {
      const [, url] = await run.until(/serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/)
      expect(url).not.toMatch(/:0\/$/)
      await run.until(/built in \d+ ms/)
      const response = await fetch(`${url}zh-CN/report.html`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(await response.text()).toContain('<span class="case-title">宁波“民生e点通”</span>')
      run.child.kill('SIGTERM')
      expect(await run.exit).toBe(0)
    } finally {
      run.child.kill('SIGKILL')
    }
  })

  it('rejects a bad port as a usage error (exit 2)', async () => {
    const fixture = copyFixture('watch-three-cases')
    const run = start(['serve', fixture.input, '--config', fixture.config, '--port', 'eighty'], fixture.dir)
    expect(await run.exit).toBe(2)
    expect(run.output()).toContain('--port must be a number')
  })
})
