/**
 * Turns the bytes of a source file into text on a VFile, reporting what a
 * user must hear about: invalid UTF-8 (likely a GBK file) and control characters.
 */
import { VFile } from 'vfile'

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g
const MAX_CONTROL_MESSAGES = 20

/** Decodes `bytes` as UTF-8 into a VFile at `path`; problems become messages on it. */
export function decodeSource(bytes: Uint8Array, path: string): VFile {
  let value: string
  let invalid = false
  try {
    value = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    invalid = true
    value = new TextDecoder('utf-8').decode(bytes)
  }
  // Control characters are blanked rather than removed so offsets still match the file.
  const controls: Array<{ index: number; char: string }> = []
  value = value.replace(CONTROL, (char, index: number) => {
    controls.push({ index, char })
    return ' '
  })
  const file = new VFile({ path, value })
  if (invalid) reportInvalidUtf8(file, bytes, value)
  controls.slice(0, MAX_CONTROL_MESSAGES).forEach(({ index, char }) => {
    const code = 'U+' + char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    const message = file.message(`Unexpected control character ${code}; it was replaced by a space`, {
      place: file.value ? pointOf(value, index) : undefined,
      ruleId: 'control-character',
      source: 'casebook',
    })
    message.fatal = char === '\u0000' ? true : false
  })
  if (controls.length > MAX_CONTROL_MESSAGES) {
    file.message(`${controls.length - MAX_CONTROL_MESSAGES} more control characters were replaced by spaces`, {
      ruleId: 'control-character',
      source: 'casebook',
    }).fatal = false
  }
  return file
}

function reportInvalidUtf8(file: VFile, bytes: Uint8Array, value: string): void {
  const first = value.indexOf('\uFFFD')
  let hint = ''
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes)
    hint = '; it looks like GBK/GB18030: convert it with `iconv -f GB18030 -t UTF-8`'
  } catch {
    // Not GB18030 either: no hint to give.
  }
  let count = 0
  for (let index = value.indexOf('\uFFFD'); index >= 0; index = value.indexOf('\uFFFD', index + 1)) count++
  const message = file.message(
    `Invalid UTF-8: ${count} byte sequence${count === 1 ? ' was' : 's were'} replaced by U+FFFD${hint}`,
    { place: first >= 0 ? pointOf(value, first) : undefined, ruleId: 'invalid-utf8', source: 'casebook' },
  )
  message.fatal = true
}

function pointOf(value: string, index: number): { line: number; column: number; offset: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < index; i++) {
    const char = value.charCodeAt(i)
    if (char === 10 || (char === 13 && value.charCodeAt(i + 1) !== 10)) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: index - lineStart + 1, offset: index }
}
