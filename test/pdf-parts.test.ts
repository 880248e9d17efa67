/**
 * report.pdf of a long report is printed in parts of about 120 pages and joined
 * (`render/pdf/print-in-parts.ts`, `merge-printed-parts.ts`). A reader must not be able to
 * tell: page numbers, contents numbers, bookmarks, links, tags and fonts read as if the
 * report had been printed whole. Checked with the reader's tools: poppler, pdf-lib, qpdf.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateOutline } from '../scripts/bench/generate-document.js'
import { PART_PAGES } from '../src/render/pdf/print-in-parts.js'
import { formatChineseNumber } from '../src/text/chinese-number.js'
import { casebook, ROOT } from './helpers/cli.js'
import { contentsEntries, readPdf, type PdfReading } from './helpers/pdf-read.js'
import { requireBrowser, requireTool } from './helpers/tools.js'

/** ~1.15 pages a case: about 370 pages, three parts of ~120 pages. */
const CASES = 320
/** Every so many cases has a table, so that tables (and their header ids in the ID tree) are in every part. */
const TABLE_EVERY = 40
const dir = mkdtempSync(join(tmpdir(), 'casebook-parts-'))
const input = join(dir, 'input.txt')
const out = join(dir, 'out')
const file = join(out, 'zh-CN/report.pdf')
const build = (...extra: string[]) => casebook(['build', input, '--out', out, '--locale', 'zh-CN', '--format', 'pdf', ...extra], { env: { SOURCE_DATE_EPOCH: '1700000000' } })

interface Section {
  number: string
  title: string
}
interface Case {
  number: number
  label: string
  title: string
  children: Section[]
}
let cases: Case[]
let reading: PdfReading
let pdf: PDFDocument
let bytes: Buffer
/** The first build's stderr, with `--timings`. */
let timings: string
/** 1-based page number of each page object. */
let pageNumber: Map<string, number>

/**
 * The benchmark's document, written as an author would: full-width punctuation (so what the
 * tree says is what the PDF prints) and every case numbered in Chinese (the generator writes
 * 100 and above in digits, which the report would relabel).
 */
function source(): string {
  let text = generateOutline(CASES)
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^\d+、案例\d+：/gm, (heading) => {
      const number = Number(/^\d+/.exec(heading)![0])
      return `${formatChineseNumber(number)}、案例${formatChineseNumber(number)}：`
    })
  for (let number = TABLE_EVERY; number <= CASES; number += TABLE_EVERY) {
    text = text.replace(`\n${number}.3 案例启示\n`, `\n| 指标 | 数值 |\n|---|---|\n| 办件量 | ${number} |\n| 满意度 | 9${number % 10}% |\n${number}.3 案例启示\n`)
  }
  return text
}

beforeAll(async () => {
  requireBrowser()
  for (const tool of ['pdftotext', 'pdfinfo', 'pdffonts', 'qpdf']) requireTool(tool)
  writeFileSync(input, source())
  const ast = JSON.parse(casebook(['ast', input]).stdout) as { children: Array<{ type: string }> }
  cases = ast.children.filter((node) => node.type === 'case') as unknown as Case[]
  expect(cases).toHaveLength(CASES)
  const result = build('--timings')
  expect(result.code, result.stderr).toBe(0)
  timings = result.stderr
  bytes = readFileSync(file)
  reading = await readPdf(file)
  pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  pageNumber = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]))
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The page (1-based, from `from`) where `line` is a whole body line; 0 when nowhere. */
const pageOf = (line: string, from = 1) => reading.bodies.findIndex((body, index) => index + 1 >= from && body.includes(line)) + 1

/** Where each case and section heading is, as pdftotext reads the pages (the contents pages come first, so from page 3). */
function headingPages(): Map<string, number> {
  const pages = new Map<string, number>()
  let from = 3
  for (const item of cases) {
    from = pageOf(item.label, from)
    pages.set(`${item.label} ${item.title}`, from)
    for (const section of item.children) pages.set(`${section.number} ${section.title}`, pageOf(`${section.number} ${section.title}`, from))
  }
  return pages
}

/** How many pages each /Pages node under the root has: the joined page tree keeps one node per printed part, in order. */
function partSizes(): number[] {
  const kids = pdf.catalog.lookup(PDFName.of('Pages'), PDFDict).lookup(PDFName.of('Kids'), PDFArray)
  return kids.asArray().map((kid) => {
    const node = pdf.context.lookup(kid, PDFDict)
    return name(node, 'Type') === '/Page' ? 1 : node.lookup(PDFName.of('Count'), PDFNumber).asNumber()
  })
}

