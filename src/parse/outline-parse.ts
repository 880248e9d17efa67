/**
 * The outline text format (as in the seed): one heading, bullet or paragraph
 * per line. A unified parser plugin that builds the case tree directly.
 */
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import type { Position } from 'unist'
import type { Block, Case, CaseDocument, Conclusion, Intro, Point, Section } from '../types.js'
import { looksLikeHeading, splitLabel, matchFrame, matchSection, sectionKind } from './headings.js'
import { type CaseHeadingOptions, caseHeadingRules, type HeadingEntry } from './case-heading-rules.js'
import { type SourceLine, forEachLine, pointInLine, spanAt } from './positions.js'
import { report } from '../messages/report.js'
import { richLine } from './outline-rich-lines.js'

// `-`, `•`, `·`, `*`, `‧`, `・`, `1.`, `1)`, `(1)`, `①`.
const BULLET = /^(?:[-•·*‧・–—]|[0-9０-９]{1,3}[.．)）](?![0-9０-９])|[(（][0-9０-９]{1,3}[)）]|[①-⑳])\s*/

type Container = Intro | Conclusion | Section

/** unified plugin: parse outline text into a case tree. */
export function outlineParse(this: Processor, options: CaseHeadingOptions = {}): void {
  // unified's Parser type is mdast-centric; the case tree is a unist tree too.
  this.parser = ((value: string, file: VFile) => parseOutline(value, file, options)) as unknown as typeof this.parser
}

/** Parses outline text; problems are reported on `file`. */
export function parseOutline(value: string, file: VFile, options: CaseHeadingOptions = {}): CaseDocument {
  const headings = caseHeadingRules(outlineEntries(value), options)
  const tree: CaseDocument = { type: 'document', data: {} as CaseDocument['data'], children: [] }
  let intro: Intro | undefined
  let conclusion: Conclusion | undefined
  let currentCase: Case | undefined
  let container: Container | undefined
  /** The line the last block ended on, so a table row or a quote line continues only the block right above it. */
  let lastBlockLine = 0

  const last = forEachLine(value, (source) => {
    // trim() takes every Unicode space a user may leave around a line, the ideographic space included.
    const text = source.text.trim()
    if (!text) return
    const start = source.text.indexOf(text)
    const span = spanAt(source, start, text.length)

    // A section numbered as the document numbers them (`（四）小结` under `一、`) stays one, words like 小结 or not.
    const subsection = currentCase ? headings.matchSubsection(text) : null
    const frame = subsection ? null : matchFrame(text)
    if (frame?.type === 'intro' && !intro && !currentCase) {
      intro = { type: 'intro', title: frame.title, children: [], position: span }
      container = intro
      return
    }
    if (frame?.type === 'conclusion' && !conclusion) {
      conclusion = { type: 'conclusion', title: frame.title, children: [], position: span }
      container = conclusion
      currentCase = undefined
      return
    }

    const caseHeading = !subsection && headings.matchCase(text)
    if (caseHeading) {
      currentCase = {
        type: 'case',
        number: caseHeading.number,
        title: caseHeading.title,
        label: caseHeading.label,
        children: [],
        position: span,
      }
      tree.children.push(currentCase)
      container = undefined
      if (caseHeading.ordinal !== null && caseHeading.ordinal !== caseHeading.number) {
        report(file, `Case heading numbers disagree: ${caseHeading.ordinal} before “、” but ${caseHeading.label}`, { place: span, ruleId: 'case-number-mismatch', severity: 'warning' })
      }
      if (!caseHeading.title) report(file, `${caseHeading.label} has no title`, { place: span, ruleId: 'empty-title', severity: 'warning' })
      if (conclusion) report(file, `${caseHeading.label} comes after the conclusion; it is kept with the other cases`, { place: span, ruleId: 'case-after-conclusion', severity: 'warning' })
      return
    }

    const sectionHeading = currentCase && (subsection ?? matchSection(text))
    if (currentCase && sectionHeading) {
      const section: Section = {
        type: 'section',
        number: sectionHeading.number,
        title: sectionHeading.title,
        kind: sectionKind(sectionHeading.title),
        children: [],
        position: span,
      }
      currentCase.children.push(section)
      extend(currentCase, section)
      container = section
      return
    }

    const previous = container?.children.at(-1)
    const rich = richLine(source, start, text, span, previous, lastBlockLine === source.line - 1)
    lastBlockLine = source.line
    if (rich && rich === previous) {
      extend(container!, rich)
      if (currentCase && container!.type === 'section') extend(currentCase, rich)
      return
    }
    if (rich && previous?.type === 'paragraph' && rich.type === 'table') {
      // The header line was taken for a paragraph until the delimiter row came.
      container!.children[container!.children.length - 1] = rich
      extend(container!, rich)
      if (currentCase && container!.type === 'section') extend(currentCase, rich)
      return
    }
    const block = rich ?? parseBlock(source, start, text, span, file)
    if (!container) container = openContainer(span)
    container.children.push(block)
    extend(container, block)
    if (currentCase && container.type === 'section') extend(currentCase, block)
   })
  tree.position = { start: { line: 1, column: 1, offset: 0 }, end: pointInLine(last, last.text.length) }

  tree.children = [...(intro ? [intro] : []), ...tree.children, ...(conclusion ? [conclusion] : [])]
  return tree

  /** Where a block goes when no heading has opened a container for it. */
  function openContainer(place: Position): Container {
    if (currentCase) {
      report(file, `Text under ${currentCase.label ?? 'a case'} before its first section; it is kept in an untitled section`, { place, ruleId: 'content-outside-section', severity: 'warning' })
      const section: Section = { type: 'section', number: null, title: '', kind: 'other', children: [] }
      currentCase.children.push(section)
      return section
    }
    report(file, 'Text before the first heading is used as the introduction; give it a heading such as 引言', { place, ruleId: 'text-before-heading', severity: 'warning' })
    intro = { type: 'intro', title: null, children: [] }
    return intro
  }
}

