/**
 * In-process stage timings for one document, in one process: read+parse+check,
 * the HTML report (view, template, fonts), the slide deck's HTML and the .docx.
 * Prints one JSON line. Run in a fresh process per size, so peak memory is per size.
 */
import { performance } from 'node:perf_hooks'
import { loadDocument } from '../../dist/load-document.js'
import { defaultCheckOptions } from '../../dist/check/check-document.js'
import { loadLocale } from '../../dist/locale/load-locale.js'
import { templateDirs } from '../../dist/config/template-dirs.js'
import { buildReportView } from '../../dist/render/report-view.js'
import { renderReport } from '../../dist/render/shared/render-report.js'
import { buildDeckView } from '../../dist/render/slides/build-deck-view.js'
import { renderDeck } from '../../dist/render/slides/render-deck.js'
import { packDocx } from '../../dist/render/docx/pack-docx.js'
import { loadConfig } from '../../dist/config/load-config.js'

const input = process.argv[2]
const stages = (process.argv[3] ?? 'html,slides,docx').split(',')
const timings = {}
const time = async (name, work) => {
  const start = performance.now()
  const result = await work()
  timings[name] = performance.now() - start
  return result
}

// As a build checks: counted marks (cjk-punctuation) counted on their first message, which `check` lists one by one.
const document = await time('parseMs', () => loadDocument(input, { check: { ...defaultCheckOptions, countMarks: true }, defaults: { title: 'Benchmark' } }))
const dirs = templateDirs()
const context = { locale: await loadLocale('zh-CN', dirs), config: await loadConfig(null), templateDirs: dirs, sourceDate: new Date(0), shared: new Map(), browser: () => Promise.reject(new Error('no browser in this benchmark')) }
if (stages.includes('html')) await time('htmlMs', async () => renderReport(await buildReportView(document.tree, context), context))
if (stages.includes('slides')) await time('slidesMs', async () => renderDeck(await buildDeckView(document.tree, context), context))
if (stages.includes('docx')) await time('docxMs', () => packDocx(document.tree, context))
process.stdout.write(JSON.stringify({ ...timings, peakMiB: process.resourceUsage().maxRSS / 1024 }) + '\n')
