/**
 * The words of a case tree where the source has them: each text value (paragraphs, points,
 * lists, tables, captions, quotes, footnotes; titles and point labels) with the source offset of
 * each of its characters, for rules that report a character at its line:column and fix it in
 * place. A value is looked for in its node's span of the source, as written; a value the source
 * does not hold as is (a Markdown escape, `\,`) is given per line, and a line that cannot be
 * found is left out rather than reported at a wrong place. Code and URLs are not words.
 */
import type { VFile } from 'vfile'
import type { Position } from 'unist'
import type { Block, CaseDocument, Phrasing } from '../types.js'

/** One text value of the tree, in its file. */
export interface SourceText {
  file: VFile
  value: string
  /** The source offset of `value[index]`, or undefined where the source does not hold that character as is. */
  offsetOf(index: number): number | undefined
}

/** Every text value of `tree` that can be found in `files`' source. */
export function* sourceTexts(tree: CaseDocument, files: VFile[]): Generator<SourceText> {
  for (const node of tree.children) {
    const file = files.find((candidate) => candidate.path === node.data?.file) ?? files[0]
    if (!file) continue
    const source = String(file.value ?? '')
    const found = (value: string, position: Position | undefined, firstLine = false) => locateText(file, source, value, position, firstLine)
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

type Find = (value: string, position: Position | undefined, firstLine?: boolean) => Generator<SourceText>

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

function* phrasingTexts(nodes: Phrasing[], found: Find): Generator<SourceText> {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        yield* found(node.value, node.position)
        break
      case 'strong':
      case 'emphasis':
      case 'link':
        // A link's words are checked; its URL is not among them.
        yield* phrasingTexts(node.children, found)
        break
      case 'inlineCode':
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
function* locateText(file: VFile, source: string, value: string, position: Position | undefined, firstLine: boolean): Generator<SourceText> {
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
    yield { file, value, offsetOf: (index) => whole + index }
    return
  }
  // Line by line: Markdown joins a paragraph's lines, and an escape (`\,`) is not the character it stands for.
  const segments: Array<{ start: number; at: number; length: number }> = []
  let cursor = from
  let start = 0
  for (const line of value.split('\n')) {
    const inSpan = line.length > 0 ? span.indexOf(line, cursor - from) : -1
    const at = from + inSpan
    if (inSpan >= 0) {
      segments.push({ start, at, length: line.length })
      cursor = at + line.length
    }
    start += line.length + 1
  }
  if (segments.length === 0) return
  yield {
    file,
    value,
    offsetOf(index) {
      const segment = segments.find((each) => index >= each.start && index < each.start + each.length)
      return segment ? segment.at + index - segment.start : undefined
    },
  }
}
