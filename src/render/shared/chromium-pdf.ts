/**
 * A light reader for the PDF Chromium prints (Skia's writer: a classic xref
 * table, plain dictionary objects, no object streams). It finds objects by
 * the xref offsets and reads only the few small dictionaries casebook needs,
 * instead of parsing a 16 MB file into objects.
 */

/** The trailer's references, and where the last xref table starts. */
export interface Trailer {
  size: number
  root: number
  info: number | undefined
  startxref: number
}

/** One printed PDF: its bytes as latin1 text (one character per byte), objects by number. */
export interface ChromiumPdf {
  /** The file as latin1 text: character offsets are byte offsets. */
  text: string
  trailer: Trailer
  /** The text of dictionary object `number`, from `N 0 obj` to `endobj` (or to `stream`). */
  object(number: number): string
  /** The byte offset where object `number` starts. */
  offset(number: number): number
  /** Page object numbers in page order. */
  pages(): number[]
}

/** Thrown when the bytes are not laid out the way this reader expects (for example an xref stream). */
export class UnsupportedPdfError extends Error {}

/** Reads `bytes`' xref table and trailer; throws UnsupportedPdfError for layouts it does not handle. */
export function readChromiumPdf(bytes: Uint8Array): ChromiumPdf {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-128))
  if (!start) throw new UnsupportedPdfError('no startxref at the end of the file')
  const startxref = Number(start[1])
  const offsets = new Map<number, number>()
  let trailer: Trailer | undefined
  // Follow /Prev back through earlier sections; entries already seen are newer.
  for (let at: number | undefined = startxref, seen = 0; at !== undefined && seen < 64; seen++) {
    if (!text.startsWith('xref', at)) throw new UnsupportedPdfError('the cross-reference data is not a classic xref table')
    const end = text.indexOf('trailer', at)
    if (end < 0) throw new UnsupportedPdfError('no trailer after the xref table')
    readXrefTable(text.slice(at + 4, end), offsets)
    const dictionary = text.slice(end, text.indexOf('startxref', end))
    trailer ??= {
      size: Number(/\/Size\s+(\d+)/.exec(dictionary)?.[1] ?? 0),
      root: Number(/\/Root\s+(\d+)\s+\d+\s+R/.exec(dictionary)?.[1] ?? 0),
      info: Number(/\/Info\s+(\d+)\s+\d+\s+R/.exec(dictionary)?.[1] ?? 0) || undefined,
      startxref,
    }
    const previous = /\/Prev\s+(\d+)/.exec(dictionary)
    at = previous ? Number(previous[1]) : undefined
  }
  if (!trailer?.root) throw new UnsupportedPdfError('the trailer names no /Root')
  const offset = (number: number): number => {
    const at = offsets.get(number)
    if (at === undefined || !text.startsWith(`${number} `, at)) throw new UnsupportedPdfError(`object ${number} is not where the xref table says`)
    return at
  }
  const object = (number: number): string => {
    const at = offset(number)
    const body = text.slice(at, text.indexOf('endobj', at))
    const stream = body.indexOf('stream')
    return stream >= 0 ? body.slice(0, stream) : body
  }
  const pages = (): number[] => {
    const root = reference(object(trailer.root), 'Pages')
    if (root === undefined) throw new UnsupportedPdfError('the catalog names no /Pages')
    const result: number[] = []
    const walk = (number: number, depth: number) => {
      const node = object(number)
      if (!/\/Type\s*\/Pages\b/.test(node)) return void result.push(number)
      if (depth > 64) throw new UnsupportedPdfError('the page tree is too deep')
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? ''
      for (const kid of kids.matchAll(/(\d+)\s+\d+\s+R/g)) walk(Number(kid[1]), depth + 1)
    }
    walk(root, 0)
    return result
  }
  return { text, trailer, object, offset, pages }
}

/** The object number `/Key N 0 R` points at in a dictionary's text. */
export function reference(dictionary: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dictionary)
  return match ? Number(match[1]) : undefined
}

/** Adds in-use entries of one xref table (its subsections) to `offsets`, keeping entries already there. */
function readXrefTable(table: string, offsets: Map<number, number>): void {
  const header = /(\d+) (\d+)[ \t]*(?:\r\n|\r|\n)/y
  let at = table.search(/\S/)
  while (at >= 0 && at < table.length) {
    header.lastIndex = at
    const subsection = header.exec(table)
    if (!subsection) throw new UnsupportedPdfError(`unexpected text in the xref table: ${table.slice(at, at + 40)}`)
    const first = Number(subsection[1])
    at = header.lastIndex
    // Entries are exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, n or f, two end-of-line bytes.
    for (let index = 0; index < Number(subsection[2]); index++, at += 20) {
      const entry = table.slice(at, at + 18)
      if (!/^\d{10} \d{5} [nf]$/.test(entry)) throw new UnsupportedPdfError(`malformed xref entry: ${entry}`)
      if (entry[17] === 'n' && !offsets.has(first + index)) offsets.set(first + index, Number(entry.slice(0, 10)))
    }
    const next = table.slice(at).search(/\S/)
    at = next < 0 ? -1 : at + next
  }
}
