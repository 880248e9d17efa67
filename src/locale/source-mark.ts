/**
 * `<!-- source: HASH -->` under a translated heading records which version of
 * the source part it translates. The Markdown parser keeps a case's mark in
 * `data.translates`; the intro's and conclusion's are read here, from the text
 * between their heading and the next top-level heading of their file.
 */
import type { VFile } from 'vfile'
import type { Case, CaseDocument, Conclusion, Intro, ParsedDocument } from '../types.js'

type Top = Intro | Case | Conclusion

/** A mark on a line of its own, as the parser takes it (an HTML comment that is the whole block). */
const SOURCE_MARK = /^ {0,3}(<!--\s*source:\s*)(\S+)\s*-->[ \t]*$/m

/** The first mark of `node` in its file: the hash and where it is (offsets into the file's text). */
export interface FoundMark {
  hash: string
  file: VFile
  start: number
  end: number
}

/**
 * The mark between `node`'s start and the next top-level node of the same file
 * (the end of the file when none follows). An intro without a heading that
 * opens its file is searched from the file's start, since its mark has no heading to go under.
 */
export function findSourceMark(document: ParsedDocument, node: Top): FoundMark | null {
  const file = fileOf(node, document)
  const start = node.position?.start.offset
  if (start === undefined) return null
  const text = String(file.value)
  let end = text.length
  let first = true
  for (const other of document.tree.children) {
    if (other === node || fileOf(other, document) !== file) continue
    const offset = other.position?.start.offset
    if (offset === undefined) continue
    if (offset > start && offset < end) end = offset
    if (offset < start) first = false
  }
  const from = node.type === 'intro' && node.title === null && first ? 0 : start
  const match = SOURCE_MARK.exec(text.slice(from, end))
  if (!match) return null
  const hashStart = from + match.index + match[1].length
  return { hash: match[2], file, start: hashStart, end: hashStart + match[2].length }
}

/**
 * The translation's tree with the marks of its intro and conclusion in their
 * `data.translates`, as the parser puts a case's. The tree given is not changed.
 */
export function withFrameMarks(document: ParsedDocument): CaseDocument {
  const tree = document.tree
  let changed = false
  const children = tree.children.map((node): Top => {
    if (node.type === 'case' || node.data?.translates) return node
    const mark = findSourceMark(document, node)
    if (!mark) return node
    changed = true
    return { ...node, data: { ...node.data, translates: mark.hash } }
  })
  return changed ? { ...tree, children } : tree
}

/** The file a top-level node comes from: its `data.file` in a folder's translation, else the only file. */
export function fileOf(node: { data?: { file?: string } }, document: ParsedDocument): VFile {
  return document.files.find((file) => file.path === node.data?.file) ?? document.files[0]
}
