/** Translations beside the source: case hashes, stale/missing/extra warnings at exact places, untranslated cases in the pack. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPack } from '../src/pack/build-pack.js'
import { collectDiagnostics } from '../src/check/diagnostics.js'
import { loadDocument } from '../src/load-document.js'
import { caseHash } from '../src/locale/case-hash.js'
import type { Case } from '../src/types.js'
import { casebook, ROOT, SEED } from './helpers/cli.js'

const STALE = new URL('./fixtures/locale-stale/', import.meta.url).pathname
const scratch = () => mkdtempSync(join(tmpdir(), 'casebook-translation-'))

describe('case hash', () => {
  it('is pinned for the seed, so shipped translations stay current across casebook versions', async () => {
    const document = await loadDocument(SEED)
    const cases = document.tree.children.filter((node): node is Case => node.type === 'case')
    expect(cases.map(caseHash).slice(0, 2)).toEqual(['2616b21a53b3', 'c2eb2ab8b6f4'])
  })

  it('ignores positions and changes with any character of the case', async () => {
    const document = await loadDocument(SEED)
    const first = document.tree.children.find((node): node is Case => node.type === 'case')!
    const moved = JSON.parse(JSON.stringify(first, (key, value) => (key === 'position' ? undefined : value))) as Case
    expect(caseHash(moved)).toBe(caseHash(first))
    const edited = structuredClone(first)
    const paragraph = edited.children[0].children[0]
    if (paragraph.type !== 'paragraph' || paragraph.children[0].type !== 'text') throw new Error('fixture changed')
    paragraph.children[0].value += '。'
    expect(caseHash(edited)).not.toBe(caseHash(first))
    expect(caseHash({ ...first, title: first.title + ' ' })).not.toBe(caseHash(first))
  })
})

describe('casebook check with a translation beside the source', () => {
  it('is silent for the seed and its shipped English translation, but for the seed’s half-width punctuation', () => {
    const result = casebook(['check', SEED])
    expect(result.code).toBe(0)
    // No translation-* message: the seed's only ones are its half-width marks in Chinese text.
    expect(result.stdout.trim().split('\n').filter((line) => !line.endsWith(' cjk-punctuation'))).toEqual([])
  })

  it('warns of a stale case, a missing case and an extra case at their line:column (CRLF source)', () => {
    const result = casebook(['check', 'input.txt'], { cwd: STALE })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(readFileSync(join(STALE, 'expected-check.txt'), 'utf8'))
    expect(casebook(['check', 'input.txt', '--strict'], { cwd: STALE }).code).toBe(1)
  })

  it('gives the hash to write, and writing it makes the warning go away', () => {
    const dir = scratch()
    cpSync(STALE, dir, { recursive: true })
    const json = JSON.parse(casebook(['check', 'input.txt', '--reporter', 'json'], { cwd: dir }).stdout) as Array<{ ruleId: string; message: string }>
    const stale = json.find((diagnostic) => diagnostic.ruleId === 'translation-stale')!
    const hash = /<!-- source: ([0-9a-f]{12}) -->/.exec(stale.message)![1]
    const path = join(dir, 'input.en.md')
    writeFileSync(path, readFileSync(path, 'utf8').replace('000000000000', hash))
    const after = casebook(['check', 'input.txt'], { cwd: dir })
    expect(after.stdout).not.toContain('translation-stale')
    expect(after.stdout).toContain('translation-missing')
  })

  it('warns when a translated case records no source hash', () => {
    const dir = scratch()
    cpSync(STALE, dir, { recursive: true })
    const path = join(dir, 'input.en.md')
    writeFileSync(path, readFileSync(path, 'utf8').replace('<!-- source: 863feb57e72a -->\n', ''))
    const result = casebook(['check', 'input.txt'], { cwd: dir })
    expect(result.stdout).toContain('input.en.md:11:1 warning Case 1 (Beijing’s “Respond at Once”) does not record which source version it translates; check it against the source and write <!-- source: c857a5f80340 --> under its heading translation-stale')
  })
})

describe('the en pack of a partly translated document', () => {
  it('uses the translation where there is one and the marked source text where not; build reports the warnings', async () => {
    const out = scratch()
    const result = await buildPack({ input: join(STALE, 'input.txt'), out, formats: ['html'], locales: ['en'], cwd: ROOT })
    const warnings = collectDiagnostics(result.reports.concat(result.document.files)).map((diagnostic) => diagnostic.ruleId).sort()
    expect(warnings).toEqual(['missing-title', 'translation-extra', 'translation-missing', 'translation-stale'])
    const html = readFileSync(join(out, 'en', 'report.html'), 'utf8')
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('<title>Three Cases of Online Government</title>')
    const articles = html.split('<article').slice(1)
    expect(articles).toHaveLength(3)
    expect(articles[0]).toContain('Beijing’s “Respond at Once”')
    // A stale translation is still the best English text there is.
    expect(articles[1]).toContain('Shanghai moved government services online.')
    expect(articles[2]).toMatch(/^ class="case untranslated"/)
    expect(articles[2]).toContain('Untranslated')
    expect(articles[2]).toContain('广州推出移动政务应用。')
    expect(html).not.toContain('Not in the source.')
  })

  it('warns once and shows the source text when a locale that needs a translation has none', () => {
    const dir = scratch()
    cpSync(join(STALE, 'input.txt'), join(dir, 'input.txt'))
    const result = casebook(['build', 'input.txt', '--format', 'html', '--locale', 'en', '--out', 'out'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(result.stderr.match(/No en translation/g)).toHaveLength(1)
    expect(result.stderr).toContain('input.txt:1:1 warning No en translation beside the source (expected input.en.md); the en pack shows the source text, marked untranslated translation-missing')
    const html = readFileSync(join(dir, 'out', 'en', 'report.html'), 'utf8')
    expect(html.match(/class="case untranslated"/g)).toHaveLength(3)
  })

  it('finds a folder’s translation among its files, and falls back from en-GB to en', async () => {
    const dir = scratch()
    cpSync(join(STALE, 'input.txt'), join(dir, 'cases.txt'))
    cpSync(join(STALE, 'input.en.md'), join(dir, 'cases.en.md'))
    const out = scratch()
    const result = await buildPack({ input: dir, out, formats: ['html'], locales: ['en-GB'], cwd: ROOT })
    expect(result.reports.map((file) => file.path)).toEqual([join(dir, 'cases.en.md')])
    const html = readFileSync(join(out, 'en-GB', 'report.html'), 'utf8')
    expect(html).toContain('<html lang="en-GB">')
    expect(html).toContain('Beijing’s “Respond at Once”')
  })
})
