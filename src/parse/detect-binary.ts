/**
 * Tells a file that is no text at all (an image, a Word document, an archive)
 * from a text file, by its first bytes, so it gets one message instead of one
 * per stray byte.
 */

/** What a binary file looks like, for its message: its kind and, where known, what to do instead. */
export interface BinaryKind {
  /** “a PNG image”, “a Word document (.docx)”; null when no signature matched. */
  kind: string | null
  /** How to get text out of it, when there is a better way than “export the text”. */
  advice?: string
}

/** How much of a file's start is looked at for NUL bytes, as git does (8,000 bytes there). */
const SAMPLE_BYTES = 8192

type Signature = { kind: string; advice?: string; matches: (bytes: Uint8Array) => boolean }

const startsWith = (prefix: number[] | string, at = 0) => (bytes: Uint8Array) => {
  const codes = typeof prefix === 'string' ? [...prefix].map((char) => char.charCodeAt(0)) : prefix
  return bytes.length >= at + codes.length && codes.every((code, index) => bytes[at + index] === code)
}

const SIGNATURES: Signature[] = [
  { kind: 'a PNG image', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { kind: 'a JPEG image', matches: startsWith([0xff, 0xd8, 0xff]) },
  { kind: 'a GIF image', matches: (bytes) => startsWith('GIF87a')(bytes) || startsWith('GIF89a')(bytes) },
  { kind: 'a WebP image', matches: (bytes) => startsWith('RIFF')(bytes) && startsWith('WEBP', 8)(bytes) },
  { kind: 'a TIFF image', matches: (bytes) => startsWith([0x49, 0x49, 0x2a, 0x00])(bytes) || startsWith([0x4d, 0x4d, 0x00, 0x2a])(bytes) },
  { kind: 'a HEIC or AVIF image, or an MP4 video', matches: startsWith('ftyp', 4) },
  { kind: 'a PDF document', advice: 'copy its text into a .txt file (or `pdftotext -layout {file} {name}.txt`) and check the headings', matches: startsWith('%PDF-') },
  {
    kind: 'a Word 97–2003 document (.doc) or another old Office file',
    advice: 'save it as Plain Text (.txt, UTF-8) in Word',
    matches: startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  },
  { kind: 'a gzip archive', matches: startsWith([0x1f, 0x8b]) },
  { kind: 'a 7-Zip archive', matches: startsWith([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { kind: 'a RAR archive', matches: startsWith('Rar!\x1a\x07') },
  { kind: 'a program (ELF)', matches: startsWith('\x7fELF') },
  { kind: 'an SQLite database', matches: startsWith('SQLite format 3\0') },
]

/** Zip packages by what they hold: Office and OpenDocument files are zips. */
const ZIP_KINDS: Array<{ marker: string; kind: string; advice?: string }> = [
  { marker: 'word/document.xml', kind: 'a Word document (.docx)', advice: 'save it as Plain Text (.txt, UTF-8) in Word, or convert it with `pandoc -f docx {file} -t markdown -o {name}.md`' },
  { marker: 'ppt/presentation.xml', kind: 'a PowerPoint presentation (.pptx)' },
  { marker: 'xl/workbook.xml', kind: 'an Excel workbook (.xlsx)' },
  { marker: 'application/vnd.oasis.opendocument.text', kind: 'an OpenDocument text (.odt)', advice: 'save it as Text (.txt, UTF-8), or convert it with `pandoc -f odt {file} -t markdown -o {name}.md`' },
  { marker: 'application/vnd.oasis.opendocument', kind: 'an OpenDocument file' },
  { marker: 'application/epub+zip', kind: 'an EPUB book' },
]

/**
 * The kind of binary file `bytes` hold, or null for text. Known signatures decide
 * first; otherwise a file is binary when its first 8 KB hold a NUL byte and either
 * are not UTF-8 or are more than a tenth control codes. A text file with a stray NUL
 * stays text (its control characters are reported where they stand), and UTF-16 and
 * UTF-32 text is left to the decoder, which reads or names it.
 */
export function detectBinary(bytes: Uint8Array): BinaryKind | null {
  if (startsWith([0xff, 0xfe])(bytes) || startsWith([0xfe, 0xff])(bytes) || startsWith([0x00, 0x00, 0xfe, 0xff])(bytes)) return null
  for (const signature of SIGNATURES) {
    if (signature.matches(bytes)) return { kind: signature.kind, advice: signature.advice }
  }
  if (startsWith([0x50, 0x4b, 0x03, 0x04])(bytes) || startsWith([0x50, 0x4b, 0x05, 0x06])(bytes)) return zipKind(bytes)
  const sample = bytes.subarray(0, SAMPLE_BYTES)
  if (!sample.includes(0) || utf16Order(sample)) return null
  let controls = 0
  for (const byte of sample) if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) controls++
  return !isUtf8(sample) || controls * 10 > sample.length ? { kind: null } : null
}

/**
 * `le` or `be` when `sample` (a file's start) reads as UTF-16 text without a
 * byte-order mark: it holds NUL bytes, nine in ten of its UTF-16 characters are ones
 * text is made of (ASCII, Latin letters, punctuation, CJK; random bytes give about a
 * third), and it is no UTF-8 text with a stray NUL: either it is not UTF-8 (Chinese
 * UTF-16) or NULs are a quarter of its characters (the high bytes of ASCII).
 */
export function utf16Order(sample: Uint8Array): 'le' | 'be' | null {
  let nuls = 0
  for (const byte of sample) if (byte === 0) nuls++
  if (nuls === 0 || (nuls * 8 < sample.length && isUtf8(sample))) return null
  const even = sample.subarray(0, sample.length - (sample.length % 2))
  for (const order of ['le', 'be'] as const) {
    const text = new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be').decode(even)
    let textual = 0
    for (let index = 0; index < text.length; index++) if (isTextual(text.charCodeAt(index))) textual++
    if (text.length > 0 && textual * 10 >= text.length * 9) return order
  }
  return null
}

function isTextual(code: number): boolean {
  return (
    code === 0x09 || code === 0x0a || code === 0x0d ||
    (code >= 0x20 && code < 0x7f) ||
    (code >= 0xa0 && code < 0x250) ||
    (code >= 0x2000 && code < 0x2070) ||
    (code >= 0x3000 && code < 0xa000) ||
    (code >= 0xff00 && code < 0xfff0)
  )
}

function zipKind(bytes: Uint8Array): BinaryKind {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (const { marker, kind, advice } of ZIP_KINDS) if (buffer.includes(marker, 0, 'latin1')) return { kind, advice }
  return { kind: 'a zip archive', advice: 'unzip it and name the .txt or .md files (or their folder) instead' }
}

function isUtf8(sample: Uint8Array): boolean {
  try {
    // `stream` leaves a character cut at the sample's end undecided instead of invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true })
    return true
  } catch {
    return false
  }
}
