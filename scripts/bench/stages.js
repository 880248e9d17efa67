/**
 * In-process stage timings for one document: read+parse+check, then the HTML
 * report (view, template, fonts). Prints one JSON line. Run in a fresh process per size.
 */
import { performance } from 'node:perf_hooks'
import { loadDocument } from '../../dist/load-document.js'
import { defaultCheckOptions } from '../../dist/check/check-document.js'
import { loadLocale } from '../../dist/locale/load-locale.js'
import { templateDirs } from '../../dist/templates/template-dirs.js'
import { buildReportView } from '../../dist/render/report-view.js'
import { renderReport } from '../../dist/render/html/render-report.js'
import { loadConfig } from '../../dist/config/load-config.js'

const input = process.argv[2]
const t0 = performance.now()
const document = await loadDocument(input, { check: defaultCheckOptions, defaults: { title: 'Benchmark' } })
const t1 = performance.now()
const dirs = templateDirs()
const context = { locale: await loadLocale('zh-CN', dirs), config: await loadConfig(null), templateDirs: dirs, sourceDate: new Date(0), shared: new Map(), browser: () => Promise.reject(new Error('no browser in this benchmark')) }
const html = await renderReport(buildReportView(document.tree, context), context)
const t2 = performance.now()
process.stdout.write(JSON.stringify({ parseMs: t1 - t0, htmlMs: t2 - t1, htmlBytes: html.length, peakMiB: process.resourceUsage().maxRSS / 1024 }) + '\n')
