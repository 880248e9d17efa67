/**
 * Diagnostics for translations beside a source: a case, intro or conclusion
 * changed after it was translated (`translation-stale`); a translated case
 * found by its mark under another number (`translation-renumbered`, info); a case, intro, conclusion, section or
 * block of the source the translation lacks (`translation-missing`, at the
 * place in the translation where it would have been); and a translated case,
 * intro, conclusion or section the source lacks (`translation-extra`).
 */
import { basename } from 'node:path'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../messages/report.js'
import { locate } from '../text/locate.js'
import { plainText } from '../text/plain-text.js'
import type { Block, Case, Conclusion, Intro, ParsedDocument, Section } from '../types.js'
import { marksCurrent, sourceHash } from './case-hash.js'
import { mergeTranslation, type EarlierMarks } from './merge-translation.js'
import { findTranslation, listTranslations } from './find-translation.js'
import { parseTranslation } from './load-translation.js'
import { fileOf, findSourceMark } from './source-mark.js'

type Top = Intro | Case | Conclusion

/**
 * Checks each translation beside `input` (only those of `codes`, when given) against
 * the source `document`. Returns the translation files, which carry their messages;
 * missing translations are reported on the source files.
 */
export async function checkTranslations(document: ParsedDocument, input: string, codes?: string[], earlier?: EarlierMarks): Promise<VFile[]> {
  const groups: Array<[string, string[]]> = codes
    ? await Promise.all(codes.map(async (code): Promise<[string, string[]]> => [code, await findTranslation(input, code)]))
    : [...(await listTranslations(input)).entries()]
  const checked = new Set<string>()
  const files: VFile[] = []
  for (const [code, paths] of groups) {
    if (paths.length === 0 || checked.has(paths.join('\n'))) continue
    checked.add(paths.join('\n'))
    const translation = await parseTranslation(paths)
    compare(document, translation, code, earlier)
    files.push(...translation.files)
  }
  return files
}

function compare(source: ParsedDocument, translation: ParsedDocument, code: string, earlier?: EarlierMarks): void {
  const name = translation.files.map((file) => basename(file.path)).join(', ')
  const { gaps, extras, pairs } = mergeTranslation(source.tree, translation.tree, code, source.tree, earlier)
  const order = new Map(translation.tree.children.map((node, index) => [node, index]))
  const shows = `the ${code} pack shows the source text, marked untranslated`
  for (const gap of gaps) {
    if (gap.type === 'block') {
      const file = fileOf(gap.top, translation)
      const within = partName(gap.within)
      const parent = partName(gap.sourceParent)
      const where = gap.sourceCase && gap.within.type === 'section' && gap.within.number === null ? ` of case ${gap.sourceCase.number}` : ''
      report(file, `${capitalize(within)}${where} lacks ${BLOCK_NAMES[gap.source.type]} ${gap.ordinal} of ${parent} (${excerpt(gap.source)}); ${shows}`, { place: headingPlace(file, gap.within), ruleId: 'translation-missing', severity: 'warning' })
    } else if (gap.type === 'section') {
      const file = fileOf(gap.within, translation)
      report(file, `${describe(gap.within)} lacks ${sectionName(gap.source)}; ${shows}`, { place: headingPlace(file, gap.within), ruleId: 'translation-missing', severity: 'warning' })
    } else {
      const { file, place } = insertionPlace(gap.after, translation, order)
      const what = gap.source.type === 'case' ? `case ${gap.source.number} (${gap.source.title})` : frameName(gap.source)
      report(file, `${name} lacks ${what} of the source; ${shows} (translate it here and mark it <!-- source: ${sourceHash(gap.source)} -->)`, { place, ruleId: 'translation-missing', severity: 'warning' })
    }
  }
  for (const { source: node, translation: match, byMark } of pairs) {
    const target = fileOf(match, translation)
    if (byMark && node.type === 'case' && match.type === 'case' && node.number !== match.number) {
      // Not a problem: the mark says which case it translates. Said once, quietly, since the heading's number is now off.
      report(target, `${describe(match)} translates case ${node.number} (${node.title}) of the source, found by its <!-- source --> mark; the ${code} pack shows it as case ${node.number}`, { place: headingPlace(target, match), ruleId: 'translation-renumbered', severity: 'info' })
    }
    const mark = match.data?.translates
    if (marksCurrent(node, mark)) continue
    const hash = sourceHash(node)
    const under = match.type === 'intro' && match.title === null ? 'at its start' : 'under its heading'
    const reason = mark
      ? `${describeTop(node)} changed after its translation in ${name} (which translates ${mark}); update the translation and write <!-- source: ${hash} -->`
      : `${describeTop(match)} does not record which source version it translates; check it against the source and write <!-- source: ${hash} --> ${under}`
    const found = mark ? findSourceMark(translation, match) : null
    const place = found && found.file === target ? { start: locate(target)(found.start), end: locate(target)(found.end) } : match.type === 'case' ? match.position : headingPlace(target, match)
    report(target, reason, { place, ruleId: 'translation-stale', severity: 'warning' })
  }
  for (const extra of extras) {
    const file = fileOf(extra.top, translation)
    const what = extra.node.type === 'case'
      ? describe(extra.node)
      : extra.node.type === 'section'
        ? `Section ${sectionName(extra.node)} of ${describe(extra.top as Case)}`
        : capitalize(frameName(extra.node))
    const where = extra.node.type === 'section' ? `the source's case ${extra.sourceCase!.number}` : 'the source'
    report(file, `${what} is not in ${where}${takenBy(extra.node, pairs)}; it is left out of the pack`, { place: extra.node.position, ruleId: 'translation-extra', severity: 'warning' })
  }
}

/** For a translated case left out: the case that took its number's source case by its mark, if one did. */
function takenBy(node: Top | Section, pairs: ReturnType<typeof mergeTranslation>['pairs']): string {
  if (node.type !== 'case') return ''
  const pair = pairs.find((candidate) => candidate.byMark && candidate.source.type === 'case' && candidate.source.number === node.number)
  if (!pair) return ''
  return ` (the source's case ${node.number}, ${(pair.source as Case).title}, is translated by ${describe(pair.translation as Case)}, whose <!-- source --> mark names it)`
}

const BLOCK_NAMES: Record<Block['type'], string> = {
  paragraph: 'paragraph',
  point: 'key point',
  list: 'list',
  table: 'table',
  figure: 'figure',
  blockquote: 'quote',
  code: 'code block',
  thematicBreak: 'rule',
  footnoteDefinition: 'footnote',
}

function describe(node: Case): string {
  return `Case ${node.number} (${node.title})`
}

/** A case, intro or conclusion at the start of a sentence. */
function describeTop(node: Top): string {
  return node.type === 'case' ? describe(node) : capitalize(frameName(node))
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
  const text = (block.type === 'point' && block.label ? block.label : block.type === 'figure' ? block.alt || block.url : plainText(block)).replace(/\s+/g, ' ').trim()
  const characters = Array.from(text)
  return characters.length > EXCERPT ? characters.slice(0, EXCERPT).join('') + '…' : text
}

const EXCERPT = 20

/** The first line of a node (its heading), where a part it lacks is reported. */
function headingPlace(file: VFile, node: { position?: Position }): Position | undefined {
  const start = node.position?.start
  if (!start) return undefined
  if (start.offset === undefined) return { start, end: start }
  const text = String(file.value)
  let end = start.offset
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++
  return { start, end: locate(file)(end) }
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
  const end = locate(file)(String(file.value).length)
  return { file, place: { start: end, end } }
}

