/**
 * Markdown to case tree: `#` cases (and 引言/结论), `##` sections,
 * `- **label**:text` key points, from remark-parse's tree.
 */
import type * as Mdast from 'mdast'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { isMap, isScalar, parse as parseYaml, parseDocument, YAMLParseError } from 'yaml'
import type { Case, CaseDocument, Conclusion, DocumentData, Intro, Section } from '../types.js'
import { matchFrame, matchSection, sectionKind } from './headings.js'
import { type CaseHeadingOptions, caseHeadingRules, type HeadingEntry } from './case-heading-rules.js'
import { toBlocks, withoutComments } from './markdown-blocks.js'
import { report } from '../messages/report.js'
import { plainText } from '../text/plain-text.js'
import { calendarDate, DATE_ADVICE } from '../text/calendar-date.js'
import { canonicalLocaleCode } from '../config/locale-code.js'
import { locate } from '../text/locate.js'

type Container = Intro | Conclusion | Section
const FRONT_MATTER_KEYS = new Set(['title', 'subtitle', 'author', 'date', 'lang', 'organisation', 'organization'])

export { withoutComments }

/** Builds the case tree from a Markdown syntax tree; problems are reported on `file`. */
export function structureMarkdown(root: Mdast.Root, file: VFile, options: CaseHeadingOptions = {}): CaseDocument {
  const headings = caseHeadingRules(headingEntries(root), options)
  const data: Partial<DocumentData> = {}
  const cases: Case[] = []
  let intro: Intro | undefined
  let conclusion: Conclusion | undefined
  let currentCase: Case | undefined
  let container: Container | undefined
  let seenContent = false

  if (!root.children.some((node) => node.type === 'yaml')) reportUnclosedFrontMatter(root, file)
  for (const node of root.children) {
    if (node.type === 'yaml') {
      Object.assign(data, readFrontMatter(node, file))
      continue
    }
    if (node.type === 'html' && !withoutComments(node.value).rest.trim()) {
      // Comments are notes to the author, not content; `source:` marks what a translated case translates.
      const source = /^<!--\s*source:\s*(\S+)\s*-->$/.exec(node.value.trim())
      if (source && currentCase) currentCase.data = { ...currentCase.data, translates: source[1] }
      continue
    }
    if (node.type === 'heading' && node.depth === 1) {
      const text = plainText(node).trim()
      const frame = matchFrame(text)
      const heading = frame ?? headings.matchCase(text)
      if (heading?.type === 'intro' && !intro && !currentCase) {
        container = intro = { type: 'intro', title: heading.title, children: [], position: node.position }
      } else if (heading?.type === 'conclusion' && !conclusion) {
        container = conclusion = { type: 'conclusion', title: heading.title, children: [], position: node.position }
        currentCase = undefined
      } else if (!seenContent && !data.title && !heading) {
        // A leading `# Title` that is no case names the document, as in most Markdown.
        data.title = text
      } else {
        const number = heading?.type === 'case' ? heading.number : headings.numberUnmatched(cases.at(-1)?.number)
        if (heading?.type !== 'case') {
          report(file, `Heading is not a case heading (${headings.expected}); treated as case ${number}`, { place: node.position, ruleId: 'unrecognised-heading', severity: 'warning' })
        }
        currentCase = {
          type: 'case',
          number,
          title: heading?.type === 'case' ? heading.title : text,
          label: heading?.type === 'case' ? heading.label : null,
          children: [],
          position: node.position,
        }
        cases.push(currentCase)
        container = undefined
      }
      seenContent = true
      continue
    }
    seenContent = true
    if (node.type === 'heading' && node.depth === 2 && currentCase) {
      const text = plainText(node).trim()
      const heading = matchSection(text)
      const title = heading?.title ?? text
      container = {
        type: 'section',
        number: heading?.number ?? null,
        title,
        kind: sectionKind(title),
        children: [],
        position: node.position,
      }
      currentCase.children.push(container)
      extend(currentCase, node.position)
      continue
    }
    const blocks = toBlocks(node, file)
    if (blocks.length === 0) continue
    if (!container) container = openContainer(node.position)
    container.children.push(...blocks)
    extend(container, node.position)
    if (currentCase) extend(currentCase, node.position)
  }

  return {
    type: 'document',
    data: data as DocumentData,
    children: [...(intro ? [intro] : []), ...cases, ...(conclusion ? [conclusion] : [])],
    position: root.position,
  }

  function openContainer(place: Position | undefined): Container {
    if (currentCase) {
      report(file, `Text under ${currentCase.label ?? 'a case'} before its first section; it is kept in an untitled section`, { place, ruleId: 'content-outside-section', severity: 'warning' })
      const section: Section = { type: 'section', number: null, title: '', kind: 'other', children: [], position: place }
      currentCase.children.push(section)
      return section
    }
    report(file, 'Text before the first heading is used as the introduction; give it a heading such as # 引言', { place, ruleId: 'text-before-heading', severity: 'warning' })
    intro = { type: 'intro', title: null, children: [], position: place }
    return intro
  }
}

