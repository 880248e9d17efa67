/** `casebook watch` and `casebook serve` as a user runs them: they build, print, and stop cleanly on Ctrl-C. */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/cli.js'
import { copyFixture } from './watch-recorder.js'

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
