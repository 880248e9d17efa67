/**
 * The byte-level PDF stamp (src/render/shared/update-pdf.ts) on PDFs that are
 * not Chromium's: a classic-xref file and one with object streams (which
 * takes the pdf-lib path). Read back with poppler and pdf-lib.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { readChromiumPdf } from '../src/render/shared/chromium-pdf.js'
import { readDestinations } from '../src/render/pdf/read-destinations.js'
import { updatePdf, type PdfStamp } from '../src/render/shared/update-pdf.js'
import { requireTool, run } from './helpers/tools.js'

const folder = mkdtempSync(join(tmpdir(), 'casebook-pdf-update-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const stamp: PdfStamp = {
  title: '十二城“一网通办” (test)',
  author: 'Ada',
  subject: 'Sub\\ject',
  keywords: '甲 乙',
  creator: 'casebook',
  producer: 'casebook',
  lang: 'zh-TW',
  date: new Date('2023-11-14T22:13:20Z'),
  fingerprint: 'same source',
}

/** A three-page PDF with struct-element ids in Chromium's form, a /Dests entry and a wall-clock date. */
async function sample(useObjectStreams: boolean): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false })
  const pages = [document.addPage(), document.addPage(), document.addPage()]
  document.setTitle('http://localhost/index.html')
  document.setCreationDate(new Date())
  const dests = document.context.obj({ second: [pages[1].ref, 'XYZ', 0, 0, 0], 'case#2D3': [pages[2].ref, 'XYZ', 0, 0, 0] })
  document.catalog.set(PDFName.of('Dests'), document.context.register(dests))
  for (const id of ['node00000917', 'node00000042']) {
    document.context.register(document.context.obj({ Type: 'StructElem', S: 'P', ID: PDFString.of(id) }))
  }
  return document.save({ useObjectStreams })
}

describe('updatePdf', () => {
  for (const objectStreams of [false, true]) {
    it(`stamps metadata, language and a content id ${objectStreams ? 'after re-saving object streams' : 'in place'}, and gives equal bytes for equal input`, async () => {
      requireTool('pdfinfo')
      const original = await sample(objectStreams)
      const first = await updatePdf(original, stamp)
      const again = await updatePdf(await sample(objectStreams), stamp)
      expect(first.pages).toBe(3)
      expect(Buffer.from(first.bytes).equals(Buffer.from(again.bytes))).toBe(true)
      const file = join(folder, `stamped-${objectStreams}.pdf`)
      writeFileSync(file, first.bytes)
      const info = run('pdfinfo', ['-enc', 'UTF-8', file])
      expect(info).toMatch(/^Title:\s+十二城“一网通办” \(test\)$/m)
      expect(info).toMatch(/^Author:\s+Ada$/m)
      expect(info).toMatch(/^Subject:\s+Sub\\ject$/m)
      expect(info).toMatch(/^Keywords:\s+甲 乙$/m)
      expect(info).toMatch(/^CreationDate:\s+Tue Nov 14 22:13:20 2023 UTC$/m)
      expect(info).toMatch(/^Pages:\s+3$/m)
      expect(info).not.toMatch(/localhost/)
      const loaded = await PDFDocument.load(first.bytes, { updateMetadata: false })
      expect(loaded.getTitle()).toBe(stamp.title)
      expect(loaded.catalog.lookup(PDFName.of('Lang'))?.toString()).toMatch(/zh-TW|FEFF/)
      const text = Buffer.from(first.bytes).toString('latin1')
      expect(text).toMatch(/\/ID \[<([0-9A-F]{32})> <\1>\]/)
      // Ids renumbered in their own order and width.
      expect(text).toContain('(node00000001)')
      expect(text).toContain('(node00000002)')
      expect(text).not.toContain('node00000917')
    })
  }

  it('reads named destinations and decodes #xx in their names', async () => {
    const pdf = readChromiumPdf(await sample(false))
    expect(readDestinations(pdf)).toEqual({ second: 2, 'case-3': 3 })
  })
})
