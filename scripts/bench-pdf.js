/**
 * Times report.pdf as users run it: whole `casebook build --format pdf` processes for the seed and
 * for a generated 1,000-case document, side by side (runs interleaved) with md-to-pdf on the same
 * content as Markdown and with Typst (the same report written in Typst, compiled in Node by
 * @myriaddreamin/typst-ts-node-compiler@0.7.0 through ../shared/bench/typst-anchor.mjs) when they
 * are installed; then casebook with `layout.caseBreak: auto`, and Chromium's own time for the
 * 1,000-case report page (launch, load, fonts, print: what any tool printing that HTML with
 * Chromium pays), to show casebook's overhead. Medians of BENCH_RUNS (3) runs.
 * Peers are found in BENCH_PEERS (a folder where both are installed with npm, outside the repo),
 * node_modules/.bin or PATH (md-to-pdf, or BENCH_MD_TO_PDF), and BENCH_TYPST_ANCHOR names the anchor.
 * Run after `npm run build`: it imports the built library from dist/. With
 * BENCH_SUMMARY set, also writes the figures there as JSON for bench.js's targets.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { writeDocuments } from './bench/generate-document.js'
import { has, median, table, timeCommand, timeInterleaved } from './bench/measure.js'
import { findBrowser } from '../dist/browser/find-browser.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = join(root, 'bin', 'casebook.js')
const seed = join(root, 'content', '000_26baee1053dad71d.txt')
const runs = Number(process.env.BENCH_RUNS ?? 3)
const size = Number(process.env.BENCH_CASES ?? 1000)
const peers = process.env.BENCH_PEERS
const work = mkdtempSync(join(tmpdir(), 'casebook-bench-pdf-'))
// The seed's settings, with room for a 1,000-case print on a busy machine.
const config = join(work, 'casebook.yaml')
const settings = readFileSync(join(root, 'content', 'casebook.yaml'), 'utf8').replace(/^formats:.*$/m, 'formats: [pdf]') + 'browser:\n  timeout: 600000\n'
writeFileSync(config, settings)
const autoConfig = join(work, 'casebook-auto.yaml')
writeFileSync(autoConfig, settings + 'layout:\n  caseBreak: auto\n')
const fmt = (seconds) => (seconds === undefined ? 'unavailable' : `${seconds.toFixed(2)} s`)
const ratio = (ours, theirs) => (ours && theirs ? `${(ours / theirs).toFixed(2)}×` : '—')
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }

const generated = writeDocuments(work, size)
// md-to-pdf reads Markdown: the seed in Markdown is the generator's 10-case form, the same shape and length.
const seedMarkdown = writeDocuments(work, 10).markdown
const documents = [
  { name: 'seed (10 cases)', outline: seed, markdown: seedMarkdown },
  { name: `${size.toLocaleString('en')} cases`, outline: generated.outline, markdown: generated.markdown },
]

const browser = findBrowser()
const mdToPdf = findMdToPdf()
const typst = findTypst()
console.log(`## report.pdf\n\n${runs} runs each (median), whole processes including the browser's start, runs interleaved. casebook prints with ${browser ?? 'no browser found'}; md-to-pdf with ${mdToPdf?.browser ?? '—'} (full Chromium, as its own puppeteer would); Typst is ${typst ? 'typst-ts-node-compiler 0.7.0 (Typst 0.14) through typst-anchor.mjs' : 'not installed (BENCH_PEERS)'}.\n`)
const rows = []
const results = {}
for (const document of documents) {
  const casebookRun = (file) => ({ command: process.execPath, args: [cli, 'build', document.outline, '--config', file, '--format', 'pdf', '--locale', 'zh-CN', '--force', '--out', join(work, 'out')], runs, env })
  const entries = [casebookRun(config), casebookRun(autoConfig)]
  if (mdToPdf) entries.push({ command: mdToPdf.command, args: [...mdToPdf.args, document.markdown], runs, env })
  if (typst) entries.push({ command: process.execPath, args: [...typst.args, document.outline, join(work, 'typst.pdf')], runs, env })
  const [ours, auto, ...others] = timeInterleaved(entries)
  if (!ours.ok) throw new Error(`casebook failed: ${ours.error}`)
  const theirs = mdToPdf ? others.shift() : undefined
  const anchor = typst ? others.shift() : undefined
  const peer = theirs?.ok ? theirs.seconds : undefined
  const typstSeconds = anchor?.ok ? anchor.seconds : undefined
  results[document.name] = { casebook: ours.seconds, auto: auto.ok ? auto.seconds : undefined, mdToPdf: peer, typst: typstSeconds }
  rows.push([document.name, fmt(ours.seconds), `${ours.peakMiB.toFixed(0)} MiB`, auto.ok ? fmt(auto.seconds) : auto.error, fmt(peer), ratio(ours.seconds, peer), fmt(typstSeconds), ratio(ours.seconds, typstSeconds)])
}
console.log(table(['document', 'casebook', 'casebook peak RSS', 'casebook, caseBreak: auto', 'md-to-pdf', 'casebook / md-to-pdf', 'Typst', 'casebook / Typst'], rows))
if (!mdToPdf) console.log('\nmd-to-pdf is not installed (BENCH_PEERS, node_modules/.bin or PATH, or BENCH_MD_TO_PDF): its column is unavailable.')

// Chromium's own time for the same page: what any tool that prints this HTML with Chromium pays
// (launch, load, wait for fonts, print), next to casebook's whole process, runs interleaved.
const ready = await readyHtml(generated.outline)
const printArgs = [cli, 'build', generated.outline, '--config', config, '--format', 'pdf', '--locale', 'zh-CN', '--force', '--timings', '--out', join(work, 'out-interleaved')]
const ourTimes = []
const chromiumTimes = []
const ownSteps = []
let chromium
for (let i = 0; i < runs; i++) {
  const ours = timeCommand(process.execPath, printArgs, { runs: 1, env })
  if (!ours.ok) throw new Error(`casebook failed: ${ours.error}`)
  ourTimes.push(ours.seconds)
  ownSteps.push(chromiumSteps(ours.stderr[0], ours.seconds))
  chromium = await chromiumAlone(ready)
  chromiumTimes.push(chromium.total)
}
const whole = median(ourTimes)
const chromiumTotal = median(chromiumTimes)
// Within each casebook run: its wall time against the Chromium steps of that same run (launch, tab,
// load, print). Chromium's print of 1,000 pages varies by ±30 % from run to run here, which swamps
// a comparison of medians across runs; in one run both sides see the same machine.
const inRun = median(ownSteps.map((run) => (run.wall / run.chromium - 1) * 100))
const stepMedian = (name) => median(ownSteps.map((run) => run.steps[name] ?? 0)) / 1000
console.log(`\n### Chromium alone, ${size.toLocaleString('en')} cases\n`)
console.log(table(
  ['step', 'time'],
  [
    ['Chromium: launch, load the report page, wait for fonts, print it whole (median)', fmt(chromiumTotal)],
    ['… of which page.pdf', fmt(chromium.print)],
    ['casebook whole process (median, runs interleaved with the above)', fmt(whole)],
    ['casebook against Chromium printing the page whole (medians of separate runs; below 0 where casebook prints in parts)', `${((whole / chromiumTotal - 1) * 100).toFixed(0)} %`],
    ['pages', String(chromium.pages)],
  ],
))
console.log(`\n### Inside casebook's runs (\`--timings\`, medians of ${runs})\n`)
console.log(table(
  ['step', 'time'],
  [
    ...['browser launch', 'open a tab', 'page load', 'print', 'close the tab'].map((name) => [`Chromium: ${name}`, fmt(stepMedian(name))]),
    ...['read, parse and check', 'report HTML', 'waiting for the browser', 'page numbers', 'join parts', 'finish PDF', 'write'].map((name) => [`casebook: ${name}`, fmt(stepMedian(name))]),
    ['whole process', fmt(median(ownSteps.map((run) => run.wall)))],
    ['casebook overhead over the Chromium steps of the same run (median of per-run ratios)', `${inRun.toFixed(0)} %`],
  ],
))
if (process.env.BENCH_SUMMARY) {
  writeFileSync(
    process.env.BENCH_SUMMARY,
    JSON.stringify({ documents: results, casebook: whole, chromium: chromiumTotal, chromiumPrint: chromium.print, overheadPercent: (whole / chromiumTotal - 1) * 100, inRunOverheadPercent: inRun, pages: chromium.pages }),
  )
}

/**
 * The steps of one `casebook build --timings` run of the PDF, in ms, and how much of its wall
 * time (`wall`, seconds) was Chromium's own work: launch, opening and closing the tab, load, prints.
 */
