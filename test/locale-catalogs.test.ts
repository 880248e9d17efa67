/** Catalogs and script conversion as data: complete catalogs, ICU messages, OpenCC with catalog quotes and phrases. */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { convertDocument } from '../src/locale/convert-script.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { reportMissingKeys } from '../src/locale/report-missing-keys.js'
import { BUILTIN_TEMPLATES, templateDirs } from '../src/config/template-dirs.js'
import type { CaseDocument } from '../src/types.js'
import { plainText } from '../src/text/plain-text.js'

const LOCALES_DIR = `${BUILTIN_TEMPLATES}locales/`
const codes = readdirSync(LOCALES_DIR).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5))
const messagesOf = (code: string) => Object.keys((JSON.parse(readFileSync(`${LOCALES_DIR}${code}.json`, 'utf8')) as { messages?: object }).messages ?? {})

describe('built-in catalogs', () => {
  it('zh-CN and zh-TW have exactly the keys of en, the reference', () => {
    const reference = messagesOf('en').sort()
    expect(reference.length).toBeGreaterThan(20)
    expect(messagesOf('zh-CN').sort()).toEqual(reference)
    expect(messagesOf('zh-TW').sort()).toEqual(reference)
  })

  it('every locale loads with no missing keys and formats every message', async () => {
    // Every argument any catalog names gets a value; unused ones are ignored.
    const catalogs = codes.map((code) => readFileSync(`${LOCALES_DIR}${code}.json`, 'utf8')).join('\n')
    const values = Object.fromEntries([...catalogs.matchAll(/\{(\w+)/g)].map((match) => [match[1], 3]))
    expect(codes).toEqual(expect.arrayContaining(['en', 'en-GB', 'en-US', 'zh-CN', 'zh-HK', 'zh-TW']))
    for (const code of codes) {
      const locale = await loadLocale(code, templateDirs())
      expect(locale.missingKeys, code).toEqual([])
      expect(reportMissingKeys(locale)).toBeNull()
      for (const key of messagesOf('en')) {
        expect(locale.t(key, values), `${code} ${key}`).not.toBe('')
      }
    }
  })

  it('uses ICU plurals, Intl dates and page sizes from the rules', async () => {
    const dirs = templateDirs()
    const [en, enUS, enGB, zhCN, zhTW] = await Promise.all(['en', 'en-US', 'en-GB', 'zh-CN', 'zh-TW'].map((code) => loadLocale(code, dirs)))
    expect([en.t('caseCount', { count: 1 }), en.t('caseCount', { count: 12 })]).toEqual(['1 case', '12 cases'])
    expect(zhCN.t('caseCount', { count: 12 })).toBe('共 12 个案例')
    expect([en.caseLabel(12), zhCN.caseLabel(12), zhTW.caseLabel(101)]).toEqual(['Case 12', '案例十二', '案例一百零一'])
    expect([en.formatDate('2026-11-29'), enGB.formatDate('2026-11-29'), zhTW.formatDate('2026-11-29')]).toEqual(['November 29, 2026', '29 November 2026', '2026年11月29日'])
    expect([en.rules.pageSize, enUS.rules.pageSize, zhCN.rules.pageSize]).toEqual(['A4', 'Letter', 'A4'])
  })
})

const sample: CaseDocument = {
  type: 'document',
  data: { title: '信息优化', subtitle: '在线服务', lang: 'zh-CN' },
  children: [
    { type: 'intro', title: '引言', children: [{ type: 'paragraph', children: [{ type: 'text', value: '他说：“‘城市大脑’在线。”' }] }] },
    {
      type: 'case',
      number: 1,
      title: '杭州“城市大脑”',
      label: '案例一',
      children: [
        {
          type: 'section',
          number: '1.1',
          title: '案例分析',
          kind: 'analysis',
          children: [
            { type: 'point', label: '信息共享', children: [{ type: 'strong', children: [{ type: 'text', value: '优化' }] }, { type: 'inlineCode', value: '信息' }] },
            { type: 'list', ordered: false, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: '城市化进程' }] }] }] },
          ],
        },
      ],
    },
  ],
}

describe('script conversion', () => {
  it('converts every text, title and label to Taiwan phrasing with the catalog’s quotes; code stays as written', async () => {
    const zhTW = await loadLocale('zh-TW', templateDirs())
    const { convert = '', phrases } = zhTW.rules.content
    const converted = await convertDocument(sample, { from: 'cn', to: convert, quotes: zhTW.rules.quotes, phrases })
    expect(converted.data).toEqual({ title: '資訊最佳化', subtitle: '線上服務', lang: 'zh-CN' })
    expect(plainText(converted.children[0])).toBe('他說：「『城市大腦』線上。」')
    const node = converted.children[1]
    if (node.type !== 'case') throw new Error('expected a case')
    expect(node.title).toBe('杭州「城市大腦」')
    const [point, list] = node.children[0].children
    expect(point).toMatchObject({ label: '資訊共享', children: [{ type: 'strong', children: [{ value: '最佳化' }] }, { type: 'inlineCode', value: '信息' }] })
    // Without the catalog's phrase, OpenCC's IT table would read 进程 as 程序 (a computer process).
    expect(plainText(list)).toBe('城市化進程')
    expect(plainText(sample.children[1])).toContain('信息')
  })

  it('takes quotation marks from the rule, not from the target', async () => {
    const converted = await convertDocument(sample, { from: 'cn', to: 'twp', quotes: ['«', '»', '‹', '›'] })
    expect(plainText(converted.children[0])).toBe('他說：«‹城市大腦›線上。»')
    expect(plainText(converted.children[1])).toContain('城市化程序')
  })
})
