/**
 * The .docx contents' page numbers against LibreOffice's pages, at 100 cases
 * (the seed's ten cases repeated, each title made unique): every entry, case
 * and section, must name the page its heading is printed on.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { SEED } from './helpers/cli.js'
import { buildDocx, convertToPdf, pdfPages, scratch } from './helpers/docx-read.js'

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

describe('the .docx contents of a 100-case pack, in LibreOffice', () => {
  let pages: string[]
  let entries: Array<{ text: string; page: number }>
  let contentsEnd: number
  beforeAll(() => {
    const folder = scratch()
    writeFileSync(join(folder, 'cases.txt'), repeatedSeed(100))
    writeFileSync(join(folder, 'casebook.yaml'), ['input: cases.txt', `title: ${TITLE}`, 'locales: [zh-CN]', ''].join('\n'))
    pages = pdfPages(convertToPdf(join(buildDocx(['--config', join(folder, 'casebook.yaml')]), 'zh-CN', 'report.docx')))
    entries = []
    contentsEnd = 0
    pages.forEach((page, index) => {
      for (const line of bodyOf(page)) {
        const entry = /^(.*?)\s*\.{3,}\s*(\d+)$/.exec(line)
        if (entry) {
          entries.push({ text: entry[1], page: Number(entry[2]) })
          contentsEnd = index
        }
      }
    })
  }, 240_000)

  it('lists every heading once, one line each', () => {
    // Intro, 100 cases with 3 sections each, overview, conclusion.
    expect(entries).toHaveLength(1 + 100 * 4 + 2)
    expect(entries[1].text).toBe('案例一：上海智慧城市建设 1')
    expect(entries.at(-1)!.text).toBe('结论')
  })

  it('gives each chapter the page it starts on', () => {
    const tops = pages.map((page) => bodyOf(page)[0])
    const wrong = entries
      .filter((entry) => !/^\d+\.\d+ /.test(entry.text))
      .map((entry) => ({ ...entry, actual: tops.findIndex((top, index) => index > contentsEnd && top === entry.text) + 1 }))
      .filter((entry) => entry.actual !== entry.page)
    expect(wrong).toEqual([])
  })

  it('gives each section the page it is printed on', () => {
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
    expect(wrong).toEqual([])
  })
})
