/** Reading a built .pptx the way its readers do: unzipped XML, and LibreOffice Impress → PDF → poppler. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { convertToPdf } from './docx-read.js'
import { run } from './tools.js'

/** A fresh scratch folder. */
export const scratch = (prefix = 'casebook-pptx-'): string => mkdtempSync(join(tmpdir(), prefix))

/** Every part of the package, as bytes, by path. */
export function pptxBytes(path: string): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(readFileSync(path))))
}

/** Every XML part (and .rels) of the package as text, by path. */
export function pptxParts(path: string): Map<string, string> {
  return new Map([...pptxBytes(path)].filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, bytes]) => [name, strFromU8(bytes)]))
}

/** The slides' XML in presentation order (slide1.xml, slide2.xml, …). */
export function slidesXml(parts: Map<string, string>): string[] {
  const slides: string[] = []
  for (let n = 1; parts.has(`ppt/slides/slide${n}.xml`); n++) slides.push(parts.get(`ppt/slides/slide${n}.xml`)!)
  return slides
}

/** The notes of slide `n` (1-based), as its paragraphs' text. */
export function notesOf(parts: Map<string, string>, n: number): string[] {
  const rels = parts.get(`ppt/slides/_rels/slide${n}.xml.rels`) ?? ''
  const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1]
  const xml = target ? parts.get(`ppt/notesSlides/${target}`) ?? '' : ''
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((paragraph) => runs(paragraph[1]).join('')).filter((text) => text && !/^\d+$/.test(text))
}

/** The text of every `<a:t>` run, decoded. */
export function runs(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => decode(match[1]))
}

export function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

/**
 * Converts with LibreOffice Impress headless, in a profile of its own (parallel runs would fight
 * over one); returns the PDF path. Without Impress, soffice has no filter for a .pptx: the test
 * fails saying what to install.
 */
export function convertPptx(pptx: string): string {
  const pdf = convertToPdf(pptx)
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${pptx}: LibreOffice Impress is required by this test: apt-get install --no-install-recommends libreoffice-impress (bash .ci/run installs it)`)
  return pdf
}

/** The text of each page in the order LibreOffice wrote it: box by box, so a wrapped label stays whole. */
export function pdfPageTexts(pdf: string): string[] {
  return run('pdftotext', ['-raw', pdf, '-']).split('\f').slice(0, -1)
}

/** A word poppler found on a page, with its box in points. */
export interface PdfWord {
  page: number
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Each page's size and words, from `pdftotext -bbox`. */
export function pdfWords(pdf: string): { pages: Array<{ width: number; height: number }>; words: PdfWord[] } {
  const html = run('pdftotext', ['-bbox', pdf, '-'])
  const pages: Array<{ width: number; height: number }> = []
  const words: PdfWord[] = []
  for (const [, width, height, body] of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    pages.push({ width: Number(width), height: Number(height) })
    for (const [, xMin, yMin, xMax, yMax, text] of body.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      words.push({ page: pages.length, text: decode(text), xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax), yMax: Number(yMax) })
    }
  }
  return { pages, words }
}

/** Text without any white space, to compare what a PDF wraps with what was written. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '')
