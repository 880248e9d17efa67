/**
 * The contents: a real TOC field (`TOC \o "1-2" \h \z \u`) whose result is
 * written with the file, so its entries show as soon as it opens.
 */
import { Paragraph, TableOfContents } from 'docx'
import type { RenderContext } from '../renderer.js'
import { textRuns } from './phrasing-runs.js'

/**
 * The docx library fills the field's result from the Heading 1/2 paragraphs:
 * it bookmarks each heading (`_Toc…`) and writes one TOC 1/TOC 2 paragraph per
 * heading, a hyperlink to the bookmark with a PAGEREF field for its page number,
 * which the document's page-number estimator writes and Word updates.
 */
export function contentsBlocks(context: RenderContext): Array<Paragraph | TableOfContents> {
  return [
    // TOC Heading has no outline level, so the contents never lists itself.
    new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: textRuns(context.locale.t('contents'), {}) }),
    new TableOfContents(context.locale.t('contents'), {
      hyperlink: true,
      headingStyleRange: '1-2',
      hideTabAndPageNumbersInWebView: true,
      useAppliedParagraphOutlineLevel: true,
    }),
  ]
}
