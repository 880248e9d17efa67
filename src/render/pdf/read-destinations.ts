/** Where Chromium put each link target: the PDF's named destinations, as 1-based page numbers. */
import { reference, type ChromiumPdf } from '../shared/chromium-pdf.js'
import type { PageMap } from './guess-toc-pages.js'

/** Reads the catalog's /Dests (Chromium writes one per `#id` link target) into page numbers. */
export function readDestinations(pdf: ChromiumPdf): PageMap {
  const pageNumbers = new Map<number, number>()
  pdf.pages().forEach((page, index) => pageNumbers.set(page, index + 1))
  const dests = reference(pdf.object(pdf.trailer.root), 'Dests')
  const result: PageMap = {}
  if (dests === undefined) return result
  for (const { name, value } of destinationEntries(pdf.object(dests))) {
    // An array's first reference is the page; a reference points at such an array or a dictionary with /D.
    const array = value.startsWith('[') ? value : pdf.object(Number(/^\d+/.exec(value)![0]))
    const target = /\[\s*(\d+)\s+\d+\s+R/.exec(array)?.[1]
    const number = target === undefined ? undefined : pageNumbers.get(Number(target))
    if (number !== undefined) result[destinationId(name)] = number
  }
  return result
}

/** The entries of a /Dests dictionary's text: `/name [page 0 R /XYZ …]` or `/name N 0 R`, each as its name (still encoded) and value. */
export function destinationEntries(dictionary: string): Array<{ name: string; value: string }> {
  return Array.from(dictionary.matchAll(/\/([^\s/[\]<>(){}%]+)\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/g), (entry) => ({ name: entry[1], value: entry[2] }))
}

/**
 * The id a destination's name stands for. Chromium names it after the link's URL fragment, which is
 * percent-encoded (`#γ` is /%CE%B3), and PDF names escape bytes as #xx.
 */
export function destinationId(name: string): string {
  const fragment = decodeName(name)
  try {
    return decodeURIComponent(fragment)
  } catch {
    // A lone `%` stays as it is in a fragment.
    return fragment
  }
}

/** PDF names escape bytes as #xx; ids may hold any character. */
function decodeName(name: string): string {
  const bytes = name.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}
