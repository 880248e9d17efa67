/** The cover page: title, subtitle, case count, organisation, author and date. */
import { Paragraph } from 'docx'
import type { ReportView } from '../report-view.js'
import type { RenderContext } from '../renderer.js'
import { textRuns } from './phrasing-runs.js'

/** Cover paragraphs in the Title, Subtitle and Cover Meta styles; the contents that follow start a new page. */
export function coverParagraphs(view: ReportView, context: RenderContext): Paragraph[] {
  const { t } = context.locale
  const meta = [
    t('caseCount', { count: view.caseCount }),
    view.organisation && t('preparedBy', { organisation: view.organisation }),
    view.author,
    view.dateText,
  ].filter((line): line is string => Boolean(line))
  return [
    new Paragraph({ style: 'Title', children: textRuns(view.title, {}) }),
    ...(view.subtitle ? [new Paragraph({ style: 'Subtitle', children: textRuns(view.subtitle, {}) })] : []),
    ...meta.map((line, index) => new Paragraph({ style: 'CoverMeta', spacing: index === 0 ? { before: 480 } : undefined, children: textRuns(line, {}) })),
  ]
}
