/** The comparison of cases: a case × recurring-theme matrix, or each case's key points when no theme recurs. */
import type { Case } from '../../types.js'
import type { Locale } from '../../locale/load-locale.js'
import { cutText } from '../cut-text.js'
import { pointLabels } from '../overview-points.js'
import { textWidth } from '../text-width.js'
import { mentions, recurringThemes } from './recurring-themes.js'
import { CONTENT_WIDTH, OVERVIEW } from './slide-metrics.js'
import type { OverviewSlide } from './slide-types.js'

const SEPARATOR = ' · '
/** Estimated widths run a little short for some Latin capitals; a cut made in TypeScript must not be cut again by the stylesheet. */
const SLACK = 0.96

/** Overview pages of at most `OVERVIEW.rows` cases each; `slideOf(index)` is where case `index` starts. */
export function overviewSlides(cases: Case[], slideOf: (index: number) => number, locale: Locale): OverviewSlide[] {
  const labels = cases.map(pointLabels)
  const found = recurringThemes(labels, OVERVIEW.maxThemes)
  const themes = found.length >= 2 ? found : []
  // The case column: what the theme columns leave, or its share beside the key points.
  const caseWidth = themes.length ? CONTENT_WIDTH - themes.length * OVERVIEW.themeWidth : CONTENT_WIDTH * OVERVIEW.caseShare
  const pointsEms = ems(CONTENT_WIDTH - caseWidth)
  const rows = cases.map((node, index) => {
    const label = locale.caseLabel(node.number)
    const labelWidth = textWidth(label) * OVERVIEW.label.size * 1.05 + OVERVIEW.label.gap
    return {
      label,
      title: cutText(node.title, ems(caseWidth - labelWidth)),
      slide: slideOf(index),
      cells: themes.map((theme) => labels[index].some((point) => mentions(point, theme.term))),
      points: cutText(labels[index].join(SEPARATOR), pointsEms),
      none: labels[index].length ? 0 : Math.max(1, themes.length),
    }
  })
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

/** The text room of a one-line cell `width` px wide, in ems of the row's type. */
function ems(width: number): number {
  return ((width - 2 * OVERVIEW.padding) / OVERVIEW.size) * SLACK
}
