/**
 * Deck benchmarks (run after `npm run build`): the seed and a generated 1,000-case
 * document, slides HTML alone (a fresh process: read, parse, check, view,
 * template, subset fonts) and HTML+PDF (`casebook build --format slides,handout`),
 * median of 3, next to Marp CLI on the same content when it is installed.
 * No figure here is asserted by a test.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { writeDocuments } from './bench/generate-document.js'
import { has, table, timeCommand } from './bench/measure.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = join(root, 'bin', 'casebook.js')
const self = fileURLToPath(import.meta.url)

if (process.argv[2] === '--deck-html') {
  await deckHtml(process.argv[3], process.argv[4])
  process.exit(0)
}

const runs = Number(process.env.BENCH_RUNS ?? 3)
const sizes = (process.env.BENCH_SLIDES_SIZES ?? '1000').split(',').map(Number)
const work = mkdtempSync(join(tmpdir(), 'casebook-bench-slides-'))
const fmt = (seconds) => (seconds === undefined ? '—' : seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`)
const marp = [join(root, 'node_modules/.bin/marp')].find(existsSync) ?? (has('marp') ? 'marp' : null)
const documents = [{ name: 'seed (10 cases)', input: join(root, 'content/000_26baee1053dad71d.txt') }, ...sizes.map((size) => ({ name: `${size.toLocaleString('en')} cases`, input: writeDocuments(work, size).outline }))]

const rows = []
for (const { name, input } of documents) {
  const out = join(work, `out-${rows.length}`)
  const html = timeCommand(process.execPath, [self, '--deck-html', input, join(out, 'slides.html')], { runs })
  const full = timeCommand(process.execPath, [cli, 'build', input, '--format', 'slides,handout', '--locale', 'zh-CN', '--force', '--out', out], { runs })
  const pages = full.ok ? JSON.parse(spawnSync('cat', [join(out, 'manifest.json')], { encoding: 'utf8' }).stdout).artifacts.find((a) => a.path.endsWith('slides.pdf'))?.pages : undefined
  const row = [name, pages ?? '—', html.ok ? fmt(html.seconds) : `failed: ${html.error}`, full.ok ? fmt(full.seconds) : `failed: ${full.error}`, full.ok ? `${(statSync(join(out, 'zh-CN/slides.html')).size / 1024).toFixed(0)} KiB` : '—']
  if (marp) {
    const markdown = join(work, `marp-${rows.length}.md`)
    writeFileSync(markdown, marpMarkdown(input))
    const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }
    const marpHtml = timeCommand(marp, [markdown, '-o', join(work, `marp-${rows.length}.html`)], { runs, env })
    const marpPdf = timeCommand(marp, [markdown, '--pdf', '--allow-local-files', '-o', join(work, `marp-${rows.length}.pdf`)], { runs, env })
    row.push(marpHtml.ok ? fmt(marpHtml.seconds) : 'failed', marpPdf.ok ? fmt(marpPdf.seconds) : 'failed')
  } else row.push('not installed', 'not installed')
  rows.push(row)
}
console.log('\n## Slides: deck HTML and HTML+PDF, whole process, next to Marp CLI (same content as Markdown)\n')
console.log(table(['document', 'slides', 'casebook HTML', 'casebook HTML+PDF', 'HTML size', 'marp HTML', 'marp PDF'], rows))
console.log(`\n${runs} runs each (median). casebook HTML alone runs read → check → deck view → template → subset fonts in a fresh Node process; HTML+PDF is \`casebook build --format slides,handout\`, which launches Chromium and prints every slide.\n`)

/** The deck HTML alone, in this process, as the renderer makes it before printing. */
async function deckHtml(input, outFile) {
  const { loadDocument } = await import('../dist/load-document.js')
  const { defaultCheckOptions } = await import('../dist/check/check-document.js')
  const { loadLocale } = await import('../dist/locale/load-locale.js')
  const { templateDirs } = await import('../dist/config/template-dirs.js')
  const { loadConfig } = await import('../dist/config/load-config.js')
  const { buildDeckView } = await import('../dist/render/slides/build-deck-view.js')
  const { renderDeck } = await import('../dist/render/slides/render-deck.js')
  const { mkdirSync } = await import('node:fs')
  const { dirname } = await import('node:path')
  const start = performance.now()
  const document = await loadDocument(input, { check: defaultCheckOptions, defaults: { title: 'Benchmark' } })
  const dirs = templateDirs()
  const context = { locale: await loadLocale('zh-CN', dirs), config: await loadConfig(null), templateDirs: dirs, sourceDate: new Date(0), shared: new Map(), browser: () => Promise.reject(new Error('no browser here')) }
  const html = await renderDeck(await buildDeckView(document.tree, context), context)
  mkdirSync(dirname(outFile), { recursive: true })
  writeFileSync(outFile, html)
  process.stderr.write(`${(performance.now() - start).toFixed(0)} ms\n`)
}

/** The same content as Marp Markdown, from `casebook ast`: title, one slide per case, conclusion. */
function marpMarkdown(input) {
  const tree = JSON.parse(spawnSync(process.execPath, [cli, 'ast', input], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout)
  const text = (node) => (typeof node.value === 'string' ? node.value : (node.children ?? []).map(text).join(''))
  const slides = [`# ${tree.data.title}`]
  for (const node of tree.children) {
    if (node.type !== 'case') {
      slides.push(`## ${node.title ?? ''}\n\n${node.children.map(text).join('\n\n')}`)
      continue
    }
    const body = node.children.map((section) => `### ${section.title}\n\n${section.children.map((block) => (block.type === 'point' ? `- **${block.label ?? ''}**:${text(block)}` : text(block))).join('\n')}`)
    slides.push(`## ${node.label ?? ''}:${node.title}\n\n${body.join('\n\n')}`)
  }
  return `---\nmarp: true\npaginate: true\n---\n\n${slides.join('\n\n---\n\n')}\n`
}
