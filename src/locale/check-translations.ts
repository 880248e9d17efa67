/**
 * Diagnostics for translations beside a source: a case changed after it was
 * translated (`translation-stale`), a case or frame with no translation
 * (`translation-missing`), and a translated case the source lacks (`translation-extra`).
 */
import { basename } from 'node:path'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../parse/report.js'
import type { Case, CaseDocument, ParsedDocument } from '../types.js'
import { casesByNumber } from './apply-translation.js'
import { caseHash } from './case-hash.js'
import { findTranslation, listTranslations } from './find-translation.js'
import { parseTranslation } from './load-translation.js'

const SOURCE_MARK = /(<!--\s*source:\s*)(\S+)\s*-->/

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
  const translated = casesByNumber(translation.tree)
  for (const node of source.tree.children) {
    const file = fileOf(node, source)
    if (node.type !== 'case') {
      if (!translation.tree.children.some((other) => other.type === node.type)) {
        report(file, `The ${node.type === 'intro' ? 'introduction' : 'conclusion'} has no translation in ${name}; the ${code} pack shows the source text`, node.position, 'translation-missing', 'warning')
      }
      continue
    }
    const hash = caseHash(node)
    const match = translated.get(node.number)?.shift()
    if (!match) {
      report(file, `${describe(node)} has no translation in ${name}; the ${code} pack shows the source text (translate it and mark it <!-- source: ${hash} -->)`, node.position, 'translation-missing', 'warning')
    } else if (match.data?.translates !== hash) {
      const reason = match.data?.translates
        ? `${describe(node)} changed after its translation in ${name} (which translates ${match.data.translates}); update the translation and write <!-- source: ${hash} -->`
        : `${describe(match)} does not record which source version it translates; check it against the source and write <!-- source: ${hash} --> under its heading`
      const target = fileOf(match, translation)
      report(target, reason, markPosition(target, match, translation.tree) ?? match.position, 'translation-stale', 'warning')
    }
  }
  for (const rest of translated.values()) {
    for (const extra of rest) {
      report(fileOf(extra, translation), `${describe(extra)} is not in the source; it is left out of the pack`, extra.position, 'translation-extra', 'warning')
    }
  }
}

function describe(node: Case): string {
  return `Case ${node.number} (${node.title})`
}

function fileOf(node: { data?: { file?: string } }, document: ParsedDocument): VFile {
  return document.files.find((file) => file.path === node.data?.file) ?? document.files[0]
}

/** Where the hash in a case's `<!-- source: HASH -->` is, so an editor can jump to the text to replace. */
function markPosition(file: VFile, node: Case, tree: CaseDocument): Position | undefined {
  const start = node.position?.start.offset
  if (start === undefined) return undefined
  const text = String(file.value)
  // The mark belongs to this case if it comes before the next top-level heading of the same file.
  const next = tree.children
    .filter((other) => (other.data?.file ?? file.path) === (node.data?.file ?? file.path))
    .map((other) => other.position?.start.offset ?? -1)
    .filter((offset) => offset > start)
  const end = next.length > 0 ? Math.min(...next) : text.length
  const match = SOURCE_MARK.exec(text.slice(start, end))
  if (!match) return undefined
  const hashStart = start + match.index + match[1].length
  return { start: pointAt(text, hashStart), end: pointAt(text, hashStart + match[2].length) }
}

function pointAt(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset)
  const lines = before.split(/\r\n|\r|\n/)
  return { line: lines.length, column: lines.at(-1)!.length + 1, offset }
}
