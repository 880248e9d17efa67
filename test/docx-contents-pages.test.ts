/**
 * The .docx contents' page numbers against LibreOffice's pages, at 100 cases
 * (the seed's ten cases repeated, each title made unique), for chapters of
 * several pages in mixed Chinese and English, and for a 100-case document made
 * like a tester's (paragraphs of every length, English tails, one to five
 * points): every entry, case and section, must name the page its heading is
 * printed on.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { SEED } from './helpers/cli.js'
import { buildDocx, convertToPdf, pdfPages, scratch } from './helpers/docx-read.js'
import { variedCases } from './helpers/varied-cases.js'

const TITLE = '案例汇编'
const FOOTER = /^第 \d+ 页 共 \d+ 页$/

/** The seed with its cases repeated to `count`, numbered 1, 2, 3 … and each title suffixed with its number. */
function repeatedSeed(count: number): string {
  const lines = readFileSync(SEED, 'utf8').split('\n')
  const isCase = (line: string) => /^[一二三四五六七八九十]+、/.test(line)
  const first = lines.findIndex(isCase)
  const conclusion = lines.findIndex((line) => line.trim() === '结论')
  const cases: string[][] = []
  for (const line of lines.slice(first, conclusion)) {
    if (isCase(line)) cases.push([])
    cases[cases.length - 1].push(line)
  }
  const out = lines.slice(0, first)
  for (let n = 1; n <= count; n++) {
    const [heading, ...rest] = cases[(n - 1) % cases.length]
    out.push(`${n}、案例${n}:${heading.replace(/^.*?[:：]/, '')}${n}`, ...rest.map((line) => line.replace(/^\d+\.(\d+) /, `${n}.$1 `)))
  }
  return [...out, ...lines.slice(conclusion)].join('\n')
}

/** A page's lines without the running header and footer, trimmed, blank lines dropped. */
const bodyOf = (page: string): string[] => page.split('\n').map((line) => line.trim()).filter((line) => line !== '' && line !== TITLE && !FOOTER.test(line))

/** Long cases: paragraphs of Chinese with years, numbers and English words, key points of one to nine lines, each case over one to three pages. */
function longCases(count: number): string {
  const lines = ['引言', '公共服务是城市治理的重要组成部分。This report covers 40 cities and their public-service reforms since 2015.']
  for (let n = 1; n <= count; n++) {
    lines.push(`${n}、案例${n}:城市${n} Digital Services Programme`, `${n}.1 案例背景`, `该市于${2000 + n}年启动 e-Government 改革，覆盖 ${n * 13} 个部门。`.repeat(10 + n * 3), `${n}.2 案例分析`)
    for (let k = 0; k < 3 + (n % 6); k++) lines.push(`- 要点${k}:${'通过 API 开放平台实现数据共享，提升效率。'.repeat(2 + ((n * k) % 9))}`)
    lines.push(`${n}.3 案例启示`, 'The lesson: open data works. '.repeat(((n % 7) * 4) + 1) + '启示文字。'.repeat(n % 11))
  }
  return [...lines, '结论', '完。'].join('\n')
}

/** The pack of `source` as LibreOffice prints it, and its contents' entries. */
function printedContents(source: string): { pages: string[]; entries: Array<{ text: string; page: number }>; contentsEnd: number } {
  const folder = scratch()
  writeFileSync(join(folder, 'cases.txt'), source)
  writeFileSync(join(folder, 'casebook.yaml'), ['input: cases.txt', `title: ${TITLE}`, 'locales: [zh-CN]', ''].join('\n'))
  const pages = pdfPages(convertToPdf(join(buildDocx(['--config', join(folder, 'casebook.yaml')]), 'zh-CN', 'report.docx')))
  const entries: Array<{ text: string; page: number }> = []
  let contentsEnd = 0
  pages.forEach((page, index) => {
    for (const line of bodyOf(page)) {
      const entry = /^(.*?)\s*\.{3,}\s*(\d+)$/.exec(line)
      if (entry) {
        entries.push({ text: entry[1], page: Number(entry[2]) })
        contentsEnd = index
      }
    }
  })
  return { pages, entries, contentsEnd }
}

/** Chapter entries whose page is not the one their heading tops. */
function misplacedChapters({ pages, entries, contentsEnd }: ReturnType<typeof printedContents>): Array<{ text: string; page: number; actual: number }> {
  const tops = pages.map((page) => bodyOf(page)[0])
  return entries
    .filter((entry) => !/^\d+\.\d+ /.test(entry.text))
    .map((entry) => ({ ...entry, actual: tops.findIndex((top, index) => index > contentsEnd && top === entry.text) + 1 }))
    .filter((entry) => entry.actual !== entry.page)
}

/** Section entries whose page is not the one they are printed on (on or after their case's page). */
function misplacedSections({ pages, entries }: ReturnType<typeof printedContents>): Array<{ text: string; page: number; actual: number }> {
  let chapterPage = 0
  const wrong: Array<{ text: string; page: number; actual: number }> = []
  for (const entry of entries) {
    if (!/^\d+\.\d+ /.test(entry.text)) {
      chapterPage = entry.page
      continue
    }
    // The section's own case starts on chapterPage; the section is on that page or a later one.
    const actual = pages.findIndex((page, index) => index + 1 >= chapterPage && bodyOf(page).includes(entry.text)) + 1
    if (actual !== entry.page) wrong.push({ ...entry, actual })
  }
  return wrong
}

describe('the .docx contents of a 100-case pack, in LibreOffice', () => {
  let entries: Array<{ text: string; page: number }>
  let printed: ReturnType<typeof printedContents>
  beforeAll(() => {
    printed = printedContents(repeatedSeed(100))
    ;({ entries } = printed)
  }, 240_000)

  it('lists every heading once, one line each', () => {
    // Intro, 100 cases with 3 sections each, overview, conclusion.
    expect(entries).toHaveLength(1 + 100 * 4 + 2)
    expect(entries[1].text).toBe('案例一：上海智慧城市建设 1')
    expect(entries.at(-1)!.text).toBe('结论')
  })

  it('gives each chapter the page it starts on', () => {
    expect(misplacedChapters(printed)).toEqual([])
  })

  it('gives each section the page it is printed on', () => {
    expect(misplacedSections(printed)).toEqual([])
  })
})

describe('the .docx contents of chapters over several pages, in LibreOffice', () => {
  it('gives each chapter the page it starts on', () => {
    const printed = printedContents(longCases(40))
    // Some chapters take three pages, so the estimate's errors would add up.
    expect(printed.pages.length).toBeGreaterThan(100)
    expect(printed.entries.filter((entry) => !/^\d+\.\d+ /.test(entry.text))).toHaveLength(43)
    expect(misplacedChapters(printed)).toEqual([])
  }, 240_000)
})

describe('the .docx contents of a tester-made 100-case document, in LibreOffice', () => {
  // Paragraphs end anywhere on a line: on a comma or full stop that hangs past a full line, on an
  // English word that takes its full stop down with it, or just filling a chapter's last page.
  let printed: ReturnType<typeof printedContents>
  beforeAll(() => {
    printed = printedContents(variedCases(1, 100))
  }, 240_000)

  it('lists every heading once', () => {
    expect(printed.pages.length).toBeGreaterThan(150)
    expect(printed.entries).toHaveLength(1 + 100 * 4 + 2)
  })

  it('gives each chapter the page it starts on', () => {
    expect(misplacedChapters(printed)).toEqual([])
  })

  it('gives each section the page it is printed on', () => {
    expect(misplacedSections(printed)).toEqual([])
  })
})
