/**
 * The comparison of cases: a case × recurring-theme matrix, or each case's key points when no
 * theme recurs. Case titles and theme heads wrap, never cut; rows are measured and a slide holds
 * as many as fit. Where the list mode shows an unlabelled point by its opening words, the row's
 * tooltip and the overview's notes hold every point in full.
 */
import type { ElementContent } from 'hast'
import type { Case } from '../../types.js'
import type { Locale } from '../../locale/load-locale.js'
import { plainText } from '../../text/plain-text.js'
import { hastToHtml } from '../hast/hast-to-html.js'
import { pointLabels } from '../overview-points.js'
import { pointSeparator } from '../shared/point-separator.js'
import { mentions, recurringThemes } from './recurring-themes.js'
import type { SlideLayout } from './slide-layout.js'
import type { OverviewRow, OverviewSlide, SlideNotes } from './slide-types.js'

const SEPARATOR = ' · '
/** The most theme columns that stay readable. */
const MAX_THEMES = 6

/** Overview slides, each holding the rows that fit; `slideOf(index)` is where case `index` starts. */
export function overviewSlides(cases: Case[], slideOf: (index: number) => number, locale: Locale, layout: SlideLayout): OverviewSlide[] {
  const { style, measure } = layout
  const labels = cases.map(pointLabels)
  const found = recurringThemes(labels, MAX_THEMES)
  const themes = found.length >= 2 ? found : []
  const width = layout.contentWidth
  // The case column: what the theme columns leave, or its share beside the key points.
  const caseWidth = themes.length ? width - themes.length * style.overviewThemeWidth : width * style.overviewCaseShare
  const cellFont = { size: style.overviewSize }
  const headFont = { size: style.overviewHeadSize, bold: true }
  const labelFont = { size: style.overviewLabelSize, bold: true }
  const separator = locale.t('pointSeparator')
  const rows: OverviewRow[] = cases.map((node, index) => ({
    label: locale.caseLabel(node.number),
    title: node.title.replace(/\s+/g, ' ').trim(),
    slide: slideOf(index),
    cells: themes.map((theme) => labels[index].some((point) => mentions(point, theme.term))),
    points: labels[index].join(SEPARATOR),
    full: fullPoints(node, separator).join(SEPARATOR),
    none: labels[index].length ? 0 : Math.max(1, themes.length),
  }))
  const rowHeight = (row: OverviewRow) => {
    const indent = measure.width(row.label, labelFont) + style.overviewLabelGap
    const titleLines = measure.count(row.title, caseWidth - 2 * style.overviewPadX, cellFont, indent)
    const pointLines = themes.length || row.none ? 1 : measure.count(row.points, width - caseWidth - 2 * style.overviewPadX, cellFont)
    return 2 * style.overviewPadY + 1 + style.overviewLine * Math.max(titleLines, pointLines)
  }
  const heads = themes.length ? themes.map((theme) => theme.term) : [locale.t('overviewPoints')]
  const headWidth = (index: number) => (themes.length ? style.overviewThemeWidth : width - caseWidth) - 2 * style.overviewPadX
  const headLines = Math.max(measure.count(locale.t('overviewCase'), caseWidth - 2 * style.overviewPadX, headFont), ...heads.map((head, index) => measure.count(head, headWidth(index), headFont)))
  // The head row: its set height, or its lines over its 10px bottom padding; and its 2px rule.
  const head = Math.max(style.overviewHeadHeight, style.overviewHeadLine * headLines + 10) + 2
  const kicker = locale.t('caseCount', { count: cases.length })
  const title = locale.t('overview')
  const budget = (continued: boolean) => layout.bodyHeight(continued ? `${kicker} ${locale.t('continued')}` : kicker, title) - head

  const pages: OverviewRow[][] = []
  let page: OverviewRow[] = []
  let used = 0
  for (const row of rows) {
    const height = rowHeight(row)
    if (page.length > 0 && used + height > budget(pages.length > 0)) {
      pages.push(page)
      page = []
      used = 0
    }
    page.push(row)
    used += height
  }
  if (page.length > 0 || pages.length === 0) pages.push(page)
  // Each slide's notes hold the key points of its own rows (all of them on every slide grew with the square of the cases).
  const caseOf = new Map(rows.map((row, index) => [row, cases[index]]))
  return pages.map((pageRows, index) => ({
    kind: 'overview',
    number: 0,
    kicker,
    title,
    continued: index > 0,
    notes: overviewNotes(title, pageRows.map((row) => caseOf.get(row)!), pageRows, locale),
    themes: themes.map((theme) => theme.term),
    rows: pageRows,
  }))
}

/** Each key point of a case's analysis in full: its label and text, or its text. */
function fullPoints(node: Case, separator: string): string[] {
  return node.children.flatMap((section) =>
    section.kind !== 'analysis'
      ? []
      : section.children.flatMap((block) => {
          if (block.type !== 'point') return []
          const text = plainText(block).replace(/\s+/g, ' ').trim()
          return [block.label ? `${block.label}${text ? pointSeparator(block.label, separator) + text : ''}` : text]
        }),
  )
}

/** An overview slide's speaker notes: its cases' key points in full, each under its label and title (`rows` are the cases' rows). */
function overviewNotes(title: string, cases: Case[], rows: OverviewRow[], locale: Locale): SlideNotes {
  const text = (value: string): ElementContent => ({ type: 'text', value })
  const separator = locale.t('pointSeparator')
  return {
    title,
    sections: cases.map((node, index) => {
      const points = fullPoints(node, separator)
      const list: ElementContent = { type: 'element', tagName: 'ul', properties: {}, children: points.map((point) => ({ type: 'element', tagName: 'li', properties: {}, children: [text(point)] })) }
      return { title: `${rows[index].label} ${rows[index].title}`, html: points.length ? hastToHtml([list]) : hastToHtml([{ type: 'element', tagName: 'p', properties: {}, children: [text('—')] }]) }
    }),
  }
}
