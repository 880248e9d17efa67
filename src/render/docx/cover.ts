/** The cover page: title, subtitle, case count, organisation, author and date. */
import type { RenderContext } from '../renderer.js'
import type { BodyBlock, BodyState } from './body-block.js'
import type { DocxOutline } from './docx-outline.js'
import { paragraphBlock } from './paragraph-xml.js'
import { runs, textRuns } from './phrasing-runs.js'

/** Cover paragraphs in the Title, Subtitle and Cover Meta styles; the contents that follow start a new page. */
export function coverParagraphs(outline: DocxOutline, context: RenderContext, state: BodyState): BodyBlock[] {
  const { t } = context.locale
  const meta = [
    t('caseCount', { count: outline.cases.length }),
    outline.organisation && t('preparedBy', { organisation: outline.organisation }),
    outline.author,
    outline.dateText,
  ].filter((line): line is string => Boolean(line))
  return [
    paragraphBlock({ style: 'Title' }, textRuns(runs(), outline.title), state),
    ...(outline.subtitle ? [paragraphBlock({ style: 'Subtitle' }, textRuns(runs(), outline.subtitle), state)] : []),
    ...meta.map((line, index) => paragraphBlock({ style: 'CoverMeta', spacingBefore: index === 0 ? 480 : undefined }, textRuns(runs(), line), state)),
  ]
}
