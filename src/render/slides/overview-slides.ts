/** The comparison of cases: a case × recurring-theme matrix, or each case's key points when no theme recurs. */
import type { Case } from '../../types.js'
import type { Locale } from '../../locale/load-locale.js'
import { pointLabels } from '../report-view.js'
import { mentions, recurringThemes } from './recurring-themes.js'
import { OVERVIEW } from './slide-metrics.js'
import type { OverviewSlide } from './slide-types.js'

/** Overview pages of at most `OVERVIEW.rows` cases each; `slideOf(index)` is where case `index` starts. */
export function overviewSlides(cases: Case[], slideOf: (index: number) => number, locale: Locale): OverviewSlide[] {
  const labels = cases.map(pointLabels)
  const found = recurringThemes(labels, OVERVIEW.maxThemes)
  const themes = found.length >= 2 ? found : []
  const rows = cases.map((node, index) => ({
    label: locale.caseLabel(node.number),
    title: node.title,
    slide: slideOf(index),
    cells: themes.map((theme) => labels[index].some((label) => mentions(label, theme.term))),
    points: labels[index].join(' · '),
  }))
  const pages = Math.max(1, Math.ceil(rows.length / OVERVIEW.rows))
  return Array.from({ length: pages }, (_, page) => ({
    kind: 'overview',
    number: 0,
    kicker: locale.t('caseCount', { count: cases.length }),
    title: locale.t('overview'),
    continued: page > 0,
    notes: null,
    themes: themes.map((theme) => theme.term),
    rows: rows.slice(page * OVERVIEW.rows, (page + 1) * OVERVIEW.rows),
  }))
}
