/** The pieces of a case's slides: background, key points, other text and the insight, every word of them (pagination splits what is long). */
import type { Block, Case, Section } from '../../types.js'
import type { Locale } from '../../locale/load-locale.js'
import { plainText } from '../../text/plain-text.js'
import type { RichContent } from '../rich-content.js'
import { figureItem, tableItem } from './rich-items.js'
import type { SlideLayout } from './slide-layout.js'
import type { CaseItem } from './slide-types.js'
import { pointSeparator } from '../shared/point-separator.js'

/** A case's slide pieces in source order, with their whole text. */
export function caseItems(node: Case, locale: Locale, layout: SlideLayout, rich: RichContent | null = null): CaseItem[] {
  const items: CaseItem[] = []
  const separator = locale.t('pointSeparator')
  const blockText = (block: Block): string => plainTextOf(block, separator)
  const blockItems = (block: Block): CaseItem[] => {
    if (block.type === 'figure') return [figureItem(block, rich, layout)]
    if (block.type === 'table') return [tableItem(block, rich)]
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
      items.push(mark({ type: 'lead', heading, text }, someMarked))
    } else if (section.kind === 'insight' && !hasPoints(section) && !pictured) {
      items.push(mark({ type: 'insight', heading, text }, someMarked))
    } else {
      // The author's own section title (“主要做法”); the catalog's “Key points” only for an untitled analysis.
      items.push(mark({ type: 'heading', text: section.title || (section.kind === 'analysis' ? locale.t('keyPoints') : heading), continued: false }, sectionMarked))
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
    return [{ type: 'point', label: block.label === null ? null : collapse(block.label), text: collapse(plainText(block)) }]
  }
  if (block.type === 'list') {
    // A numbered list keeps its numbers (from its start); a bulleted one its bullets.
    const first = typeof block.start === 'number' ? block.start : 1
    return block.children
      .map((item) => item.children.map((child) => plainTextOf(child, separator)).join(' ').trim())
      .map((text, index) => (block.ordered && text ? `${first + index}. ${text}` : text))
      .filter(Boolean)
      .map((text) => ({ type: 'text', text: collapse(text), bullet: !block.ordered }))
  }
  // A footnote is in the speaker notes (with its case's notes); a rule has no text.
  if (block.type === 'footnoteDefinition' || block.type === 'thematicBreak') return []
  const text = (block.type === 'blockquote' || block.type === 'code' ? plainTextOf(block, separator) : plainText(block)).trim()
  return text ? [{ type: 'text', text: collapse(text), bullet: false }] : []
}

/** White space as the browser shows it: runs collapsed to one space, none at the ends. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
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
