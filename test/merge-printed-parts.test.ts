/**
 * mergePrintedParts on two tiny Chromium PDFs: what test/pdf-parts.test.ts's generated report
 * never has. Ids outside ASCII (a PDF name escapes their bytes as #xx, and the part's own
 * destinations are picked by the decoded id), a heading whose text reads like a reference
 * (“1 0 R” in a title must survive the renumbering), and a stand-in target in the first part
 * for a heading of the second that must not win over the real one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserSession } from '../src/browser/launch-browser.js'
import { mergePrintedParts } from '../src/render/pdf/merge-printed-parts.js'
import { printPdf } from '../src/render/pdf/print-pass.js'
import { startBrowser } from './helpers/browser.js'
import { readPdf, type PdfReading } from './helpers/pdf-read.js'
import { requireTool } from './helpers/tools.js'

const GAMMA = 'γ-gamma'
const STYLE = '<style>@page{size:A6;margin:10mm} body{font:12pt sans-serif} h2,h3{break-before:page}</style>'
/** What print-in-parts.ts adds to a part: hidden links that make its own targets named destinations, and stand-ins for targets in other parts. */
const extras = (own: string[], elsewhere: string[]) =>
  `<div aria-hidden="true" style="position:absolute;top:0;left:0;width:0;height:0;overflow:hidden">${own.map((id) => `<a tabindex="-1" href="#${encodeURIComponent(id)}"></a>`).join('')}${elsewhere.map((id) => `<span id="${id}"></span>`).join('')}</div>`
/** Part 1: the title and its links to all three headings (pages 1–2). */
const FIRST = `<!doctype html><html lang="en"><head>${STYLE}</head><body><h1>Merged title</h1><p><a href="#alpha">Alpha</a> <a href="#beta">Beta</a> <a href="#${encodeURIComponent(GAMMA)}">Gamma</a></p><h2 id="alpha">Alpha (1 0 R)</h2><p>alpha text</p>${extras(['alpha'], ['beta', GAMMA])}</body></html>`
/** Part 2: two headings on pages of their own and a link back (pages 3–4). */
const SECOND = `<!doctype html><html lang="en"><head>${STYLE}</head><body><h2 id="beta">Beta</h2><p><a href="#alpha">back to alpha</a></p><h3 id="${GAMMA}">Gamma</h3><p>gamma text</p>${extras(['beta', GAMMA], ['alpha'])}</body></html>`

const dir = mkdtempSync(join(tmpdir(), 'casebook-merge-'))
const file = join(dir, 'merged.pdf')
let session: BrowserSession
let reading: PdfReading
let pdf: PDFDocument

async function print(html: string): Promise<Uint8Array> {
  const page = await session.browser.newPage()
  try {
    await page.setContent(html, { waitUntil: 'load' })
    return await printPdf(page, 30_000)
  } finally {
    await page.close()
  }
}

beforeAll(async () => {
  for (const tool of ['qpdf', 'pdftotext', 'pdfinfo', 'pdffonts']) requireTool(tool)
  session = await startBrowser()
  const first = await print(FIRST)
  const second = await print(SECOND)
  writeFileSync(file, mergePrintedParts([
    { bytes: first, destinations: new Set(['alpha']) },
    { bytes: second, destinations: new Set(['beta', GAMMA]) },
  ]))
  reading = await readPdf(file)
  pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false })
}, 60_000)

afterAll(async () => {
  await session?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('mergePrintedParts', () => {
  it('joins the pages in order into a file qpdf finds no fault with', () => {
    expect(reading.pageCount).toBe(4)
    expect(reading.pages.map((text) => text.replace(/\s+/g, ' '))).toEqual([expect.stringContaining('Merged title'), expect.stringContaining('alpha text'), expect.stringContaining('back to alpha'), expect.stringContaining('gamma text')])
    const check = spawnSync(requireTool('qpdf'), ['--check', file], { encoding: 'utf8' })
    expect(check.status, check.stdout + check.stderr).toBe(0)
    expect(check.stderr).toBe('')
  })

  it('nests the outline by heading level across the parts, titles as printed', () => {
    expect(reading.outline).toEqual([
      { title: 'Merged title', depth: 0, page: 1 },
      { title: 'Alpha (1 0 R)', depth: 1, page: 2 },
      { title: 'Beta', depth: 1, page: 3 },
      { title: 'Gamma', depth: 2, page: 4 },
    ])
  })

  it('keeps each part’s own named destinations, not the stand-ins, so every link reaches its heading', () => {
    const pageNumber = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]))
    const dests = pdf.catalog.lookup(PDFName.of('Dests'), PDFDict)
    const pageOfDest = (name: PDFName) => pageNumber.get(dests.lookup(name, PDFArray).get(0).toString())
    // Chromium names a destination after the link's URL fragment, percent-encoded: γ-gamma is /%CE%B3-gamma.
    const gamma = PDFName.of(encodeURIComponent(GAMMA))
    // One entry per id: the stand-ins of part 1 (on page 1) and part 2 (page 3) are left out.
    expect(dests.keys().map((key) => key.decodeText()).sort()).toEqual([gamma.decodeText(), 'alpha', 'beta'].sort())
    expect(pageOfDest(PDFName.of('alpha'))).toBe(2)
    expect(pageOfDest(PDFName.of('beta'))).toBe(3)
    expect(pageOfDest(gamma)).toBe(4)
    const links = pdf.getPages().flatMap((page, index) => (page.node.Annots()?.asArray() ?? []).map((ref) => ({ page: index + 1, dest: pdf.context.lookup(ref, PDFDict).get(PDFName.of('Dest')) as PDFName })))
    expect(links.map(({ page, dest }) => [page, pageOfDest(dest)])).toEqual([
      [1, 2],
      [1, 3],
      [1, 4],
      [3, 2],
    ])
  })

  it('shifts the second part’s parent tree keys above the first’s', () => {
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
    const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray()
    const keys = nums.filter((_, index) => index % 2 === 0).map((key) => (key as PDFNumber).asNumber())
    expect(new Set(keys).size).toBe(keys.length)
    const used = [
      ...pdf.getPages().map((page) => page.node.lookup(PDFName.of('StructParents'), PDFNumber).asNumber()),
      ...pdf.getPages().flatMap((page) => (page.node.Annots()?.asArray() ?? []).map((ref) => pdf.context.lookup(ref, PDFDict).lookup(PDFName.of('StructParent'), PDFNumber).asNumber())),
    ]
    expect(new Set(used).size).toBe(used.length)
    expect([...used].sort((a, b) => a - b)).toEqual([...keys].sort((a, b) => a - b))
    expect(root.lookup(PDFName.of('ParentTreeNextKey'), PDFNumber).asNumber()).toBeGreaterThan(Math.max(...keys))
  })
})
