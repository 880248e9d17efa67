/**
 * Cuts a reader can see: the overview of the report and the .docx ends every
 * shortened text with "…" (a prefix of the author's words), the slides' overview
 * the same with the full text in a tooltip and its titles whole, and each
 * shows "—" for a case without key points; the PDF's running header cuts
 * its title only when the case name leaves it no room, and both halves only
 * when neither fits.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import mammoth from 'mammoth'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { openPage, startBrowser } from './helpers/browser.js'
import { casebook, ROOT, SEED } from './helpers/cli.js'
import { requireTool, run } from './helpers/tools.js'

const EPOCH = '1767225600'
const out = mkdtempSync(join(tmpdir(), 'casebook-cuts-'))
let session: BrowserSession

interface Point {
  label: string | null
  text: string
}
interface SourceCase {
  label: string
  title: string
  points: Point[]
}
interface Fixture {
  name: string
  locale: string
  title: string
  heads: string[]
  cases: SourceCase[]
}

/** Plain text of a tree node: every `value` below it. */
const plain = (node: { value?: string; children?: unknown[] }): string => node.value ?? (node.children ?? []).map((child) => plain(child as never)).join('')
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()
const bare = (text: string) => text.replace(/\s+/g, '')

/** Builds a fixture's whole pack with the CLI and reads its source through `casebook ast`. */
function build(name: string, locale: string, contents: string, more: string[]): Fixture {
  const input = join(ROOT, 'test/fixtures', name, 'input.txt')
  const result = casebook(['build', input, '--out', join(out, name)], { env: { SOURCE_DATE_EPOCH: EPOCH } })
  expect(result.code, result.stderr).toBe(0)
  const ast = casebook(['ast', input])
  expect(ast.code, ast.stderr).toBe(0)
  const tree = JSON.parse(ast.stdout) as { data: { title: string }; children: Array<{ type: string; label: string; title: string; children: Array<{ children: Array<{ type: string; label: string | null }> }> }> }
  const cases = tree.children
    .filter((node) => node.type === 'case')
    .map((node) => ({
      label: node.label,
      title: node.title,
      points: node.children.flatMap((section) => section.children.filter((block) => block.type === 'point').map((block) => ({ label: block.label, text: collapse(plain(block as never)) }))),
    }))
  return { name, locale, title: tree.data.title, heads: [contents, ...more, ...cases.map((item) => `${item.label} ${item.title}`)], cases }
}

let zh: Fixture
let en: Fixture

beforeAll(async () => {
  requireTool('pdftotext')
  zh = build('visible-cuts-zh', 'zh-CN', '目录', ['引言', '案例总览', '结论'])
  en = build('visible-cuts-en', 'en', 'Contents', ['Introduction', 'Overview of the cases', 'Conclusion'])
  const seed = casebook(['build', SEED, '--format', 'pdf', '--locale', 'en', '--out', join(out, 'seed')], { env: { SOURCE_DATE_EPOCH: EPOCH } })
  expect(seed.code, seed.stderr).toBe(0)
  session = await startBrowser()
}, 300_000)

afterAll(async () => {
  await session?.close()
  rmSync(out, { recursive: true, force: true })
})

/** Whether `shown` is `full`, or a visible cut of it: a prefix ending with "…". */
function isWholeOrCut(shown: string, full: string): boolean {
  return shown === full || (shown.endsWith('…') && shown.length > 1 && full.startsWith(shown.slice(0, -1)) && shown.slice(0, -1) !== full)
}

/** Checks one case's overview entries against its key points; returns how many were cut. */
function checkEntries(entries: string[], item: SourceCase): number {
  if (item.points.length === 0) {
    expect(entries, `${item.title} has no key points`).toEqual(['—'])
    return 0
  }
  expect(entries).toHaveLength(item.points.length)
  let cuts = 0
  item.points.forEach((point, index) => {
    const entry = entries[index]
    if (point.label !== null) return expect(entry).toBe(point.label)
    expect(isWholeOrCut(entry, point.text), `"${entry}" shows "${point.text}"`).toBe(true)
    // Never half a surrogate pair.
    expect(entry).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
    if (entry !== point.text) cuts++
  })
  return cuts
}

/** The overview table's rows as a page shows them: each case's title and key-point entries (or what stands for none). */
function overviewRows(page: Page): Promise<Array<{ title: string; entries: string[] }>> {
  return page.evaluate(() => {
    const table = Array.from(document.querySelectorAll('table')).at(-1)!
    return Array.from(table.querySelectorAll('tbody tr')).map((row) => {
      const cells = Array.from(row.children) as HTMLElement[]
      const last = cells.at(-1)!
      const items = Array.from(last.querySelectorAll('li, p')).map((item) => (item as HTMLElement).innerText.trim())
      return { title: cells[1].innerText.trim(), entries: items.length ? items : [last.innerText.trim()] }
    })
  })
}

