/** The cover page: the brand's logo and classification line, title, subtitle, case count, organisation, author and date. */
import type { RenderContext } from '../renderer.js'
import type { BodyBlock, BodyState } from './body-block.js'
import type { DocxOutline } from './docx-outline.js'
import { drawingXml, EMU_PER_TWIP } from './drawing-xml.js'
import { logoSize, type PlacedLogo } from './header-footer.js'
import { paragraphBlock } from './paragraph-xml.js'
import { runs, textRuns } from './phrasing-runs.js'

/** The logo's height on the cover, in twips (2 cm), and its widest share of the text width. */
const COVER_LOGO_HEIGHT = 1134
const COVER_LOGO_WIDTH = 0.5

/** Cover paragraphs in the Cover Logo, Classification, Title, Subtitle and Cover Meta styles; the contents that follow start a new page. */
export function coverParagraphs(outline: DocxOutline, context: RenderContext, state: BodyState, logo?: PlacedLogo): BodyBlock[] {
  const { t } = context.locale
  const { brand } = context.config
  const organisation = outline.organisation ?? brand.organisation
  const meta = [
    t('caseCount', { count: outline.cases.length }),
    organisation && t('preparedBy', { organisation }),
    outline.author,
    outline.dateText,
  ].filter((line): line is string => Boolean(line))
  return [
    ...(logo ? [logoParagraph(logo, state.textWidth, organisation)] : []),
    ...(brand.classification ? [paragraphBlock({ style: 'Classification' }, textRuns(runs(), brand.classification), state)] : []),
    paragraphBlock({ style: 'Title' }, textRuns(runs(), outline.title), state),
    ...(outline.subtitle ? [paragraphBlock({ style: 'Subtitle' }, textRuns(runs(), outline.subtitle), state)] : []),
    ...meta.map((line, index) => paragraphBlock({ style: 'CoverMeta', spacingBefore: index === 0 ? 480 : undefined }, textRuns(runs(), line), state)),
  ]
}

/** The logo in its own paragraph, as high as the picture. */
function logoParagraph(placed: PlacedLogo, textWidth: number, organisation: string | undefined): BodyBlock {
  const { cx, cy } = logoSize(placed.logo, COVER_LOGO_HEIGHT, textWidth * COVER_LOGO_WIDTH)
  return {
    xml: `<w:p><w:pPr><w:pStyle w:val="CoverLogo"/></w:pPr><w:r>${drawingXml(placed.drawingId, placed.relationship, cx, cy, organisation ?? '')}</w:r></w:p>`,
    layout: { kind: 'paragraph', style: 'CoverLogo', pageBreakBefore: false, lines: [''], height: Math.ceil(cy / EMU_PER_TWIP) },
  }
}
