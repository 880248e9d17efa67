/**
 * Diagnostics for translations beside a source: a case changed after it was
 * translated (`translation-stale`); a case, intro, conclusion, section or
 * block of the source the translation lacks (`translation-missing`, at the
 * place in the translation where it would have been); and a translated case,
 * intro, conclusion or section the source lacks (`translation-extra`).
 */
import { basename } from 'node:path'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../parse/report.js'
import { plainText } from '../text/plain-text.js'
import type { Block, Case, CaseDocument, Conclusion, Intro, ParsedDocument, Section } from '../types.js'
import { caseHash } from './case-hash.js'
import { mergeTranslation } from './merge-translation.js'
import { findTranslation, listTranslations } from './find-translation.js'
import { parseTranslation } from './load-translation.js'

const SOURCE_MARK = /(<!--\s*source:\s*)(\S+)\s*-->/

type Top = Intro | Case | Conclusion

/**
 * Checks each translation beside `input` (only those of `codes`, when given) against
 * the source `document`. Returns the translation files, which carry their messages;
 * missing translations are reported on the source files.
 */
export async function checkTranslations(document: ParsedDocument, input: string, codes?: string[]): Promise<VFile[]> {
  const groups: Array<[string, string[]]> = codes
    ? await Promise.all(codes.map(async (code): Promise<[string, string[]]> => [code, await findTranslation(input, code)]))
    : [...(await listTranslations(input)).entries()]
  const checked = new Set<string>()
  const files: VFile[] = []
  for (const [code, paths] of groups) {
    if (paths.length === 0 || checked.has(paths.join('\n'))) continue
    checked.add(paths.join('\n'))
    const translation = await parseTranslation(paths)
    compare(document, translation, code)
    files.push(...translation.files)
  }
  return files
}

function compare(source: ParsedDocument, translation: ParsedDocument, code: string): void {
  const name = translation.files.map((file) => basename(file.path)).join(', ')
  const { gaps, extras, pairs } = mergeTranslation(source.tree, translation.tree, code)
  const order = new Map(translation.tree.children.map((node, index) => [node, index]))
  const shows = `the ${code} pack shows the source text, marked untranslated`
  for (const gap of gaps) {
    if (gap.type === 'block') {
      const file = fileOf(gap.top, translation)
      const within = partName(gap.within)
      const parent = partName(gap.sourceParent)
      const where = gap.sourceCase && gap.within.type === 'section' && gap.within.number === null ? ` of case ${gap.sourceCase.number}` : ''
      report(file, `${capitalize(within)}${where} lacks ${BLOCK_NAMES[gap.source.type]} ${gap.ordinal} of ${parent} (${excerpt(gap.source)}); ${shows}`, headingPlace(file, gap.within), 'translation-missing', 'warning')
    } else if (gap.type === 'section') {
      const file = fileOf(gap.within, translation)
      report(file, `${describe(gap.within)} lacks ${sectionName(gap.source)}; ${shows}`, headingPlace(file, gap.within), 'translation-missing', 'warning')
    } else {
      const { file, place } = insertionPlace(gap.after, translation, order)
      const what = gap.source.type === 'case' ? `case ${gap.source.number} (${gap.source.title})` : frameName(gap.source)
      const hint = gap.source.type === 'case' ? ` (translate it here and mark it <!-- source: ${caseHash(gap.source)} -->)` : ''
      report(file, `${name} lacks ${what} of the source; ${shows}${hint}`, place, 'translation-missing', 'warning')
    }
  }
  for (const { source: node, translation: match } of pairs) {
    const hash = caseHash(node)
    if (match.data?.translates === hash) continue
    const reason = match.data?.translates
      ? `${describe(node)} changed after its translation in ${name} (which translates ${match.data.translates}); update the translation and write <!-- source: ${hash} -->`
      : `${describe(match)} does not record which source version it translates; check it against the source and write <!-- source: ${hash} --> under its heading`
    const target = fileOf(match, translation)
    report(target, reason, markPosition(target, match, translation.tree, order) ?? match.position, 'translation-stale', 'warning')
  }
  for (const extra of extras) {
    const file = fileOf(extra.top, translation)
    const what = extra.node.type === 'case'
      ? describe(extra.node)
      : extra.node.type === 'section'
        ? `Section ${sectionName(extra.node)} of ${describe(extra.top as Case)}`
        : capitalize(frameName(extra.node))
    const where = extra.node.type === 'section' ? `the source's case ${extra.sourceCase!.number}` : 'the source'
    report(file, `${what} is not in ${where}; it is left out of the pack`, extra.node.position, 'translation-extra', 'warning')
  }
}