function chromiumSteps(stderr, wall) {
  const steps = {}
  for (const [, ms, label] of stderr.matchAll(/^timing\s+(\d+) ms\s+(.+)$/gm)) {
    // A second print (the contents numbers were guessed wrong) is casebook's cost, not Chromium's: kept apart.
    // A report printed in parts times its prints as one step (`print (10 parts)`), and its join as `join parts` (casebook's);
    // each part's own line (`print part 3 of 10 (pages …)`) is within that step, and counted only there.
    const name = label.replace(/^\S+ pdf: /, '').replace(/^print \(\d+ parts\)$/, 'print')
    steps[name] = (steps[name] ?? 0) + Number(ms)
  }
  const chromium = ['browser launch', 'open a tab', 'page load', 'print', 'close the tab'].reduce((sum, name) => sum + (steps[name] ?? 0), 0) / 1000
  if (chromium === 0) throw new Error(`no --timings in casebook's output:\n${stderr}`)
  return { steps, chromium, wall }
}

/** md-to-pdf from BENCH_MD_TO_PDF, node_modules/.bin or PATH, told to use the same Chromium. */
function findMdToPdf() {
  const installed = [peers && join(peers, 'node_modules', '.bin', 'md-to-pdf'), join(root, 'node_modules', '.bin', 'md-to-pdf')].find((path) => path && existsSync(path))
  const command = process.env.BENCH_MD_TO_PDF ?? installed ?? (has('md-to-pdf') ? 'md-to-pdf' : undefined)
  if (!command) return undefined
  // Full Chromium: md-to-pdf's own puppeteer downloads Chrome, not the headless shell.
  const executablePath = process.env.BENCH_MD_TO_PDF_BROWSER ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : browser)
  const launch = { executablePath, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] }
  return { command, args: ['--launch-options', JSON.stringify(launch)], browser: executablePath }
}

