/** A file that is no text, or text in another encoding, gets one clear message and nothing else. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, existsSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { collectDiagnostics } from '../src/check/diagnostics.js'
import { loadDocument } from '../src/load-document.js'
import { decodeSource } from '../src/parse/decode-source.js'
import { casebook } from './helpers/cli.js'
import { noise as noiseBytes } from './helpers/noise.js'

const STACK = /\n\s+at /
const dirs: string[] = []
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-binary-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const OUTLINE = '一、案例一:上海\n1.1 案例背景\n内容\n1.2 案例分析\n- 要点:内容\n1.3 案例启示\n经验值得推广。\n'
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 7)])
const DOCX = Buffer.from(zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode('<w:document/>') }))
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n', 'latin1')
// `Title line` then 引言 / 一、案例一:上海 / 1.1 案例背景 / 内容, in GBK.
const GBK = Buffer.from('5469746c65206c696e650ad2fdd1d40ad2bba1a2b0b8c0fdd2bb3ac9cfbaa30a312e3120b0b8c0fdb1b3beb00ac4dac8dd0a', 'hex')
// 一、案例一:臺灣的城市 / 1.1 案例背景 / 內容是公共服務, in Big5.
const BIG5 = Buffer.from('a440a142aed7a8d2a4403abb4fc657aabaabb0a5ab0a312e3120aed7a8d2ad49b4ba0aa4baae65ac4fa4bda640aa41b0c80a', 'hex')
// Case 1: Café / 1.1 Background / The café naïve., in Windows-1252.
const LATIN1 = Buffer.from('4361736520313a20436166e90a312e31204261636b67726f756e640a54686520636166e9206e61ef76652e0a', 'hex')

const noise = (length: number): Buffer => noiseBytes(length, 12345, 100)

function messagesOf(bytes: Uint8Array, path = 'input.txt') {
  const file = decodeSource(bytes, path)
  return { file, messages: file.messages.map((message) => ({ ruleId: message.ruleId, fatal: message.fatal, line: message.line, column: message.column, reason: message.reason })) }
}

describe('a file that is no text', () => {
  const cases: Array<{ name: string; bytes: Buffer; path: string; says: RegExp }> = [
    { name: 'a PNG image', bytes: PNG, path: 'chart.txt', says: /looks like a PNG image/ },
    { name: 'a Word document', bytes: DOCX, path: 'cases.docx', says: /looks like a Word document \(\.docx\).*pandoc -f docx cases\.docx -t markdown -o cases\.md/ },
    { name: 'a PDF', bytes: PDF, path: 'cases.pdf', says: /looks like a PDF document/ },
    { name: 'a zip of something else', bytes: Buffer.from(zipSync({ 'a.bin': new Uint8Array([1, 2, 3]) })), path: 'cases.zip', says: /looks like a zip archive/ },
    { name: 'random bytes with NULs', bytes: noise(3000), path: 'noise.txt', says: /holds NUL bytes and control codes, not text/ },
  ]
  for (const { name, bytes, path, says } of cases) {
    it(`${name}: one binary-file error at 1:1, and no text`, () => {
      const { file, messages } = messagesOf(bytes, path)
      expect(messages).toHaveLength(1)
      expect(messages[0]).toMatchObject({ ruleId: 'binary-file', fatal: true, line: 1, column: 1 })
      expect(messages[0].reason).toMatch(/^Binary file: /)
      expect(messages[0].reason).toMatch(says)
      expect(messages[0].reason).toContain('casebook reads .txt and .md')
      expect(String(file.value)).toBe('')
    })
  }

  it('a text file with a stray NUL stays text: its control character is named where it stands', () => {
    for (const text of ['一、案例一:甲\u0000乙\n1.1 背景\n内容\n', 'Case 1: One\u0000two\n1.1 Background\nText of the case, long enough to look like prose.\n']) {
      const { messages } = messagesOf(new TextEncoder().encode(text))
      expect(messages.map((message) => message.ruleId)).toEqual(['control-character'])
      expect(messages[0]).toMatchObject({ fatal: true, line: 1 })
    }
  })
})

describe('text in another encoding', () => {
  it('GBK: one invalid-utf8 error at the first bad byte, with the count and how to convert', () => {
    const { file, messages } = messagesOf(GBK, 'gbk.txt')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ ruleId: 'invalid-utf8', fatal: true, line: 2, column: 1 })
    expect(messages[0].reason).toMatch(/^Invalid UTF-8: this file is not UTF-8 text \(\d+ byte sequences cannot be read, the first here\); it looks like GBK\/GB18030/)
    expect(messages[0].reason).toContain('`iconv -f GB18030 -t UTF-8 gbk.txt > gbk.utf8.txt`')
    expect(String(file.value)).toBe('')
  })

  it('Big5 and Windows-1252 are told apart from GBK', () => {
    expect(messagesOf(BIG5, 'big5.txt').messages).toEqual([expect.objectContaining({ ruleId: 'invalid-utf8', line: 1, column: 1, reason: expect.stringContaining('it looks like Big5: convert it with `iconv -f BIG5 -t UTF-8 big5.txt') })])
    expect(messagesOf(LATIN1, 'café.txt').messages).toEqual([expect.objectContaining({ ruleId: 'invalid-utf8', line: 1, column: 12, reason: expect.stringContaining('Windows-1252 (Latin-1): convert it with `iconv -f WINDOWS-1252 -t UTF-8 café.txt > café.utf8.txt`') })])
  })

  it('UTF-16 with a byte-order mark is read as text, in either byte order', () => {
    const text = OUTLINE.replace('内容', '内容 with ASCII and 😀')
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])
    for (const bytes of [le, be]) {
      const { file, messages } = messagesOf(bytes)
      expect(messages).toEqual([])
      expect(String(file.value)).toBe(text)
    }
  })

  it('UTF-16 without a byte-order mark gets one message that says so and how to convert', () => {
    for (const text of [OUTLINE, 'Case 1: Plain ASCII\n1.1 Background\nSome text.\n']) {
      const { messages } = messagesOf(Buffer.from(text, 'utf16le'), 'notes.txt')
      expect(messages).toEqual([expect.objectContaining({ ruleId: 'invalid-utf8', line: 1, column: 1, reason: expect.stringContaining('UTF-16LE text without a byte-order mark; convert it with `iconv -f UTF-16LE -t UTF-8 notes.txt') })])
    }
  })

  it('UTF-32 is named, not read as binary', () => {
    const { messages } = messagesOf(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'invalid-utf8', reason: expect.stringContaining('UTF-32') })])
  })

  it('a UTF-8 file with one bad byte is still read: one invalid-utf8 error where it stands, the rest of the text kept', async () => {
    const bytes = Buffer.concat([Buffer.from('一、案例一:上海\n1.1 案例背景\n内'), Buffer.from([0xff]), Buffer.from('容\n1.2 案例分析\n- 要点:内容\n1.3 案例启示\n经验值得推广。\n')])
    const dir = scratch()
    writeFileSync(join(dir, 'one-bad-byte.txt'), bytes)
    const document = await loadDocument(join(dir, 'one-bad-byte.txt'), { check: { expectedSections: [] } })
    const diagnostics = collectDiagnostics(document.files)
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'invalid-utf8', line: 3, column: 2, message: expect.stringContaining('1 byte sequence was replaced by U+FFFD') })])
    expect(JSON.stringify(document.tree)).toContain('内\uFFFD容')
  })
})

describe('through the CLI', () => {
  it('build of a .docx: the one binary-file line, exit 1, nothing written, no other message', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'cases.docx'), DOCX)
    const result = casebook(['build', 'cases.docx', '--format', 'html', '--locale', 'zh-CN', '--out', 'out'], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr).not.toMatch(STACK)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/\/cases\.docx:1:1 error Binary file: it looks like a Word document \(\.docx\), not text\..* binary-file$/)
    expect(lines[1]).toBe('casebook: content errors; nothing was written')
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('check of a GBK file: exactly one diagnostic, the conversion hint', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'gbk.txt'), GBK)
    const result = casebook(['check', 'gbk.txt', '--reporter', 'json'], { cwd: dir })
    expect(result.code).toBe(1)
    const diagnostics = JSON.parse(result.stdout) as Array<{ ruleId: string; message: string; line: number }>
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ ruleId: 'invalid-utf8', line: 2, column: 1, severity: 'error' })
    expect(diagnostics[0].message).toContain('iconv -f GB18030 -t UTF-8 gbk.txt')
  })

  it('a folder with a binary .txt among good files: one message, naming that file', () => {
    const dir = scratch()
    mkdirSync(join(dir, 'cases'))
    writeFileSync(join(dir, 'cases', '01-shanghai.txt'), OUTLINE)
    writeFileSync(join(dir, 'cases', '02-photo.txt'), PNG)
    writeFileSync(join(dir, 'cases', '03-hangzhou.txt'), '二、案例二:杭州\n2.1 案例背景\n内容\n2.2 案例分析\n- 要点:内容\n2.3 案例启示\n经验值得推广。\n')
    const result = casebook(['check', 'cases', '--reporter', 'json'], { cwd: dir })
    expect(result.code).toBe(1)
    const diagnostics = JSON.parse(result.stdout) as Array<{ file: string; ruleId: string; message: string }>
    expect(diagnostics).toEqual([expect.objectContaining({ file: join('cases', '02-photo.txt'), ruleId: 'binary-file', line: 1, column: 1 })])
    expect(diagnostics[0].message).toContain('PNG image')
    const build = casebook(['build', 'cases', '--format', 'html', '--locale', 'zh-CN', '--out', 'out'], { cwd: dir })
    expect(build.code).toBe(1)
    expect(build.stderr).toMatch(/cases\/02-photo\.txt:1:1 error Binary file: /)
    expect(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : []).toEqual([])
  })
})

describe('an input that is no regular file', () => {
  it.each([
    ['a device (/dev/zero, which never ends)', () => '/dev/zero'],
    ['a named pipe', () => {
      const path = join(scratch(), 'pipe.txt')
      casebookFifo(path)
      return path
    }],
  ])('%s is exit 2 at once, naming it', (_name, input) => {
    const path = input()
    const result = casebook(['check', path])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${path} is not a regular file`)
    expect(result.stderr).not.toMatch(STACK)
  })
})

/** Makes a FIFO at `path` (mkfifo is part of every Linux and macOS base system). */
function casebookFifo(path: string): void {
  execFileSync('mkfifo', [path])
}