describe.each(['zh', 'en'])('the overview (%s)', (which) => {
  const fixture = () => (which === 'zh' ? zh : en)

  it('in report.html ends every cut point with "…", a prefix of the point, and shows — for a case without points', async () => {
    const { name, locale, cases } = fixture()
    const { page } = await openPage(session.browser, pathToFileURL(join(out, name, locale, 'report.html')).href)
    try {
      const rows = await page.evaluate(() =>
        Array.from(document.querySelectorAll('#overview tbody tr')).map((row) => {
          const cell = row.querySelector('td:last-child') as HTMLElement
          const items = Array.from(cell.querySelectorAll('li')).map((item) => item.innerText.trim())
          return { title: (row.querySelector('th') as HTMLElement).innerText.trim(), entries: items.length ? items : [cell.innerText.trim()] }
        }),
      )
      expect(rows.map((row) => row.title)).toEqual(cases.map((item) => item.title))
      const cuts = rows.reduce((sum, row, index) => sum + checkEntries(row.entries, cases[index]), 0)
      expect(cuts).toBeGreaterThanOrEqual(3)
      expect(rows.filter((row) => row.entries[0] === '—')).toHaveLength(which === 'zh' ? 2 : 1)
      if (which === 'zh') expect(rows[0].entries[2]).toMatch(/^上午10:30\p{Script=Han}+…$/u)
    } finally {
      await page.close()
    }
  })

  it('in report.docx (read by mammoth) does the same', async () => {
    const { name, locale, cases } = fixture()
    const { value } = await mammoth.convertToHtml({ path: join(out, name, locale, 'report.docx') })
    const page = await session.browser.newPage()
    try {
      await page.setContent(value)
      const rows = await overviewRows(page)
      expect(rows.map((row) => row.title)).toEqual(cases.map((item) => item.title))
      const cuts = rows.reduce((sum, row, index) => sum + checkEntries(row.entries, cases[index]), 0)
      expect(cuts).toBeGreaterThanOrEqual(3)
    } finally {
      await page.close()
    }
  })

  it('in slides.html shows every title whole (wrapping), points as the report does with the full text in a tooltip, and — for a case without points', async () => {
    const { name, locale, cases } = fixture()
    const { page } = await openPage(session.browser, pathToFileURL(join(out, name, locale, 'slides.html')).href)
    try {
      await page.setViewport({ width: 1280, height: 720 })
      const number = await page.evaluate(() => document.querySelector('.slide.kind-overview')?.getAttribute('data-slide'))
      await page.evaluate((n) => (location.hash = `#${n}`), number)
      await page.waitForFunction((n) => document.querySelector('.slide.active')?.getAttribute('data-slide') === n, {}, number)
      const slide = await page.evaluate(() => {
        const table = document.querySelector('.slide.active table.overview') as HTMLTableElement
        const cells = Array.from(table.querySelectorAll<HTMLElement>('tbody th, tbody td'))
        return {
          matrix: !table.classList.contains('overview-points'),
          themes: table.querySelectorAll('thead th.col-theme').length,
          // A cell the stylesheet would have to cut further: its text is wider than the cell.
          overflowing: cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.innerText),
          rows: Array.from(table.querySelectorAll('tbody tr')).map((row) => ({
            title: ((row.querySelector('th a') as HTMLElement).lastChild?.textContent ?? '').trim(),
            points: (row.querySelector('td.points') as HTMLElement | null)?.innerText.trim() ?? null,
            tooltip: row.querySelector('td.points')?.getAttribute('title') ?? null,
            none: (row.querySelector('td.none') as HTMLElement | null)?.innerText.trim() ?? null,
            span: Number(row.querySelector('td.none')?.getAttribute('colspan') ?? 0),
          })),
        }
      })
      expect(slide.overflowing).toEqual([])
      expect(slide.matrix).toBe(which === 'zh')
      const { page: report } = await openPage(session.browser, pathToFileURL(join(out, name, locale, 'report.html')).href)
      const entries = await overviewRows(report)
      await report.close()
      slide.rows.forEach((row, index) => {
        expect(row.title).toBe(cases[index].title)
        if (cases[index].points.length === 0) {
          expect(row.none).toBe('—')
          expect(row.span).toBe(slide.matrix ? slide.themes : 1)
        } else if (!slide.matrix) {
          const joined = entries[index].entries.join(' · ')
          expect(isWholeOrCut(row.points!, joined), `"${row.points}" shows "${joined}"`).toBe(true)
          // What the cell abbreviates, its tooltip holds in full: each point's label and text.
          if (row.points !== joined) expect(row.tooltip).toContain(cases[index].points.find((point) => point.label === null)!.text)
        }
      })
      // The long case title of the English fixture is whole.
      if (which === 'en') expect(slide.rows[0].title).toBe('The Remarkably Long and Winding Road Towards Integrated Data-Driven Management of Urban Traffic in a Megacity')
    } finally {
      await page.close()
    }
  })
})