/** The first page of each part. */
function partStarts(): number[] {
  let start = 1
  return partSizes().map((size) => (start += size) - size)
}

const dict = (value: PDFObject | undefined): PDFDict | undefined => {
  const object = value instanceof PDFRef ? pdf.context.lookup(value) : value
  return object instanceof PDFDict ? object : undefined
}
const name = (value: PDFDict | undefined, key: string) => value?.get(PDFName.of(key))?.toString()
const text = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined)

/** The entries of a number tree (`Nums`) or name tree (`Names`), leaves and kids alike, in order. */
function treeEntries(root: PDFDict, key: 'Nums' | 'Names'): Array<[PDFObject, PDFObject]> {
  const entries: Array<[PDFObject, PDFObject]> = []
  const items = root.lookupMaybe(PDFName.of(key), PDFArray)?.asArray() ?? []
  for (let index = 0; index + 1 < items.length; index += 2) entries.push([items[index], items[index + 1]])
  for (const kid of root.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) entries.push(...treeEntries(pdf.context.lookup(kid, PDFDict), key))
  return entries
}

/** Every structure element under `element` (itself included), in document order. */
function structElements(element: PDFDict): PDFDict[] {
  const found = [element]
  const kids = element.get(PDFName.of('K'))
  const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []
  for (const kid of list) {
    const child = dict(kid)
    // Marked-content and object references are leaves; everything else that is a dictionary is an element.
    if (child && !['/MCR', '/OBJR'].includes(name(child, 'Type') ?? '')) found.push(...structElements(child))
  }
  return found
}

/** Every link annotation, with the page it is on. */
function linkAnnotations(): Array<{ ref: PDFRef; annotation: PDFDict; page: number }> {
  const links: Array<{ ref: PDFRef; annotation: PDFDict; page: number }> = []
  pdf.getPages().forEach((page, index) => {
    for (const ref of page.node.Annots()?.asArray() ?? []) {
      const annotation = pdf.context.lookup(ref, PDFDict)
      if (name(annotation, 'Subtype') === '/Link') links.push({ ref: ref as PDFRef, annotation, page: index + 1 })
    }
  })
  return links
}

