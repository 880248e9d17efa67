/** Small timing helpers for the benchmarks: medians of whole-process runs and in-process stages. */
import { spawnSync } from 'node:child_process'

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** One run of a command under GNU time: wall seconds, peak RSS in MiB and the command's own stderr, or the error it ended with. */
function runOnce(command, args, { env = process.env, cwd } = {}) {
  const start = process.hrtime.bigint()
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { env, cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (result.status !== 0) return { ok: false, error: (result.stderr || '').trim().split('\n').slice(-3).join(' ') }
  const lines = result.stderr.trim().split('\n')
  const kib = Number((lines.at(-1) || '0').trim())
  return { ok: true, seconds, peakMiB: kib / 1024, stderr: lines.slice(0, -1).join('\n') }
}

/** Runs a command `runs` times; returns the median wall time in seconds and the peak RSS in MiB (GNU time). */
export function timeCommand(command, args, { runs = 3, env, cwd } = {}) {
  return timeInterleaved([{ command, args, env, cwd, runs }])[0]
}

/**
 * Times several commands side by side: run 1 of each, then run 2 of each, and
 * so on, so a change in the machine's load falls on all of them alike. Every
 * other round goes in reverse order: with a fixed order, the first command of
 * each round ran ~35 ms slower here even when both were the same build. Each
 * entry may ask for fewer runs (a peer that takes minutes). Returns, per
 * command, the median wall time, the highest peak RSS and each run's stderr.
 */
export function timeInterleaved(entries) {
  const samples = entries.map(() => ({ times: [], peak: 0, error: undefined, stderr: [] }))
  const rounds = Math.max(...entries.map((entry) => entry.runs ?? 3))
  for (let round = 0; round < rounds; round++) {
    const order = entries.map((_, index) => index)
    if (round % 2 === 1) order.reverse()
    order.forEach((index) => {
      const entry = entries[index]
      const sample = samples[index]
      if (sample.error || round >= (entry.runs ?? 3)) return
      const run = runOnce(entry.command, entry.args, entry)
      if (!run.ok) sample.error = run.error
      else {
        sample.times.push(run.seconds)
        sample.peak = Math.max(sample.peak, run.peakMiB)
        sample.stderr.push(run.stderr)
      }
    })
  }
  return samples.map((sample) =>
    sample.error ? { ok: false, error: sample.error } : { ok: true, seconds: median(sample.times), peakMiB: sample.peak, stderr: sample.stderr },
  )
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

/** Seconds as `850 ms` or `1.25 s`; `—` when unknown. */
export function formatSeconds(seconds) {
  return seconds === undefined ? '—' : seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`
}