interface HeaderHalf {
  text: string
  x0: number
  x1: number
}

/** The running header of each page after the cover, as poppler places its words: the two halves split at the widest gap. */
function runningHeaders(pdf: string): Array<{ left: HeaderHalf; right: HeaderHalf | null }> {
  const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
  const pages = run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-']).split('<page ').slice(2)
  return pages.map((page) => {
    const words = Array.from(page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g), (match) => ({
      x0: Number(match[1]),
      y0: Number(match[2]),
      x1: Number(match[3]),
      text: decode(match[4]),
    }))
    const top = Math.min(...words.map((word) => word.y0))
    const line = words.filter((word) => Math.abs(word.y0 - top) < 2).sort((a, b) => a.x0 - b.x0)
    let split = line.length
    let widest = 0
    for (let index = 1; index < line.length; index++) {
      const gap = line[index].x0 - line[index - 1].x1
      if (gap > widest) [widest, split] = [gap, index]
    }
    // Words of one half are a space apart at most; anything wider is the gap between the halves.
    if (widest < 12) split = line.length
    const half = (part: typeof line): HeaderHalf => ({ text: part.map((word) => word.text).join(' '), x0: part[0].x0, x1: part.at(-1)!.x1 })
    return { left: half(line.slice(0, split)), right: split < line.length ? half(line.slice(split)) : null }
  })
}

/** Checks every header against the title and the names a page can carry; counts the titles shown whole, cut beside a whole name, and cut with the name. */
function checkHeaders(pdf: string, title: string, heads: string[]): { whole: number; titleCut: number; bothCut: number } {
  const counts = { whole: 0, titleCut: 0, bothCut: 0 }
  for (const { left, right } of runningHeaders(pdf)) {
    expect(right, `a name beside ${left.text}`).not.toBeNull()
    expect(isWholeOrCut(bare(left.text), bare(title)), `"${left.text}" shows the title`).toBe(true)
    expect(heads.some((head) => isWholeOrCut(bare(right!.text), bare(head))), `"${right!.text}" shows a page's name`).toBe(true)
    expect(left.x1).toBeLessThan(right!.x0)
    const width = right!.x1 - left.x0
    if (!left.text.endsWith('…')) {
      counts.whole++
      // A name is cut only when the title leaves it no room: never beside a whole title that leaves half the line.
      if (right!.text.endsWith('…')) expect(right!.x0 - left.x1).toBeLessThan(60)
    } else if (right!.text.endsWith('…')) {
      // Neither fits: each keeps about half the line.
      counts.bothCut++
      expect(left.x1 - left.x0).toBeGreaterThan(width * 0.4)
      expect(right!.x1 - right!.x0).toBeGreaterThan(width * 0.4)
    } else {
      // The title runs up to the name, less the gap and at most a word.
      counts.titleCut++
      expect(right!.x0 - left.x1).toBeLessThan(60)
    }
  }
  return counts
}

describe('the running header of report.pdf', () => {
  it('shows the English seed title whole beside the case names that leave room for it, and every case name whole', async () => {
    // The English case names come from the translation beside the seed.
    const translation = readFileSync(SEED.replace(/\.txt$/, '.en.md'), 'utf8')
    const names = Array.from(translation.matchAll(/^# Case (\d+): (.+)$/gm), (match) => `Case ${match[1]} ${match[2]}`)
    expect(names).toHaveLength(10)
    const heads = ['Contents', 'Introduction', 'Overview of the cases', 'Conclusion', ...names]
    const counts = checkHeaders(join(out, 'seed', 'en', 'report.pdf'), 'Decoding Success in Public Services: Ten Exemplary Cases', heads)
    expect(counts.bothCut).toBe(0)
    // Cut before, beside every name, to "Decoding Success in Public Services: Te…".
    expect(counts.whole).toBeGreaterThanOrEqual(12)
  })

  it.each(['zh', 'en'])('(%s) cuts the long title only as far as the case name needs, and both halves only when neither fits', (which) => {
    const { name, locale, title, heads } = which === 'zh' ? zh : en
    const counts = checkHeaders(join(out, name, locale, 'report.pdf'), title, heads)
    expect(counts.titleCut).toBeGreaterThanOrEqual(1)
    expect(counts.bothCut).toBe(1)
  })
})