describe('report.pdf printed in parts', () => {
  it('is long enough to be printed in at least three parts: the cover and contents, then parts starting on a page of their own', () => {
    // The cover and contents are a part of their own (printed again alone when their numbers were guessed
    // wrong); then a part ends once it has PART_PAGES pages, and the last has at least half that. (Printed
    // whole, Skia's own page tree has nodes of 64 pages, so this also tells a print in parts from a whole one.)
    const sizes = partSizes()
    expect(sizes.length).toBeGreaterThanOrEqual(3)
    for (const size of sizes.slice(1, -1)) expect(size).toBeGreaterThanOrEqual(PART_PAGES)
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(PART_PAGES / 2)
    const starts = partStarts()
    expect(reading.pageCount).toBe(pdf.getPageCount())
    // The first part holds the cover and the contents, and the second starts with what follows them, the introduction.
    expect(reading.pages.slice(1, starts[1] - 1).every((page) => page.split('\n')[0].includes('目录'))).toBe(true)
    expect(reading.bodies[starts[1] - 1][0]).toBe('引言')
    for (const start of starts.slice(2)) {
      const heading = cases.find((item) => reading.bodies[start - 1][0] === item.label)
      expect(heading, `page ${start}: ${reading.bodies[start - 1][0]}`).toBeDefined()
    }
  })

  it('has --timings name each part as it is printed, with the pages it holds, the parts following one another to the last page', () => {
    const printedParts = new Map<number, { count: number; from: number; to: number }>()
    for (const [, part, count, from, to] of timings.matchAll(/^timing +\d+ ms {2}zh-CN pdf: print part (\d+) of (\d+) \(pages (\d+)–(\d+)\)$/gm)) {
      // A part printed again (its page numbers corrected) is named again; its last print is the one joined.
      printedParts.set(Number(part), { count: Number(count), from: Number(from), to: Number(to) })
    }
    const starts = partStarts()
    expect(printedParts.size).toBe(starts.length)
    const ordered = [...printedParts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part)
    expect(ordered.map((part) => part.count)).toEqual(ordered.map(() => starts.length))
    expect(ordered.map((part) => part.from)).toEqual(starts)
    ordered.forEach((part, index) => expect(part.to).toBe(index + 1 < ordered.length ? ordered[index + 1].from - 1 : pdf.getPageCount()))
    // Each part's line comes before the build's last one, the total.
    expect(timings.lastIndexOf('print part')).toBeLessThan(timings.indexOf('total, since the process started'))
  })

  it('numbers every page “第 N 页 共 M 页” with its real page and the page count, the first page of each part too', () => {
    const pattern = findMessage('pageOf')
    const footer = (page: number) => pattern.replace('{page}', String(page)).replace('{pages}', String(reading.pageCount)).replace(/\s+/g, ' ')
    const lastLine = (page: number) => reading.pages[page - 1].split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean).at(-1)
    // The cover has no page number; every other page has one.
    for (let page = 2; page <= reading.pageCount; page++) expect(lastLine(page), `page ${page}`).toBe(footer(page))
    for (const start of partStarts().slice(1)) expect(lastLine(start)).toBe(footer(start))
  })

  it('gives contents numbers equal to the real pages of every case and section', () => {
    const entries = contentsEntries(reading, '目录')
    const pages = headingPages()
    expect(pages.size).toBe(CASES * 4)
    for (const [heading, page] of pages) {
      expect(page, heading).toBeGreaterThan(2)
      expect(entries.get(heading), heading).toBe(page)
    }
    for (const heading of ['引言', '案例总览', '结论']) expect(entries.get(heading), heading).toBe(pageOf(heading, 3))
  })

  it('has one bookmark per heading, nested title → cases → sections, each at its heading’s page', () => {
    const pages = headingPages()
    const { outline } = reading
    const headings = structElements(structRoot().lookup(PDFName.of('K'), PDFDict)).filter((element) => /^\/H\d$/.test(name(element, 'S') ?? ''))
    expect(outline).toHaveLength(headings.length)
    expect(outline[0]).toMatchObject({ depth: 0, page: 1 })
    expect(outline.slice(1).every((entry) => entry.depth > 0)).toBe(true)
    const top = outline.filter((entry) => entry.depth === 1).map((entry) => entry.title.replace(/\s+/g, ' '))
    expect(top).toEqual(['目录', '引言', ...cases.map((item) => `${item.label} ${item.title}`), '案例总览', '结论'])
    let current: Case | undefined
    let sections: string[] = []
    const closeCase = () => current && expect(sections, current.label).toEqual(current.children.map((section) => `${section.number} ${section.title}`))
    for (const entry of outline.slice(1)) {
      const title = entry.title.replace(/\s+/g, ' ')
      if (entry.depth === 1) {
        closeCase()
        current = cases.find((item) => `${item.label} ${item.title}` === title)
        sections = []
        const page = pages.get(title) ?? pageOf(title, 2)
        expect(entry.page, title).toBe(page)
      } else {
        expect(entry.depth, title).toBe(2)
        expect(current, title).toBeDefined()
        sections.push(title)
        expect(entry.page, title).toBe(pages.get(title))
      }
    }
    closeCase()
  })

  it('points every link at a named destination that exists, on the page where its target is', () => {
    const dests = pdf.catalog.lookup(PDFName.of('Dests'), PDFDict)
    const pages = headingPages()
    // What each id names, as the report's HTML gives ids: the case, its sections, and the other parts.
    const targets = new Map<string, string>([
      ['intro', '引言'],
      ['overview', '案例总览'],
      ['conclusion', '结论'],
    ])
    for (const item of cases) {
      targets.set(`case-${item.number}`, `${item.label} ${item.title}`)
      item.children.forEach((section, index) => targets.set(`case-${item.number}-${index + 1}`, `${section.number} ${section.title}`))
    }
    const links = linkAnnotations()
    expect(links.length).toBeGreaterThan(2 * CASES)
    const seen = new Set<string>()
    for (const { annotation, page } of links) {
      const dest = annotation.get(PDFName.of('Dest'))
      expect(dest, `a link on page ${page}`).toBeInstanceOf(PDFName)
      const id = (dest as PDFName).decodeText()
      const target = dests.lookupMaybe(PDFName.of(id), PDFArray)
      expect(target, `/${id} (a link on page ${page}) is in the catalog's /Dests`).toBeDefined()
      const heading = targets.get(id)
      expect(heading, id).toBeDefined()
      const expected = pages.get(heading!) ?? pageOf(heading!, 3)
      expect(pageNumber.get(target!.get(0).toString()), `/${id} → ${heading}`).toBe(expected)
      seen.add(id)
    }
    // Every case and section is linked to (from the contents), across every part boundary.
    expect(seen.size).toBe(targets.size)
  })

  it('has one structure tree: one Document, a parent tree every page and link is a key of, unique sorted ids, elements on its pages', () => {
    const root = structRoot()
    const all = pdf.context.enumerateIndirectObjects().filter(([, object]) => object instanceof PDFDict && name(object, 'Type') === '/StructTreeRoot')
    expect(all).toHaveLength(1)
    const document = root.get(PDFName.of('K'))
    expect(document).toBeInstanceOf(PDFRef)
    expect(name(dict(document), 'S')).toBe('/Document')

    const parentTree = new Map<number, PDFObject>()
    for (const [key, value] of treeEntries(root.lookup(PDFName.of('ParentTree'), PDFDict), 'Nums')) {
      const number = (key as PDFNumber).asNumber()
      expect(parentTree.has(number), `parent tree key ${number} twice`).toBe(false)
      parentTree.set(number, value)
    }
    const nextKey = root.lookup(PDFName.of('ParentTreeNextKey'), PDFNumber).asNumber()
    expect(Math.max(...parentTree.keys())).toBeLessThan(nextKey)

    // Each page's key holds its marked content's elements; each of them is on that page.
    pdf.getPages().forEach((page, index) => {
      const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber()
      expect(key, `page ${index + 1} has /StructParents`).toBeDefined()
      const entry = parentTree.get(key!)
      const value = entry instanceof PDFRef ? pdf.context.lookup(entry) : entry
      expect(value, `page ${index + 1}: key ${key}`).toBeInstanceOf(PDFArray)
      // The array is indexed by marked-content id: the element at MCID m holds m on this page,
      // as a kid number (on the element's /Pg) or as a marked-content reference (on its own /Pg, or the element's).
      ;(value as PDFArray).asArray().forEach((entry, mcid) => {
        const element = dict(entry)
        if (!element) return
        const kids = element.get(PDFName.of('K'))
        const list = kids instanceof PDFArray ? kids.asArray() : [kids]
        const pages = list.flatMap((kid) => {
          if (kid instanceof PDFNumber) return kid.asNumber() === mcid ? [element.get(PDFName.of('Pg'))] : []
          const reference = dict(kid)
          if (name(reference, 'Type') !== '/MCR' || reference!.lookup(PDFName.of('MCID'), PDFNumber).asNumber() !== mcid) return []
          return [reference!.get(PDFName.of('Pg')) ?? element.get(PDFName.of('Pg'))]
        })
        expect(pages.map((pg) => pageNumber.get(String(pg))), `page ${index + 1}: MCID ${mcid} of key ${key}`).toContain(index + 1)
      })
    })
    // Each link's key is its own Link element, which holds the link.
    const links = linkAnnotations()
    for (const { ref, annotation, page } of links) {
      const key = annotation.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber()
      expect(key, `a link on page ${page}`).toBeDefined()
      const element = dict(parentTree.get(key!))
      expect(name(element, 'S'), `key ${key}`).toBe('/Link')
      const kids = element!.get(PDFName.of('K'))
      const objects = (kids instanceof PDFArray ? kids.asArray() : [kids]).map(dict).filter((kid) => name(kid, 'Type') === '/OBJR')
      expect(objects.map((kid) => kid!.get(PDFName.of('Obj'))?.toString()), `key ${key}`).toContain(ref.toString())
    }

    const ids = treeEntries(root.lookup(PDFName.of('IDTree'), PDFDict), 'Names').map(([key, value]) => [text(key)!, value] as const)
    const keys = ids.map(([key]) => key)
    expect(new Set(keys).size, 'ids are unique').toBe(keys.length)
    expect(keys, 'ids are sorted').toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    for (const [key, value] of ids) expect(text(dict(value)?.get(PDFName.of('ID'))), key).toBe(key)

    const elements = structElements(dict(document)!)
    for (const element of elements) {
      const pg = element.get(PDFName.of('Pg'))
      if (pg) expect(pageNumber.has(pg.toString()), `/Pg ${pg.toString()} of a ${name(element, 'S')}`).toBe(true)
    }
    const count = (type: string) => elements.filter((element) => name(element, 'S') === `/${type}`).length
    expect(count('Document')).toBe(1)
    expect(count('H1')).toBe(1)
    // The cases, and the contents, introduction, overview and conclusion.
    expect(count('H2')).toBe(CASES + 4)
    expect(count('H3')).toBe(CASES * 3)
    expect(count('Link')).toBe(links.length)
    // One table for every TABLE_EVERY cases, and the overview's.
    expect(count('Table')).toBe(CASES / TABLE_EVERY + 1)
  })

  it('passes qpdf --check without warnings and embeds every font', () => {
    const check = spawnSync(requireTool('qpdf'), ['--check', file], { encoding: 'utf8' })
    expect(check.status, check.stdout + check.stderr).toBe(0)
    // qpdf writes its warnings (“WARNING: …”) to stderr, and exits 3 on them.
    expect(check.stderr).toBe('')
    expect(check.stdout).not.toMatch(/WARNING/)
    expect(check.stdout).toContain('No syntax or stream encoding errors found')
    const rows = reading.fonts.split('\n').slice(2).filter((line) => line.trim())
    expect(rows.length).toBeGreaterThan(0)
    // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object number and generation.
    for (const row of rows) expect(row.split(/\s+/).at(-5), row).toBe('yes')
  })

  it('gives each font subset its own name (ISO 32000-1 9.6.4: different subsets shall have different tags)', () => {
    // Each part is a PDF of its own, whose subsets Skia tags AAAAAA+, BAAAAA+, …: joined, two
    // different subsets may share one name, and a viewer or printer that caches fonts by name
    // draws one part's text with another part's glyphs.
    const names = reading.fonts
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => line.split(/\s+/)[0])
    const twice = names.filter((font, index) => names.indexOf(font) !== index)
    expect(twice, 'subset names used by more than one font').toEqual([])
  })

  it('reads page for page as the same report printed whole: text, bookmarks and link targets', async () => {
    // A stylesheet with an @page :first rule is printed whole (a part printed alone would get its first page wrong).
    const whole = join(dir, 'whole')
    mkdirSync(join(whole, 'templates'), { recursive: true })
    writeFileSync(join(whole, 'templates/report.css'), readFileSync(join(ROOT, 'templates/report.css'), 'utf8') + '\n@page :first {}\n')
    writeFileSync(join(whole, 'casebook.yaml'), 'templates: templates\n')
    const result = casebook(['build', input, '--config', join(whole, 'casebook.yaml'), '--out', join(whole, 'out'), '--locale', 'zh-CN', '--format', 'pdf'], { env: { SOURCE_DATE_EPOCH: '1700000000' } })
    expect(result.code, result.stderr).toBe(0)
    const printed = await readPdf(join(whole, 'out/zh-CN/report.pdf'))
    const document = await PDFDocument.load(readFileSync(join(whole, 'out/zh-CN/report.pdf')), { updateMetadata: false })
    expect(document.catalog.lookup(PDFName.of('Pages'), PDFDict).lookup(PDFName.of('Kids'), PDFArray).size()).not.toBe(partSizes().length)
    expect(reading.pages).toEqual(printed.pages)
    expect(reading.outline).toEqual(printed.outline)
    // Each link, in order, leads to the same page.
    const targets = (from: PDFDocument) => {
      const pages = new Map(from.getPages().map((page, index) => [page.ref.toString(), index + 1]))
      const dests = from.catalog.lookup(PDFName.of('Dests'), PDFDict)
      return from.getPages().flatMap((page) => (page.node.Annots()?.asArray() ?? []).map((ref) => pages.get(dests.lookup(from.context.lookup(ref, PDFDict).get(PDFName.of('Dest')) as PDFName, PDFArray).get(0).toString())))
    }
    expect(targets(pdf)).toEqual(targets(document))
  }, 120_000)

  it('builds byte for byte the same report.pdf again', () => {
    const again = build('--force')
    expect(again.code, again.stderr).toBe(0)
    expect(readFileSync(file).equals(bytes)).toBe(true)
  }, 120_000)
})

function structRoot(): PDFDict {
  return pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
}

/** The `key` message of the zh-CN catalog, wherever its group puts it. */
function findMessage(key: string): string {
  const catalog = JSON.parse(readFileSync(join(ROOT, 'templates/locales/zh-CN.json'), 'utf8')) as Record<string, unknown>
  const search = (value: unknown): string | undefined => {
    if (!value || typeof value !== 'object') return undefined
    for (const [name, inner] of Object.entries(value)) {
      if (name === key && typeof inner === 'string') return inner
      const found = search(inner)
      if (found) return found
    }
    return undefined
  }
  const message = search(catalog)
  if (!message) throw new Error(`zh-CN.json has no ${key} message`)
  return message
}