/** typst-anchor.mjs and where the compiler is installed, when both are there. */
function findTypst() {
  const anchor = process.env.BENCH_TYPST_ANCHOR ?? join(root, '..', 'shared', 'bench', 'typst-anchor.mjs')
  if (!peers || !existsSync(anchor) || !existsSync(join(peers, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))) return undefined
  return { args: [anchor, peers] }
}

/** The exact HTML casebook prints for `input` (page rules and print fonts included), in a file. */
async function readyHtml(input) {
  const { loadDocument } = await import(pathToFileURL(join(root, 'dist/load-document.js')).href)
  const { loadLocale } = await import(pathToFileURL(join(root, 'dist/locale/load-locale.js')).href)
  const { loadConfig } = await import(pathToFileURL(join(root, 'dist/config/load-config.js')).href)
  const { templateDirs } = await import(pathToFileURL(join(root, 'dist/config/template-dirs.js')).href)
  const { buildReportView } = await import(pathToFileURL(join(root, 'dist/render/report-view.js')).href)
  const { renderReport } = await import(pathToFileURL(join(root, 'dist/render/shared/render-report.js')).href)
  const { casebookFontsource, inlineFontFaces } = await import(pathToFileURL(join(root, 'dist/render/shared/font-faces.js')).href)
  const { pageCss, printText, runningHeadCss, PRINT_FONT } = await import(pathToFileURL(join(root, 'dist/render/pdf/page-css.js')).href)
  const { textWidth } = await import(pathToFileURL(join(root, 'dist/render/text-width.js')).href)
  const { pageGeometry } = await import(pathToFileURL(join(root, 'dist/render/pdf/page-geometry.js')).href)

  const settings = await loadConfig(config)
  const document = await loadDocument(input, { defaults: { title: settings.title, lang: settings.lang } })
  const dirs = templateDirs(settings.templatesDir)
  const locale = await loadLocale('zh-CN', dirs)
  const context = { locale, config: settings, templateDirs: dirs, sourceDate: new Date(0), shared: new Map(), browser: () => Promise.reject(new Error('unused')) }
  const view = await buildReportView(document.tree, context)
  const styles = readFileSync(join(root, 'templates/report.css'), 'utf8')
  const faces = (await inlineFontFaces(casebookFontsource(locale.rules.fonts.fontsource), printText(view, locale, styles), [400])).replace(/font-family:'[^']*'/g, `font-family:'${PRINT_FONT}'`)
  // casebook measures the running header in the page before printing; estimated widths (8.5pt type) do here.
  const geometry = pageGeometry('A4')
  const heads = runningHeadCss(view, locale, geometry, (text, start = 0, end = text.length, width = 0) => textWidth(text, start, end, width / 11.333) * 11.333)
  const html = await renderReport(view, context, { pageCss: pageCss(view, locale, geometry, faces) + '\n' + heads })
  const file = join(work, 'ready.html')
  writeFileSync(file, html)
  return file
}

/** One plain Chromium print of `file`: launch, load, fonts, page.pdf, close; seconds in all and for page.pdf. */
async function chromiumAlone(file) {
  const { launchBrowser } = await import(pathToFileURL(join(root, 'dist/browser/launch-browser.js')).href)
  const start = process.hrtime.bigint()
  const session = await launchBrowser()
  try {
    const page = await session.browser.newPage()
    await page.emulateMediaType('print')
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 600_000 })
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    const printStart = process.hrtime.bigint()
    const bytes = await page.pdf({ printBackground: true, preferCSSPageSize: true, outline: true, tagged: true, timeout: 600_000 })
    const print = Number(process.hrtime.bigint() - printStart) / 1e9
    const pages = (Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
    return { print, pages, total: Number(process.hrtime.bigint() - start) / 1e9 }
  } finally {
    await session.close()
  }
}
