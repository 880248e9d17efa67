/** Parses decoded source files into one case tree (a folder's files form one document). */
import type { VFile } from 'vfile'
import type { Case, CaseDocument, Conclusion, DocumentData, Intro, ParsedDocument } from '../types.js'
import { unified } from 'unified'
import { outlineParse } from './outline-parse.js'
import { isMarkdown } from './source-names.js'
import { isUnreadable } from './decode-source.js'
import { report } from '../messages/report.js'
import { guessLanguage } from '../text/guess-language.js'
import { locate } from '../text/locate.js'
import { type CaseHeadingPattern, compileCaseHeading } from '../config/case-heading-pattern.js'
import { ConfigError } from '../errors.js'
import { describeNumberedStyles } from './case-heading-rules.js'
import { plainLists } from './plain-lists.js'
import { outlineFootnotes } from './outline-footnotes.js'

const outlineProcessor = unified().use(outlineParse).freeze()

/** How to read the sources. */
export interface ParseOptions {
  /** The config's `outline.caseHeading`: a regular expression for case headings (see README, Configuration). */
  caseHeading?: string
  /**
   * The number of the first case numbered in order (`一、`, `第一章` … rather than
   * `案例一`): 1 for a document, the cases so far plus one for a folder's later files.
   */
  firstCaseNumber?: number
}

/** Parses one file by its extension: Markdown for .md and .markdown (any case), the outline format otherwise. */
export async function parseFile(file: VFile, options: ParseOptions = {}): Promise<CaseDocument> {
  const headings = { caseHeading: compilePattern(options.caseHeading), firstCaseNumber: options.firstCaseNumber }
  const processor = headings.caseHeading || headings.firstCaseNumber ? unified().use(outlineParse, headings) : outlineProcessor
  const markdown = isMarkdown(file.path)
  const tree = markdown ? (await import('./parse-markdown.js')).parseMarkdown(file, headings) : (processor.parse(file) as unknown as CaseDocument)
  // Markdown's footnotes come from remark-gfm; outline text writes them the same way, on lines of their own.
  if (!markdown) outlineFootnotes(tree)
  // Unlabelled bullets outside analysis sections are a list, not findings (in either format).
  plainLists(tree)
  return tree
}

/** Parses files in order into one document; `defaults` fill data the sources do not give. */
export async function parseDocument(files: VFile[], defaults: Partial<DocumentData> = {}, options: ParseOptions = {}): Promise<ParsedDocument> {
  const intros: Intro[] = []
  const cases: Case[] = []
  const conclusions: Conclusion[] = []
  let data: Partial<DocumentData> = {}
  let onlyPart: CaseDocument | undefined
  for (const file of files) {
    // A folder's cases numbered in order go on counting from file to file.
    const part = await parseFile(file, cases.length > 0 ? { ...options, firstCaseNumber: cases.length + 1 } : options)
    if (files.length === 1) onlyPart = part
    // Front matter of earlier files wins, as the first file usually holds the pack's metadata.
    data = { ...stripEmpty(part.data), ...data }
    for (const node of part.children) {
      if (files.length > 1) node.data = { ...node.data, file: file.path }
      if (node.type === 'intro') intros.push(node)
      else if (node.type === 'case') cases.push(node)
      else conclusions.push(node)
    }
  }
  const unreadable = files.some((file) => isUnreadable(file) || file.messages.some((message) => message.ruleId === 'markdown-too-deep'))
  if (cases.length === 0 && files.length > 0 && !unreadable) {
    report(files[0], noCasesMessage(options.caseHeading), { ruleId: 'no-cases', severity: 'error' })
  }
  const tree: CaseDocument = {
    type: 'document',
    data: { ...defaults, ...data, title: data.title || defaults.title || '', lang: data.lang || defaults.lang || guessLanguage(files.map((file) => String(file.value))) },
    children: [...merge(intros, files), ...cases, ...merge(conclusions, files)],
  }
  // The outline parser has already found where its file ends; Markdown's tree does not say.
  if (files.length === 1) tree.position = onlyPart?.position ?? parseSinglePosition(files[0])
  return { tree, files }
}

/** What was looked for, and the key that names another style. */
function noCasesMessage(caseHeading: string | undefined): string {
  if (caseHeading !== undefined) {
    return `No cases found: no line (in Markdown, no # heading) matches outline.caseHeading “${caseHeading}” from the config; fix the pattern or the headings`
  }
  return `No cases found: looked for case headings such as “一、案例一:标题” or “Case 1: Title”, and for numbered headings with sections under them: ${describeNumberedStyles()} (in Markdown, # headings over ## headings); to name another style, set outline.caseHeading (a regular expression) in casebook.yaml`
}

/** A pattern the config has already checked; a bad one here is a caller's mistake. */
function compilePattern(source: string | undefined): CaseHeadingPattern | undefined {
  if (source === undefined) return undefined
  const compiled = compileCaseHeading(source)
  if ('problem' in compiled) throw new ConfigError(`outline.caseHeading: ${compiled.problem}`)
  return compiled.pattern
}

/** Several intros (or conclusions) from a folder's files become one, in file order. */
function merge<T extends Intro | Conclusion>(nodes: T[], files: VFile[]): T[] {
  if (nodes.length <= 1) return nodes
  const [first, ...rest] = nodes
  for (const node of rest) {
    const file = files.find((candidate) => candidate.path === node.data?.file) ?? files[0]
    report(file, `A second ${node.type} is appended to the first one`, { place: node.position, ruleId: `duplicate-${node.type}`, severity: 'warning' })
    first.children.push(...node.children)
  }
  return [first]
}

function stripEmpty(data: Partial<DocumentData>): Partial<DocumentData> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined && value !== ''))
}

function parseSinglePosition(file: VFile) {
  return { start: { line: 1, column: 1, offset: 0 }, end: locate(file)(String(file.value).length) }
}
