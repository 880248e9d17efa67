/**
 * Sets a printed PDF's metadata, language and file id without re-saving it:
 * same-length patches in place (wall-clock dates, structure ids), then one
 * standard incremental update appended at the end (a new Info dictionary,
 * the catalog when its language must change, and a trailer with the /ID).
 */
import { createHash } from 'node:crypto'
import { readChromiumPdf, UnsupportedPdfError, type ChromiumPdf } from './chromium-pdf.js'
import { stabiliseStructIds } from './stable-struct-ids.js'

/** What to record; absent fields are left out of the Info dictionary. */
export interface PdfStamp {
  title: string
  author?: string
  subject?: string
  keywords?: string
  creator: string
  producer: string
  lang: string
  date: Date
  /** Hashed into the trailer /ID; the same source gives the same ID. */
  fingerprint: string
}

/** The stamped bytes and the page count. */
export interface UpdatedPdf {
  bytes: Uint8Array
  pages: number
}

/**
 * Stamps `bytes` (as Chromium printed them) with `stamp`. `pdf` may be passed
 * when the caller has already read the bytes. Files this reader does not
 * handle (xref streams) are first re-saved by pdf-lib with a classic table.
 */
export async function updatePdf(bytes: Uint8Array, stamp: PdfStamp, pdf?: ChromiumPdf): Promise<UpdatedPdf> {
  let source = bytes
  try {
    pdf ??= readChromiumPdf(source)
  } catch (error) {
    if (!(error instanceof UnsupportedPdfError)) throw error
    source = await resaveClassic(bytes)
    pdf = readChromiumPdf(source)
  }
  const { text, trailer } = pdf
  const patched = Buffer.from(source)
  stabiliseStructIds(patched, text)
  // The old Info (Chromium's URL-free title, its user agent, the print time) becomes an empty dictionary of the same length.
  if (trailer.info !== undefined) blankDictionary(patched, pdf.offset(trailer.info), pdf.object(trailer.info))
  let size = trailer.size
  const infoNumber = trailer.info ?? size++
  const objects: Array<[number, string]> = [[infoNumber, infoDictionary(stamp)]]
  const catalog = updatedCatalog(pdf.object(trailer.root), stamp.lang)
  if (catalog) objects.push([trailer.root, catalog])

  const parts: string[] = ['\n']
  let offset = patched.length + 1
  const entries: string[] = []
  for (const [number, body] of objects.sort((a, b) => a[0] - b[0])) {
    const object = `${number} 0 obj\n${body}\nendobj\n`
    entries.push(`${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`)
    parts.push(object)
    offset += Buffer.byteLength(object, 'latin1')
  }
  const id = createHash('md5').update(stamp.fingerprint).digest('hex').toUpperCase()
  parts.push(
    `xref\n${entries.join('')}trailer\n<</Size ${size}\n/Root ${trailer.root} 0 R\n/Info ${infoNumber} 0 R\n/ID [<${id}> <${id}>]\n/Prev ${trailer.startxref}>>\n`,
    `startxref\n${offset}\n%%EOF\n`,
  )
  const update = Buffer.from(parts.join(''), 'latin1')
  return { bytes: Buffer.concat([patched, update]), pages: pdf.pages().length }
}

/** The Info dictionary: text strings as UTF-16BE hex, dates as `D:YYYYMMDDHHmmSSZ`. */
function infoDictionary(stamp: PdfStamp): string {
  const date = `(D:${stamp.date.toISOString().replace(/\D/g, '').slice(0, 14)}Z)`
  const fields: Array<[string, string | undefined]> = [
    ['Title', stamp.title],
    ['Author', stamp.author],
    ['Subject', stamp.subject],
    ['Keywords', stamp.keywords],
    ['Creator', stamp.creator],
    ['Producer', stamp.producer],
  ]
  const lines = fields.filter((field): field is [string, string] => field[1] !== undefined).map(([key, value]) => `/${key} ${textString(value)}`)
  return `<<${[...lines, `/CreationDate ${date}`, `/ModDate ${date}`].join('\n')}>>`
}

/** The catalog with `/Lang` set and the title shown in the window, or null when Chromium already wrote both. */
function updatedCatalog(object: string, lang: string): string | null {
  const wanted = `/Lang ${textString(lang)}`
  const body = object.slice(object.indexOf('<<'), object.lastIndexOf('>>') + 2)
  const hasLang = body.includes(`/Lang (${lang})`) || body.includes(wanted)
  const showsTitle = /\/DisplayDocTitle\s+true/.test(body)
  if (hasLang && showsTitle) return null
  let inner = body.slice(2, -2)
  if (!hasLang) inner = inner.replace(/\/Lang\s*(\([^)]*\)|<[0-9A-Fa-f\s]*>)/, '') + `\n${wanted}`
  if (!showsTitle) {
    // Chromium writes ViewerPreferences only with DisplayDocTitle; replace it whole.
    inner = inner.replace(/\/ViewerPreferences\s*<<[^<>]*>>/, '') + '\n/ViewerPreferences <</DisplayDocTitle true>>'
  }
  return `<<${inner}>>`
}

/** A PDF text string: literal for plain ASCII, UTF-16BE hex with a byte order mark otherwise. */
function textString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (char) => `\\${char}`)})`
  const utf16 = Buffer.from(value, 'utf16le').swap16()
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`
}

/** Overwrites the inside of a dictionary object with spaces; its length, and every offset, stay the same. */
function blankDictionary(bytes: Buffer, start: number, object: string): void {
  const open = object.indexOf('<<')
  const close = object.lastIndexOf('>>')
  if (open < 0 || close <= open) return
  bytes.fill(0x20, start + open + 2, start + close)
}

/** pdf-lib's re-save with a classic xref table: slow, for PDFs this module cannot patch directly. */
async function resaveClassic(bytes: Uint8Array): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib')
  const document = await PDFDocument.load(bytes, { updateMetadata: false })
  return document.save({ useObjectStreams: false, updateFieldAppearances: false })
}
