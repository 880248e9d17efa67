/**
 * Turns the bytes of a source file into text on a VFile, reporting what a
 * user must hear about: a file that is no text (an image, a Word document), text
 * in another encoding (GBK, Big5, UTF-16 without a byte-order mark), invalid
 * UTF-8 and control characters. UTF-8 and UTF-16 with a byte-order mark are read.
 */
import { basename, extname } from 'node:path'
import { VFile } from 'vfile'
import { detectBinary, utf16Order, type BinaryKind } from './detect-binary.js'
import { guessLegacyEncoding } from './guess-encoding.js'
import { report } from '../messages/report.js'
import type { RuleId } from '../messages/rule-ids.js'
import { locate } from '../text/locate.js'
import type { Point, Position } from 'unist'

declare module 'vfile' {
  interface DataMap {
    /** The file could not be read as text: it adds nothing to the document, and its one message says why. */
    unreadable: boolean
  }
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g
const MAX_CONTROL_MESSAGES = 20
const START = { line: 1, column: 1, offset: 0 }

/** Whether `file` could not be read as text (a binary file, or text in another encoding). */
export function isUnreadable(file: VFile): boolean {
  return file.data.unreadable === true
}

/** Decodes `bytes` into a VFile at `path`; problems become messages on it. */
export function decodeSource(bytes: Uint8Array, path: string): VFile {
  if (startsWithBytes(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWithBytes(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return unreadable(path, `Invalid UTF-8: this is UTF-32 text; convert it with ${iconv('UTF-32', path)}`, 'invalid-utf8', START)
  }
  const bom = startsWithBytes(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWithBytes(bytes, [0xfe, 0xff]) ? 'utf-16be' : null
  if (!bom) {
    const binary = detectBinary(bytes)
    if (binary) return unreadable(path, binaryMessage(binary, path), 'binary-file', START)
    const order = utf16Order(bytes.subarray(0, 8192))
    if (order) {
      const name = order === 'le' ? 'UTF-16LE' : 'UTF-16BE'
      return unreadable(path, `Invalid UTF-8: this looks like ${name} text without a byte-order mark; convert it with ${iconv(name, path)}`, 'invalid-utf8', START)
    }
  }
  let value: string
  let invalid = false
  try {
    value = new TextDecoder(bom ?? 'utf-8', { fatal: true }).decode(bytes)
  } catch {
    invalid = true
    value = new TextDecoder(bom ?? 'utf-8').decode(bytes)
  }
  const replaced = invalid ? countReplacements(value) : undefined
  // Text in another encoding reads as mostly U+FFFD: one message on how to convert it says it all.
  if (replaced && !bom && replaced.count > replaced.otherNonAscii) {
    const encoding = guessLegacyEncoding(bytes)
    const advice = encoding ? `it looks like ${encoding.name}: convert it with ${iconv(encoding.iconv, path)}` : 'save it as UTF-8 text'
    const reason = `Invalid UTF-8: this file is not UTF-8 text (${plural(replaced.count, 'byte sequence')} cannot be read, the first here); ${advice}`
    return unreadable(path, reason, 'invalid-utf8', locate(value)(replaced.first))
  }
  // Control characters are blanked rather than removed so offsets still match the file.
  const controls: Array<{ index: number; char: string }> = []
  value = value.replace(CONTROL, (char, index: number) => {
    controls.push({ index, char })
    return ' '
  })
  const file = new VFile({ path, value })
  if (replaced) {
    const reason = `Invalid UTF-8: ${plural(replaced.count, 'byte sequence')} ${replaced.count === 1 ? 'was' : 'were'} replaced by U+FFFD, the first here; fix ${replaced.count === 1 ? 'it' : 'them'} or save the file as UTF-8 again`
    report(file, reason, { place: asPlace(locate(file)(replaced.first)), ruleId: 'invalid-utf8', severity: 'error' })
  }
  controls.slice(0, MAX_CONTROL_MESSAGES).forEach(({ index, char }) => {
    const code = 'U+' + char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    const place = file.value ? asPlace(locate(file)(index)) : undefined
    report(file, `Unexpected control character ${code}; it was replaced by a space`, { place, ruleId: 'control-character', severity: char === '\u0000' ? 'error' : 'warning' })
  })
  if (controls.length > MAX_CONTROL_MESSAGES) {
    report(file, `${controls.length - MAX_CONTROL_MESSAGES} more control characters were replaced by spaces`, { ruleId: 'control-character', severity: 'warning' })
  }
  return file
}

/** A file with no text and one error: what it is and what to do. */
function unreadable(path: string, reason: string, ruleId: RuleId, place: Point): VFile {
  const file = new VFile({ path, value: '' })
  file.data.unreadable = true
  report(file, reason, { place: asPlace(place), ruleId, severity: 'error' })
  return file
}

/** A point as the zero-width place `report()` takes. */
function asPlace(point: Point): Position {
  return { start: point, end: point }
}

function binaryMessage({ kind, advice }: BinaryKind, path: string): string {
  const what = kind ? `it looks like ${kind}, not text` : 'it holds NUL bytes and control codes, not text'
  const name = basename(path)
  // A PDF saved as notes.txt must not be told to write notes.txt: the command would empty it first.
  const stem = basename(path, extname(path))
  const target = /^\.(txt|md|markdown)$/i.test(extname(path)) ? `${stem}-text` : stem
  const todo = advice?.replaceAll('{file}', shellWord(name)).replaceAll('{name}', shellWord(target)) ?? 'export the text first'
  return `Binary file: ${what}. casebook reads .txt and .md files of UTF-8 text; ${todo}`
}

/** How many U+FFFD the decoder put in, where the first is, and how many other non-ASCII characters there are. */
function countReplacements(value: string): { count: number; first: number; otherNonAscii: number } {
  let count = 0
  let first = -1
  let otherNonAscii = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 0xfffd) {
      if (count++ === 0) first = index
    } else if (code > 0x7f) otherNonAscii++
  }
  return { count, first: Math.max(first, 0), otherNonAscii }
}

function iconv(from: string, path: string): string {
  const name = basename(path)
  const ext = extname(name)
  return `\`iconv -f ${from} -t UTF-8 ${shellWord(name)} > ${shellWord(`${basename(name, ext)}.utf8${ext}`)}\``
}

/** `name` as one word for a shell: quoted when it holds spaces or other special characters. */
function shellWord(name: string): string {
  return /^[\p{L}\p{N}._+-]+$/u.test(name) ? name : `'${name.replaceAll("'", "'\\''")}'`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function startsWithBytes(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte)
}

