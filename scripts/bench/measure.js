/** Small timing helpers for the benchmarks: medians of whole-process runs and in-process stages. */
import { spawnSync } from 'node:child_process'

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Runs a command `runs` times; returns the median wall time in seconds and the peak RSS in MiB (GNU time). */
export function timeCommand(command, args, { runs = 3, env = process.env, cwd } = {}) {
  const times = []
  let peak = 0
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { env, cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    if (result.status !== 0) return { ok: false, error: (result.stderr || '').trim().split('\n').slice(-3).join(' ') }
    times.push(seconds)
    const kib = Number((result.stderr.trim().split('\n').at(-1) || '0').trim())
    peak = Math.max(peak, kib / 1024)
  }
  return { ok: true, seconds: median(times), peakMiB: peak }
}

/** True when `command` is on PATH. */
export function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}

/** Formats rows as a Markdown table. */
export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}