/** The outline's lines, trimmed, for choosing its case heading style before the parse. */
function* outlineEntries(value: string): Generator<HeadingEntry> {
  for (const match of value.matchAll(/[^\r\n]+/g)) {
    const text = match[0].trim()
    if (text) yield { text }
  }
}

/** One content line: a key point or a paragraph. */
function parseBlock(source: SourceLine, start: number, text: string, span: Position, file: VFile): Block {
  const bullet = BULLET.exec(text)
  if (bullet) {
    const body = text.slice(bullet[0].length)
    const bodyStart = start + bullet[0].length
    const point: Point = { type: 'point', label: null, children: [], position: span }
    const labelled = splitLabel(body)
    if (labelled) {
      point.label = labelled.label
      point.children.push(textNode(source, bodyStart + labelled.restIndex, labelled.rest, span))
    } else if (body) {
      point.children.push(textNode(source, bodyStart, body, span))
    } else {
      report(file, 'Empty bullet', { place: point.position, ruleId: 'empty-point', severity: 'warning' })
    }
    return point
  }
  if (looksLikeHeading(text)) {
    report(file, `Unrecognised line kept as a paragraph: “${truncate(text)}”`, { place: span, ruleId: 'unrecognised-line', severity: 'warning' })
  }
  // The paragraph and its text cover the same characters; they share the (never mutated) position.
  return { type: 'paragraph', children: [{ type: 'text', value: text, position: span }], position: span }
}

/** A point's text, which ends where its line's content does: it shares that (never mutated) end point. */
function textNode(source: SourceLine, index: number, value: string, line: Position) {
  return { type: 'text' as const, value, position: { start: pointInLine(source, index), end: line.end } }
}

/**
 * Stretches a node's position to cover a later child. Point objects are never
 * mutated, so the child's end point can be shared.
 */
function extend(node: { position?: Position }, child: { position?: Position }): void {
  if (!child.position) return
  if (!node.position) node.position = { start: child.position.start, end: child.position.end }
  else node.position.end = child.position.end
}

function truncate(text: string): string {
  return text.length > 40 ? text.slice(0, 39) + '…' : text
}
