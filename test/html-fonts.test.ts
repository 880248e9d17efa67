/**
 * Fonts are subset to characters gathered from what a page is made of, not
 * from the rendered page; these tests hold that set to be a superset of what
 * the page shows, for every locale and for odd text, and check where the
 * faces go in a template with and without a `{{{fonts}}}` slot.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import { describe, expect, it } from 'vitest'
import { loadDocument } from '../src/load-document.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { localizeDocument } from '../src/locale/localize.js'
import { loadConfig } from '../src/config/load-config.js'
import { templateDirs } from '../src/config/template-dirs.js'
import { buildReportView } from '../src/render/report-view.js'
import { buildDeckView } from '../src/render/slides/build-deck-view.js'
import { loadTemplate } from '../src/render/template-engine.js'
import { pageCharacters, renderReport } from '../src/render/shared/render-report.js'
import { renderDeck } from '../src/render/slides/render-deck.js'
import type { RenderContext } from '../src/render/renderer.js'
import { SEED } from './helpers/cli.js'

const ODD = [
  '引言',
  '全角标点：「引号」『书名』（括号）——破折号……省略号',
  '一、案例一:上海𠮷野家与😀表情',
  '1.1 案例背景',
  '罕见字：龘靐齉爩，繁體字：臺灣與萬象',
  '1.2 案例分析',
  '- 标签<b>粗</b>:&amp; {{x}} ﬁ ligature, café, naïve, Ω≈π',
  '1.3 案例启示',
  '希腊文 αβγ、俄文 Привет、阿拉伯数字１２３',
  '结论',
  '完。',
].join('\n')

async function context(code: string, dirs = templateDirs()): Promise<RenderContext> {
  return { locale: await loadLocale(code, dirs), config: await loadConfig(null), templateDirs: dirs, sourceDate: new Date(0), shared: new Map(), browser: () => Promise.reject(new Error('no browser')) }
}

/** The characters a reader can see: text outside tags, with entities decoded. */
function shownCharacters(html: string): Set<string> {
  const tree = fromHtml(html)
  return new Set(Array.from(toText(tree).replace(/\s/g, '')))
}

describe('font subsets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-fonts-'))
  const odd = join(dir, 'odd.txt')
  writeFileSync(odd, ODD)

  for (const [name, input] of [['the seed', SEED], ['odd text', odd]] as const) {
    for (const code of ['zh-CN', 'zh-TW', 'en']) {
      it(`cover every character ${name} shows in ${code}, in the report and the deck`, async () => {
        const document = await loadDocument(input)
        const ctx = await context(code)
        const tree = await localizeDocument(document.tree, ctx.locale, { input, files: document.files })
        const report = await buildReportView(tree, ctx)
        const deck = await buildDeckView(tree, ctx)
        for (const [view, templateName, html] of [
          [report, 'report.hbs', await renderReport(report, ctx)],
          [deck, 'slides.hbs', await renderDeck(deck, ctx)],
        ] as const) {
          const template = await loadTemplate(ctx.templateDirs, templateName, ctx.locale)
          const subset = new Set(Array.from(pageCharacters(view, template, ctx)))
          const missing = [...shownCharacters(html)].filter((char) => !subset.has(char))
          expect(missing, `${templateName}: shown but not in the font subset`).toEqual([])
        }
      })
    }
  }

  it('go where a template puts {{{fonts}}}, and before </head> in a template without that slot', async () => {
    const builtIn = await renderReport(await buildReportView((await loadDocument(SEED)).tree, await context('zh-CN')), await context('zh-CN'))
    const head = builtIn.slice(0, builtIn.indexOf('</head>'))
    expect(head.match(/@font-face/g)?.length).toBeGreaterThan(0)
    expect(builtIn.slice(builtIn.indexOf('</head>')).includes('@font-face')).toBe(false)

    const own = join(dir, 'templates')
    mkdirSync(own, { recursive: true })
    writeFileSync(join(own, 'report.hbs'), '<!DOCTYPE html>\n<html lang="{{lang}}"><head><title>{{title}}</title></head><body><h1>{{title}}</h1></body></html>\n')
    const ctx = await context('zh-CN', templateDirs(own))
    const html = await renderReport(await buildReportView((await loadDocument(SEED)).tree, ctx), ctx)
    const at = html.indexOf('</head>')
    expect(html.slice(0, at)).toMatch(/<style>:root\{--font-serif:[^<]*@font-face\{font-family:'Noto Serif SC'/)
    expect(html.slice(at)).not.toContain('@font-face')
    expect(readFileSync(join(own, 'report.hbs'), 'utf8')).not.toContain('fonts')
  })
})
