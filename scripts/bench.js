/**
 * `npm run bench`: stage × document size (wall time, peak memory), whole-process
 * times next to peers that are installed (pandoc, md-to-pdf, marp), and start-up.
 * Medians of several runs; no figure here is asserted by a test.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeDocuments } from './bench/generate-document.js'
import { has, median, table, timeCommand } from './bench/measure.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = join(root, 'bin', 'casebook.js')
const sizes = (process.env.BENCH_SIZES ?? '10,1000,10000').split(',').map(Number)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const work = mkdtempSync(join(tmpdir(), 'casebook-bench-'))
const fmt = (seconds) => (seconds === undefined ? '—' : seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`)
const ratio = (ours, theirs) => (ours && theirs ? `${(ours / theirs).toFixed(2)}×` : '—')

console.log(`# casebook benchmarks\n\nNode ${process.version}, ${process.platform}/${process.arch}, ${runs} runs each (median).\n`)

// In-process stages, a fresh process per run so memory figures are per size.
const stageRows = []
for (const size of sizes) {
  const { outline } = writeDocuments(work, size)
  const samples = []
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, [join(root, 'scripts/bench/stages.js'), outline], { encoding: 'utf8', maxBuffer: 1 << 30 })
    if (result.status !== 0) throw new Error(result.stderr)
    samples.push(JSON.parse(result.stdout))
  }
  const parse = median(samples.map((s) => s.parseMs)) / 1000
  const html = median(samples.map((s) => s.htmlMs)) / 1000
  stageRows.push([size.toLocaleString('en'), fmt(parse), fmt(html), fmt(parse + html), `${Math.max(...samples.map((s) => s.peakMiB)).toFixed(0)} MiB`])
}
console.log('## Stages, in one process\n')
console.log(table(['cases', 'read+parse+check', 'HTML report', 'parse+HTML', 'peak RSS'], stageRows))

// Whole process, side by side with peers.
const peers = { pandoc: has('pandoc') }
const formatsRows = []
for (const size of sizes) {
  const { outline, markdown } = writeDocuments(work, size)
  const out = join(work, `out-${size}`)
  const peerRuns = size >= 10000 ? 1 : runs
  for (const format of ['html', 'docx']) {
    const ours = timeCommand(process.execPath, [cli, 'build', outline, '--format', format, '--locale', 'zh-CN', '--force', '--out', out], { runs })
    const theirs = peers.pandoc ? timeCommand('pandoc', [markdown, '--standalone', '--metadata', 'title=bench', '-o', join(work, `pandoc-${size}.${format}`)], { runs: peerRuns }) : { ok: false }
    formatsRows.push([
      size.toLocaleString('en'),
      format,
      ours.ok ? fmt(ours.seconds) : `failed: ${ours.error}`,
      ours.ok ? `${ours.peakMiB.toFixed(0)} MiB` : '—',
      theirs.ok ? fmt(theirs.seconds) : 'not installed',
      theirs.ok && ours.ok ? ratio(ours.seconds, theirs.seconds) : '—',
    ])
  }
}
console.log('\n## Whole process: casebook build vs pandoc (Markdown of the same content)\n')
console.log(table(['cases', 'format', 'casebook', 'casebook peak', 'pandoc', 'casebook / pandoc'], formatsRows))

// Start-up: what every command pays before doing anything.
const startup = []
for (let i = 0; i < 10; i++) {
  const start = process.hrtime.bigint()
  spawnSync(process.execPath, [cli, '--version'])
  startup.push(Number(process.hrtime.bigint() - start) / 1e9)
}
console.log(`\n## Start-up\n\n\`casebook --version\`: ${fmt(median(startup))} (median of 10)\n`)

// Regeneration: the seed's whole pack (every format), rebuilt from scratch and then unchanged.
const seedOut = join(work, 'out-seed')
const seedArgs = [cli, 'build', join(root, 'content'), '--locale', 'zh-CN', '--out', seedOut]
const full = timeCommand(process.execPath, [...seedArgs, '--force'], { runs, cwd: root })
const unchanged = timeCommand(process.execPath, seedArgs, { runs, cwd: root })
console.log('## Regeneration (seed, zh-CN, html+pdf+slides+docx)\n')
console.log(table(['build', 'time', 'peak RSS'], [
  ['full (`--force`)', full.ok ? fmt(full.seconds) : full.error, full.ok ? `${full.peakMiB.toFixed(0)} MiB` : '—'],
  ['unchanged rebuild', unchanged.ok ? fmt(unchanged.seconds) : unchanged.error, unchanged.ok ? `${unchanged.peakMiB.toFixed(0)} MiB` : '—'],
  ['unchanged / full', full.ok && unchanged.ok ? `${((unchanged.seconds / full.seconds) * 100).toFixed(0)} %` : '—', ''],
]))
console.log('')

// Format-specific benchmarks live beside this script (BENCH_ONLY=core skips them).
for (const name of process.env.BENCH_ONLY === 'core' ? [] : ['bench-pdf.js', 'bench-slides.js']) {
  const script = join(root, 'scripts', name)
  if (!existsSync(script)) continue
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 })
  process.stdout.write(result.stdout)
}