/** The `#` and `##` headings, for choosing the case heading style before the tree is built. */
function* headingEntries(root: Mdast.Root): Generator<HeadingEntry> {
  for (const node of root.children) {
    if (node.type === 'heading' && (node.depth === 1 || node.depth === 2)) yield { text: plainText(node).trim(), depth: node.depth }
  }
}

function readFrontMatter(node: Mdast.Yaml, file: VFile): Partial<DocumentData> {
  let value: unknown
  try {
    value = parseYaml(node.value)
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0] : undefined
    const place = line && node.position ? { line: node.position.start.line + line.line, column: line.col } : node.position
    report(file, `Invalid front matter: ${(error as Error).message.split('\n')[0]}`, { place: place as Position, ruleId: 'front-matter', severity: 'error' })
    return {}
  }
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(file, 'Front matter must be a mapping of keys to values', { place: node.position, ruleId: 'front-matter', severity: 'error' })
    return {}
  }
  const result: Record<string, string> = {}
  for (const [key, raw] of Object.entries(value)) {
    if (!FRONT_MATTER_KEYS.has(key)) {
      report(file, `Unknown front matter key “${key}” is ignored`, { place: node.position, ruleId: 'front-matter', severity: 'warning' })
      continue
    }
    if (key === 'date') {
      const date = calendarDate(raw)
      if (date.ok) result.date = date.date
      else report(file, `Front matter date: ${date.reason}; ${DATE_ADVICE}`, { place: frontMatterValuePlace(node, key), ruleId: 'front-matter', severity: 'error' })
      continue
    }
    if (key === 'lang') {
      // `zh-cn` and `zh_CN` mean zh-CN; whether a catalog exists is the build's to say.
      const code = typeof raw === 'string' ? canonicalLocaleCode(raw) : null
      if (code) result.lang = code
      else report(file, `Front matter lang: ${raw == null ? 'no value' : `“${String(raw)}” is not a language code`}; use one such as zh-CN, zh-TW or en`, { place: frontMatterValuePlace(node, key), ruleId: 'front-matter', severity: 'error' })
      continue
    }
    const name = key === 'organization' ? 'organisation' : key
    if (raw === null || raw === undefined) {
      report(file, `Front matter ${key} has no value, so it is left out; give one or remove the line`, { place: frontMatterValuePlace(node, key), ruleId: 'front-matter', severity: 'warning' })
    } else if (typeof raw === 'string') {
      result[name] = raw
    } else if (raw instanceof Date) {
      // An unquoted day (2026-01-15) in a YAML that reads timestamps: the day as written.
      result[name] = raw.toISOString().slice(0, 10)
    } else {
      const place = frontMatterValuePlace(node, key)
      const written = valueText(node, place)
      const kind = Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'a mapping' : typeof raw === 'number' ? `the number ${String(raw)}` : `the ${typeof raw} ${String(raw)}`
      report(file, `Front matter ${key} must be text, not ${kind}; write it in quotes to keep it as written: ${key}: ${JSON.stringify(written ?? String(raw))}`, { place, ruleId: 'front-matter', severity: 'error' })
    }
  }
  return result
}

/** The front matter's text at `place` (a value as written), if it is on one line. */
function valueText(node: Mdast.Yaml, place: Position | undefined): string | undefined {
  const start = node.position?.start
  if (!start || !place || place.start.line !== place.end.line) return undefined
  const line = node.value.split(/\r?\n/)[place.start.line - start.line - 1]
  return line?.slice(place.start.column - 1, place.end.column - 1).trim() || undefined
}

/** Where the value of `key` stands in the front matter (the whole block if it cannot be found). */
function frontMatterValuePlace(node: Mdast.Yaml, key: string): Position | undefined {
  const start = node.position?.start
  const contents = parseDocument(node.value).contents
  const pair = isMap(contents) ? contents.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined
  const range = (pair?.value as { range?: [number, number, number] } | null | undefined)?.range ?? (pair?.key as { range?: [number, number, number] } | undefined)?.range
  if (!start || !range) return node.position
  // The YAML starts on the line after the opening `---`, at column 1.
  const inYaml = locate(node.value)
  const point = (offset: number) => {
    const { line, column } = inYaml(offset)
    return { line: start.line + line, column }
  }
  return { start: point(range[0]), end: point(range[1]) }
}

/**
 * A file that opens front matter (`---`, then `key: value` lines) and never closes it:
 * remark reads the `---` as a rule and the keys as text, so the title would become
 * intro text. Said at the opening line, as an error: the front matter is not read.
 */
function reportUnclosedFrontMatter(root: Mdast.Root, file: VFile): void {
  const first = root.children[0]
  if (first?.type !== 'thematicBreak' || first.position?.start.line !== 1) return
  const lines = String(file.value).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 3)
  if (lines[0].trimEnd() !== '---' || !/^[A-Za-z_][\w-]*\s*:/.test(lines[1] ?? '')) return
  report(
    file,
    'Front matter opened by --- on line 1 is not closed, so it is not read (its lines are text): add a line --- after its last key',
    { place: { start: first.position.start, end: first.position.end }, ruleId: 'front-matter', severity: 'error' },
  )
}

function extend(node: { position?: Position }, place: Position | undefined): void {
  if (!place) return
  if (!node.position) node.position = { start: { ...place.start }, end: { ...place.end } }
  else node.position.end = { ...place.end }
}
