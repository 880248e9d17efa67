/** The pieces of a case's slides: background in brief, key points, other text and the insight. */
import type { Block, Case, Section } from '../../types.js'
import type { Locale } from '../../locale/load-locale.js'
import { plainText } from '../../text/plain-text.js'
import type { RichContent } from '../rich-content.js'
import { fitLines } from './brief-text.js'
import { figureItem, tableItems } from './rich-items.js'
import { ITEM } from './slide-metrics.js'
import type { CaseItem } from './slide-types.js'
import { pointSeparator } from '../shared/point-separator.js'

/** A case's slide pieces in source order; long text is shortened (the notes keep all of it). */
export function caseItems(node: Case, locale: Locale, rich: RichContent | null = null): CaseItem[] {
  const items: CaseItem[] = []
  const separator = locale.t('pointSeparator')
  const blockText = (block: Block): string => plainTextOf(block, separator)
  const blockItems = (block: Block): CaseItem[] => {
    if (block.type === 'figure') return [figureItem(block, rich)]
    if (block.type === 'table') return tableItems(block, rich)
    return itemsOf(block, separator)
  }
  for (const section of node.children) {
    const heading = section.title || locale.t(`sectionKind.${section.kind}`)
    const text = section.children.map(blockText).filter(Boolean).join(' ')
    const pictured = section.children.some((block) => block.type === 'figure' || block.type === 'table')
    if (!text && !pictured) continue
    // What a partial translation lacks is shown from the source and marked (a whole case is marked on its slides).
    const sectionMarked = Boolean(section.data?.untranslated)
    const someMarked = sectionMarked || section.children.some((block) => block.data?.untranslated)
    if (section.kind === 'background' && !hasPoints(section) && !pictured) {
      items.push(mark({ type: 'lead', heading, text: fitLines(text, ITEM.lead.ems, ITEM.lead.maxLines) }, someMarked))
    } else if (section.kind === 'insight' && !hasPoints(section) && !pictured) {
      items.push(mark({ type: 'insight', heading, text: fitLines(text, ITEM.insight.ems, ITEM.insight.maxLines) }, someMarked))
    } else {
      items.push(mark({ type: 'heading', text: section.kind === 'analysis' ? locale.t('keyPoints') : heading, continued: false }, sectionMarked))
      for (const block of section.children) items.push(...blockItems(block).map((item) => mark(item, sectionMarked || Boolean(block.data?.untranslated))))
    }
  }
  return items
}

function mark(item: CaseItem, untranslated: boolean): CaseItem {
  if (untranslated) item.untranslated = true
  return item
}

function itemsOf(block: Block, separator: string): CaseItem[] {
  if (block.type === 'point') {
    const label = block.label === null ? null : fitLines(block.label, ITEM.label.ems, ITEM.label.maxLines)
    const text = plainText(block).trim()
    return [{ type: 'point', label, text: text ? fitLines(text, ITEM.point.ems, ITEM.point.maxLines) : '' }]
  }
  if (block.type === 'list') {
    // A numbered list keeps its numbers (from its start); a bulleted one its bullets.
    const first = typeof block.start === 'number' ? block.start : 1
    return block.children
      .map((item) => item.children.map((child) => plainTextOf(child, separator)).join(' ').trim())
      .map((text, index) => (block.ordered && text ? `${first + index}. ${text}` : text))
      .filter(Boolean)
      .map((text) => ({ type: 'text', text: fitLines(text, ITEM.text.ems, ITEM.point.maxLines), bullet: !block.ordered }))
  }
  // A footnote is in the speaker notes (with its case's notes); a rule has no text.
  if (block.type === 'footnoteDefinition' || block.type === 'thematicBreak') return []
  const text = (block.type === 'blockquote' || block.type === 'code' ? plainTextOf(block, separator) : plainText(block)).trim()
  return text ? [{ type: 'text', text: fitLines(text, ITEM.text.ems, ITEM.text.maxLines), bullet: false }] : []
}

function plainTextOf(block: Block, separator: string): string {
  if (block.type === 'list') return block.children.map((item) => item.children.map((child) => plainTextOf(child, separator)).join(' ')).join(' ')
  if (block.type === 'blockquote') return block.children.map((child) => plainTextOf(child, separator)).join(' ')
  if (block.type === 'footnoteDefinition' || block.type === 'figure' || block.type === 'table') return ''
  const text = plainText(block).trim()
  return block.type === 'point' && block.label ? `${block.label}${pointSeparator(block.label, separator)}${text}` : text
}

function hasPoints(section: Section): boolean {
  return section.children.some((block) => block.type === 'point')
}
