/** Catalog messages formatted without IntlMessageFormat's machinery must read exactly as it formats them. */
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { compileMessage } from '../src/locale/load-locale.js'
import { BUILTIN_TEMPLATES } from '../src/config/template-dirs.js'

const LOCALES_DIR = `${BUILTIN_TEMPLATES}locales/`

/** What IntlMessageFormat returns for `values`, or the message of what it throws. */
function reference(format: IntlMessageFormat, values: Record<string, unknown>): string {
  try {
    return String(format.format(values as Record<string, string>))
  } catch (error) {
    return `throws: ${(error as Error).message}`
  }
}

function compiled(message: string, code: string, values: Record<string, unknown>): string {
  try {
    return compileMessage(message, code)(values as Record<string, string>)
  } catch (error) {
    return `throws: ${(error as Error).message}`
  }
}

const valueSets: Array<Record<string, unknown>> = [
  { number: 12345, ordinal: '十二', label: '案例十二', title: '杭州“城市大脑”', count: 1, organisation: 'A & B <c>', sections: '1.1、1.2', slide: 3, slides: 40, page: 0 },
  { number: 0, ordinal: '', label: '', title: '', count: 0, organisation: '', sections: '', slide: 1, slides: 1, page: 2 },
  { title: undefined, label: null, count: true, organisation: { a: 1 } },
  {},
]

describe('catalog messages', () => {
  it('read as IntlMessageFormat formats them, for every built-in message and kind of value', () => {
    let simple = 0
    for (const name of readdirSync(LOCALES_DIR).filter((file) => file.endsWith('.json'))) {
      const code = name.slice(0, -5)
      const messages = (JSON.parse(readFileSync(`${LOCALES_DIR}${name}`, 'utf8')) as { messages?: Record<string, string> }).messages ?? {}
      for (const [key, message] of Object.entries(messages)) {
        const format = new IntlMessageFormat(message, code)
        if (!/[{][^}]*,/.test(message)) simple++
        for (const values of valueSets) expect(compiled(message, code, values), `${code} ${key} ${JSON.stringify(values)}`).toBe(reference(format, values))
      }
    }
    // The fast path is exercised, not only the fallback.
    expect(simple).toBeGreaterThan(50)
  })

  it('read as IntlMessageFormat formats them, for any text with arguments and quotes', () => {
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ' ', '案', '“', '”', '<', '&', "'", '#', '}') }),
      fc.constantFrom('{name}', '{other}', "'{literal}'", "''", '{n, plural, one {# case} other {# cases}}'),
    )
    const values = fc.record({ name: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)), n: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] })
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), values, (pieces, given) => {
        const message = pieces.join('')
        let format: IntlMessageFormat
        try {
          format = new IntlMessageFormat(message, 'en')
        } catch (error) {
          // Not a valid message: compiling it fails as IntlMessageFormat fails (loadLocale reports it).
          expect(() => compileMessage(message, 'en')).toThrow((error as Error).message)
          return
        }
        expect(compiled(message, 'en', given)).toBe(reference(format, given))
      }),
      { numRuns: 500 },
    )
  })

  it('of plain text and arguments never start ICU number formatting', async () => {
    // A fresh process: whether Intl.NumberFormat ran before is not observable once it has.
    const { execFileSync } = await import('node:child_process')
    const script = `
      const { loadLocale } = await import(${JSON.stringify(new URL('../dist/locale/load-locale.js', import.meta.url).href)})
      const { templateDirs } = await import(${JSON.stringify(new URL('../dist/config/template-dirs.js', import.meta.url).href)})
      let numberFormats = 0
      const NumberFormat = Intl.NumberFormat
      Intl.NumberFormat = new Proxy(NumberFormat, { construct: (target, args) => (numberFormats++, new target(...args)), get: (target, key) => (key === 'supportedLocalesOf' && numberFormats++, Reflect.get(target, key)) })
      const locale = await loadLocale('zh-CN', templateDirs())
      const texts = [locale.caseLabel(12), locale.t('caseHeading', { label: 'L', title: 'T' }), locale.t('pageOf', { page: 1, pages: 2 })]
      process.stdout.write(JSON.stringify({ texts, numberFormats }))`
    const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { texts: string[]; numberFormats: number }
    expect(result).toEqual({ texts: ['案例十二', 'L：T', '第 1 页 共 2 页'], numberFormats: 0 })
  })
})
