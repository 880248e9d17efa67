/** Running header (the document title) and footer ("第 X 页 共 Y 页" / "Page X of Y", from the catalog's `pageOf`). */
import { Footer, Header, PageNumber, Paragraph, TextRun } from 'docx'
import type { RenderContext } from '../renderer.js'
import { xmlSafe } from './phrasing-runs.js'

// Private-use characters stand in for the placeholders, so the catalog's word order is kept.
const PAGE = '\uE000'
const PAGES = '\uE001'

/** The header every page but the cover shows. */
export function runningHeader(title: string): Header {
  return new Header({ children: [new Paragraph({ style: 'Header', children: [new TextRun(xmlSafe(title))] })] })
}

/** The footer: `pageOf` split around {page} and {pages}, which become PAGE and NUMPAGES fields. */
export function pageFooter(context: RenderContext): Footer {
  const message = context.locale.t('pageOf', { page: PAGE, pages: PAGES })
  const children = message
    .split(new RegExp(`(${PAGE}|${PAGES})`))
    .filter((part) => part !== '')
    .map((part) => (part === PAGE ? PageNumber.CURRENT : part === PAGES ? PageNumber.TOTAL_PAGES : part))
  return new Footer({ children: [new Paragraph({ style: 'Footer', children: [new TextRun({ children })] })] })
}

/** An empty header or footer, for the cover page. */
export function blankHeader(): Header {
  return new Header({ children: [new Paragraph({})] })
}

/** An empty footer, for the cover page. */
export function blankFooter(): Footer {
  return new Footer({ children: [new Paragraph({})] })
}