const BLOCK_NAMES: Record<Block['type'], string> = { paragraph: 'paragraph', point: 'key point', list: 'list' }

function describe(node: Case): string {
  return `Case ${node.number} (${node.title})`
}

/** A section as its heading reads: `1.3 案例启示`, or its kind when it has no number or title. */
function sectionName(section: Section): string {
  const name = [section.number, section.title].filter(Boolean).join(' ')
  return name || `the ${section.kind} section`
}

function frameName(node: Intro | Conclusion): string {
  const part = node.type === 'intro' ? 'the introduction' : 'the conclusion'
  return node.title ? `${part} (${node.title})` : part
}

/** A part that holds blocks, as its heading reads: `1.2 Analysis`, `引言`, else `the introduction`. */
function partName(node: Section | Intro | Conclusion): string {
  if (node.type === 'section') return sectionName(node)
  return node.title || (node.type === 'intro' ? 'the introduction' : 'the conclusion')
}

function capitalize(text: string): string {
  return text.startsWith('the ') ? 'The' + text.slice(3) : text
}

/** The start of a block's text, to tell it from its neighbours: a key point's label, else its first words. */
function excerpt(block: Block): string {
  const text = (block.type === 'point' && block.label ? block.label : plainText(block)).replace(/\s+/g, ' ').trim()
  const characters = Array.from(text)
  return characters.length > EXCERPT ? characters.slice(0, EXCERPT).join('') + '…' : text
}

const EXCERPT = 20

function fileOf(node: { data?: { file?: string } }, document: ParsedDocument): VFile {
  return document.files.find((file) => file.path === node.data?.file) ?? document.files[0]
}

/** The first line of a node (its heading), where a part it lacks is reported. */
function headingPlace(file: VFile, node: { position?: Position }): Position | undefined {
  const start = node.position?.start
  if (!start) return undefined
  if (start.offset === undefined) return { start, end: start }
  const text = String(file.value)
  let end = start.offset
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++
  return { start, end: pointAt(file, end) }
}

/**
 * Where a missing top-level part would have been in the translation: right
 * after the translated part it follows, at the heading of whatever comes next
 * in that file, else at the end of the file; when it follows nothing, at the
 * translation's first heading.
 */
function insertionPlace(after: Top | null, translation: ParsedDocument, order: Map<Top, number>): { file: VFile; place: Position } {
  const children = translation.tree.children
  const next = after ? children[order.get(after)! + 1] : children[0]
  const file = fileOf(after ?? next ?? {}, translation)
  if (next && fileOf(next, translation) === file) {
    const place = headingPlace(file, next)
    if (place) return { file, place }
  }
  const end = pointAt(file, String(file.value).length)
  return { file, place: { start: end, end } }
}

/** Where the hash in a case's `<!-- source: HASH -->` is, so an editor can jump to the text to replace. */
function markPosition(file: VFile, node: Case, tree: CaseDocument, order: Map<Top, number>): Position | undefined {
  const start = node.position?.start.offset
  if (start === undefined) return undefined
  const text = String(file.value)
  // The mark belongs to this case if it comes before the next top-level heading of the same file
  // (a file's nodes are together and in order among the document's children).
  const next = tree.children[order.get(node)! + 1]
  const nextStart = next && (next.data?.file ?? file.path) === (node.data?.file ?? file.path) ? next.position?.start.offset : undefined
  const end = nextStart !== undefined && nextStart > start ? nextStart : text.length
  const match = SOURCE_MARK.exec(text.slice(start, end))
  if (!match) return undefined
  const hashStart = start + match.index + match[1].length
  return { start: pointAt(file, hashStart), end: pointAt(file, hashStart + match[2].length) }
}

/** Line and column (1-based, in UTF-16 code units) of `offset` in the file's text. */
function pointAt(file: VFile, offset: number): { line: number; column: number; offset: number } {
  const starts = lineStarts(file)
  // The last line starting at or before `offset`.
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle] <= offset) low = middle
    else high = middle - 1
  }
  return { line: low + 1, column: offset - starts[low] + 1, offset }
}

// Where each line of a file's text starts (after \r\n, \r or \n), made once per file: a partial translation can have a gap per block.
const starts = new WeakMap<VFile, number[]>()
function lineStarts(file: VFile): number[] {
  let found = starts.get(file)
  if (found) return found
  const text = String(file.value)
  found = [0]
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) found.push(index + 1)
  }
  starts.set(file, found)
  return found
}
