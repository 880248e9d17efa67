/**
 * Markdown to case tree: `#` cases (and 引言/结论), `##` sections,
 * `- **label**:text` key points, from remark-parse's tree.
 */
import type * as Mdast from 'mdast'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { isMap, isScalar, parse as parseYaml, parseDocument, YAMLParseError } from 'yaml'
import type { Block, Case, CaseDocument, Conclusion, DocumentData, Intro, Phrasing, Point, Section } from '../types.js'
import { matchFrame, matchSection, sectionKind, splitLabel } from './headings.js'
import { type CaseHeadingOptions, caseHeadingRules, type HeadingEntry } from './case-heading-rules.js'
import { report } from '../messages/report.js'
import { plainText } from '../text/plain-text.js'
import { calendarDate, DATE_ADVICE } from '../text/calendar-date.js'
import { canonicalLocaleCode } from '../config/locale-code.js'
import { locate } from '../text/locate.js'

type Container = Intro | Conclusion | Section
const FRONT_MATTER_KEYS = new Set(['title', 'subtitle', 'author', 'date', 'lang', 'organisation', 'organization'])
const LABEL_SEPARATOR = /^\s*[:：]\s*/

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

/** Block content: paragraphs, key points, lists; anything else is kept as text with a warning. */
function toBlocks(node: Mdast.RootContent, file: VFile): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', children: toPhrasing(node.children, file), position: node.position }]
    case 'heading':
      // Deeper headings inside a section are kept as bold paragraphs.
      return [{ type: 'paragraph', children: [{ type: 'strong', children: toPhrasing(node.children, file), position: node.position }], position: node.position }]
    case 'list':
      return toList(node, file)
    case 'blockquote':
      return node.children.flatMap((child) => toBlocks(child, file))
    case 'thematicBreak':
    case 'definition':
      return []
    case 'html': {
      // Comments are the author's notes, not printed (as in pandoc); other raw HTML is kept as text.
      const { rest, unclosed } = withoutComments(node.value)
      if (!rest.trim()) return []
      if (unclosed) {
        report(file, 'HTML comment (<!--) is not closed, so it runs to the end of its block; that text is kept as plain text: close the comment with -->', { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
      } else {
        report(file, 'Unsupported Markdown (html) is kept as plain text', { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
      }
      return [{ type: 'paragraph', children: [{ type: 'text', value: rest.trim(), position: node.position }], position: node.position }]
    }
    default: {
      const value = 'value' in node && typeof node.value === 'string' ? node.value : plainText(node)
      if (!value.trim()) return []
      report(file, `Unsupported Markdown (${node.type}) is kept as plain text`, { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
      return [{ type: 'paragraph', children: [{ type: 'text', value, position: node.position }], position: node.position }]
    }
  }
}

/** Items of one paragraph become key points; richer lists stay lists. */
function toList(list: Mdast.List, file: VFile): Block[] {
  const simple = list.children.every((item) => item.children.length === 1 && item.children[0].type === 'paragraph')
  if (simple) return list.children.map((item) => toPoint(item, item.children[0] as Mdast.Paragraph, file))
  return [{
    type: 'list',
    ordered: Boolean(list.ordered),
    children: list.children.map((item) => ({
      type: 'listItem',
      children: item.children.flatMap((child) => toBlocks(child, file)),
      position: item.position,
    })),
    position: list.position,
  }]
}

function toPoint(item: Mdast.ListItem, paragraph: Mdast.Paragraph, file: VFile): Point {
  const children = toPhrasing(paragraph.children, file)
  const [first, second] = children
  // `**label**:text` or `**label:**text`.
  if (first?.type === 'strong') {
    const label = plainText(first)
    if (/[:：]\s*$/.test(label)) {
      return { type: 'point', label: label.replace(/\s*[:：]\s*$/, ''), children: children.slice(1), position: item.position }
    }
    if (second?.type === 'text' && LABEL_SEPARATOR.test(second.value)) {
      const rest = second.value.replace(LABEL_SEPARATOR, '')
      const trimmed = second.value.length - rest.length
      const tail: Phrasing[] = rest ? [{ type: 'text', value: rest, position: shift(second.position, trimmed) }] : []
      return { type: 'point', label, children: [...tail, ...children.slice(2)], position: item.position }
    }
  }
  // `label:text` without bold, as in the outline format.
  const labelled = first?.type === 'text' ? splitLabel(first.value) : null
  if (first && labelled) {
    const tail: Phrasing = { type: 'text', value: labelled.rest, position: shift(first.position, labelled.restIndex) }
    return { type: 'point', label: labelled.label, children: [tail, ...children.slice(1)], position: item.position }
  }
  return { type: 'point', label: null, children, position: item.position }
}

function toPhrasing(nodes: Mdast.PhrasingContent[], file: VFile): Phrasing[] {
  return nodes.flatMap((node): Phrasing[] => {
    switch (node.type) {
      case 'text':
        // Markdown reads a comment that never closes as text: said, as a block's would be.
        if (node.value.includes('<!--')) report(file, 'HTML comment (<!--) is not closed, so it is kept as plain text: close the comment with -->', { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
        return [{ type: node.type, value: node.value, position: node.position }]
      case 'inlineCode':
        return [{ type: node.type, value: node.value, position: node.position }]
      case 'break':
        return [{ type: 'break', position: node.position }]
      case 'strong':
      case 'emphasis':
        return [{ type: node.type, children: toPhrasing(node.children, file), position: node.position }]
      case 'link':
        return [{ type: 'link', url: node.url, title: node.title ?? null, children: toPhrasing(node.children, file), position: node.position }]
      case 'delete':
        return toPhrasing(node.children, file)
      case 'html': {
        // An inline comment is a note to the author, not text; other inline HTML is kept as text.
        const rest = withoutComments(node.value).rest
        if (!rest) return []
        report(file, 'Unsupported inline Markdown (html) is kept as plain text', { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
        return [{ type: 'text', value: rest, position: node.position }]
      }
      default: {
        const value = node.type === 'image' ? node.alt ?? '' : 'value' in node ? String(node.value) : plainText(node)
        if (!value) return []
        report(file, `Unsupported inline Markdown (${node.type}) is kept as plain text`, { place: node.position, ruleId: 'unsupported-markdown', severity: 'warning' })
        return [{ type: 'text', value, position: node.position }]
      }
    }
  })
}

/**
 * Raw HTML without its comments (`<!-- … -->`): what is left, and whether a comment
 * was opened and never closed (then it and what follows it stay in `rest`).
 */
export function withoutComments(html: string): { rest: string; unclosed: boolean } {
  let rest = ''
  let index = 0
  for (;;) {
    const open = html.indexOf('<!--', index)
    if (open === -1) return { rest: rest + html.slice(index), unclosed: false }
    rest += html.slice(index, open)
    const close = html.indexOf('-->', open + 4)
    if (close === -1) return { rest: rest + html.slice(open), unclosed: true }
    index = close + 3
  }
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

/** A position moved `by` characters to the right on its first line. */
function shift(position: Position | undefined, by: number): Position | undefined {
  if (!position) return undefined
  const start = position.start
  return { start: { line: start.line, column: start.column + by, offset: (start.offset ?? 0) + by }, end: { ...position.end } }
}
