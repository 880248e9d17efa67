/**
 * The words of a case tree where the source has them: each text value (paragraphs, points,
 * lists, tables, captions, quotes, footnotes; titles and point labels) with the source offset of
 * each of its characters, for rules that report a character at its line:column and fix it in
 * place. A value is looked for in its node's span of the source, as written; a value the source
 * does not hold as is (a Markdown escape, `\,`) is followed through it character by character, and
 * a character that cannot be found is left out rather than reported at a wrong place. Code and
 * URLs are not words.
 */
import type { VFile } from 'vfile'
import type { Position } from 'unist'
import type { Block, CaseDocument, Phrasing } from '../types.js'

/** One text value of the tree, in its file. */
export interface SourceText {
  file: VFile
  value: string
  /** The words just before `value` in its paragraph (the text of a link or `**strong**` before it), for context. */
  before: string
  /** The source offset of `value[index]`, or undefined where the source does not hold that character as is. */
  offsetOf(index: number): number | undefined
}

/** Every text value of `tree` that can be found in `files`' source. */
export function* sourceTexts(tree: CaseDocument, files: VFile[]): Generator<SourceText> {
  for (const [value, written] of [[tree.data.title, /^\s*(#+\s*|title:\s*["']?)$/], [tree.data.subtitle, /^\s*subtitle:\s*["']?$/]] as const) {
    const place = value ? metadataLine(value, files[0], written) : undefined
    if (place) yield* locateText(files[0]!, String(files[0]!.value), value!, place, false, '')
  }
  for (const node of tree.children) {
    const file = files.find((candidate) => candidate.path === node.data?.file) ?? files[0]
    if (!file) continue
    const source = String(file.value ?? '')
    const found: Find = (value, position, firstLine = false, before = '') => locateText(file, source, value, position, firstLine, before)
    if (node.title) yield* found(node.title, node.position, true)
    if (node.type === 'case') {
      for (const section of node.children) {
        yield* found(section.title, section.position, true)
        for (const block of section.children) yield* blockTexts(block, found)
      }
    } else {
      for (const block of node.children) yield* blockTexts(block, found)
    }
  }
}

/**
 * Where the document's title or subtitle is written in its first file: after what `written` matches on
 * its line (a Markdown heading's `#`, front matter's `title:` or `subtitle:`), or on the first line. One
 * from the config (or, for a title, the file name) is not in the source.
 */
function metadataLine(value: string, file: VFile | undefined, written: RegExp): Position | undefined {
  if (!file) return undefined
  const source = String(file.value ?? '')
  const at = source.indexOf(value)
  if (at < 0) return undefined
  const start = Math.max(source.lastIndexOf('\n', at), source.lastIndexOf('\r', at)) + 1
  if (start !== 0 && !written.test(source.slice(start, at))) return undefined
  const point = (offset: number) => ({ line: 0, column: 0, offset })
  return { start: point(at), end: point(at + value.length) }
}

type Find = (value: string, position: Position | undefined, firstLine?: boolean, before?: string) => Generator<SourceText>

function* blockTexts(block: Block, found: Find): Generator<SourceText> {
  switch (block.type) {
    case 'paragraph':
      yield* phrasingTexts(block.children, found)
      return
    case 'point':
      if (block.label) yield* found(block.label, block.position, true)
      yield* phrasingTexts(block.children, found)
      return
    case 'list':
      for (const item of block.children) for (const child of item.children) yield* blockTexts(child, found)
      return
    case 'table':
      for (const row of block.children) for (const cell of row.children) yield* phrasingTexts(cell.children, found)
      return
    case 'figure':
      yield* phrasingTexts(block.children, found)
      return
    case 'blockquote':
    case 'footnoteDefinition':
      for (const child of block.children) yield* blockTexts(child, found)
      return
    // Code is quoted as written, and a rule has no words.
    case 'code':
    case 'thematicBreak':
      return
  }
}

/** The texts of `nodes`, each with the words before it in the paragraph (`read` carries them through links and emphasis). */
function* phrasingTexts(nodes: Phrasing[], found: Find, read = { words: '' }): Generator<SourceText> {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        yield* found(node.value, node.position, false, read.words)
        read.words += node.value
        break
      case 'strong':
      case 'emphasis':
      case 'link':
        // A link's words are checked; its URL is not among them.
        yield* phrasingTexts(node.children, found, read)
        break
      case 'inlineCode':
        read.words += node.value
        break
      case 'break':
      case 'footnoteReference':
        break
    }
  }
}

/**
 * `value` where the source holds it in `position`'s span (only its first line for a heading's title
 * or a point's label, which share it with their number or text): the whole value as written, else
 * each of its lines found in turn. Nothing when the node has no position.
 */
function* locateText(file: VFile, source: string, value: string, position: Position | undefined, firstLine: boolean, before: string): Generator<SourceText> {
  const from = position?.start.offset
  let to = position?.end.offset
  if (from === undefined || to === undefined || value.length === 0) return
  if (firstLine) {
    const lineEnd = source.slice(from, to).search(/[\r\n]/)
    if (lineEnd >= 0) to = from + lineEnd
  }
  const span = source.slice(from, to)
  const found = span.indexOf(value)
  const whole = from + found
  if (found >= 0) {
    yield { file, value, before, offsetOf: (index) => whole + index }
    return
  }
  // Character by character: Markdown writes `\,` for a comma, `\r\n` for a paragraph's line break, and indents a list item's next lines.
  const offsets = alignText(value, span, from)
  if (offsets.every((offset) => offset === undefined)) return
  yield { file, value, before, offsetOf: (index) => offsets[index] }
}

/**
 * The source offset of each character of `value` in `span` (which starts at offset `from`), following
 * escapes (`\,` is a `,` the source does not hold as is: undefined), `\r` before a line break and
 * the indent after one. Where the two part ways, the rest is undefined.
 */
function alignText(value: string, span: string, from: number): Array<number | undefined> {
  const offsets: Array<number | undefined> = []
  let j = 0
  for (let i = 0; i < value.length; i++) {
    const char = value[i]
    if (span[j] === '\\' && span[j + 1] === char && char !== '\n') {
      offsets.push(undefined)
      j += 2
      continue
    }
    // Markdown drops the spaces that end a line before its break (one trailing space is not a hard break).
    if (char === '\n') while ((span[j] === ' ' || span[j] === '\t') && span[j] !== char) j++
    if (char === '\n' && span[j] === '\r') j++
    if (span[j] !== char) break
    offsets.push(from + j)
    j++
    if (char === '\n') while (span[j] === ' ' || span[j] === '\t' || span[j] === '>') j++
  }
  return offsets
}
