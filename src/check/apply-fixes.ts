/**
 * `check --fix`: the fixes the rules put on their messages (what is written, `actual`; what belongs
 * there, `expected`), made in the source files' bytes. Only those characters change: every other
 * byte, the byte-order mark and the line endings stay, and the file is replaced atomically. A file
 * that changed since it was read, or is not plain UTF-8 or UTF-16 text, is left as it is and said so.
 */
import { readFile, stat, chmod } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { writeFiles } from '../io/write-files.js'

/** One change made (or, with `dryRun`, to be made). */
export interface FixMade {
  line: number
  column: number
  before: string
  after: string
  ruleId: string
}

/** What fixing one file did: its changes, or why it was left alone. */
export interface FileFixes {
  path: string
  changes: FixMade[]
  /** Set when the file was not changed although it had fixes. */
  skipped?: string
}

interface Fix extends FixMade {
  start: number
  end: number
}

/** The fixes on `file`'s messages, in source order; overlapping ones after the first are left for the next run. */
function fixesOf(file: VFile): Fix[] {
  const fixes = file.messages.filter(isFix).map((message): Fix => {
    const place = message.place as { start: { line: number; column: number; offset: number }; end: { offset: number } }
    return { start: place.start.offset, end: place.end.offset, line: place.start.line, column: place.start.column, before: message.actual!, after: message.expected![0]!, ruleId: message.ruleId ?? '' }
  })
  fixes.sort((a, b) => a.start - b.start || a.end - b.end)
  return fixes.filter((fix, index) => index === 0 || fix.start >= fixes[index - 1]!.end)
}

function isFix(message: VFileMessage): boolean {
  const place = message.place
  return typeof message.actual === 'string' && message.expected?.length === 1 && !!place && 'start' in place && place.start.offset !== undefined && place.end.offset !== undefined
}

/** The encodings a file can be fixed in, by its byte-order mark. */
type Encoding = { name: 'utf-8'; bom: number } | { name: 'utf-16le' | 'utf-16be'; bom: 2 }

function encodingOf(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'utf-16le', bom: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'utf-16be', bom: 2 }
  return { name: 'utf-8', bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0 }
}

function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding.name === 'utf-8') return Buffer.from(text, 'utf8')
  const bytes = Buffer.from(text, 'utf16le')
  return encoding.name === 'utf-16be' ? bytes.swap16() : bytes
}

/**
 * Makes the fixes on `files`' messages in the files on disk (with `dryRun`, only says what they
 * are). Files with no fixes are not read. Returns, per file with fixes, what changed or why not.
 */
export async function applyFixes(files: VFile[], options: { dryRun?: boolean } = {}): Promise<FileFixes[]> {
  const results: FileFixes[] = []
  for (const file of files) {
    const fixes = fixesOf(file)
    if (fixes.length === 0 || !file.path) continue
    const changes: FixMade[] = fixes.map(({ line, column, before, after, ruleId }) => ({ line, column, before, after, ruleId }))
    if (file.messages.some((message) => message.ruleId === 'invalid-utf8' || message.ruleId === 'binary-file')) {
      results.push({ path: file.path, changes: [], skipped: 'it is not valid UTF-8 text (see its invalid-utf8 message)' })
      continue
    }
    if (options.dryRun) {
      results.push({ path: file.path, changes })
      continue
    }
    const bytes = await readFile(file.path)
    const encoding = encodingOf(bytes)
    const text = new TextDecoder(encoding.name, { ignoreBOM: true }).decode(bytes.subarray(encoding.bom))
    // Read again now: a file edited since the check is not the text the offsets point into.
    if (fixes.some((fix) => text.slice(fix.start, fix.end) !== fix.before)) {
      results.push({ path: file.path, changes: [], skipped: 'it changed since it was checked; run check --fix again' })
      continue
    }
    const unit = encoding.name === 'utf-8' ? (from: number, to: number) => Buffer.byteLength(text.slice(from, to), 'utf8') : (from: number, to: number) => (to - from) * 2
    const pieces: Uint8Array[] = []
    let byte = encoding.bom
    let at = 0
    for (const fix of fixes) {
      // The bytes up to the fix, as they were; then the fix's; then on past the characters it replaces.
      const upTo = byte + unit(at, fix.start)
      pieces.push(bytes.subarray(byte, upTo), encode(fix.after, encoding))
      byte = upTo + unit(fix.start, fix.end)
      at = fix.end
    }
    pieces.push(bytes.subarray(byte))
    const mode = (await stat(file.path)).mode
    await writeFiles(dirname(file.path), [{ path: basename(file.path), bytes: Buffer.concat([bytes.subarray(0, encoding.bom), ...pieces]) }])
    // The new file is the temp renamed: it gets the old one's permissions back.
    await chmod(file.path, mode & 0o7777)
    results.push({ path: file.path, changes })
  }
  return results
}
