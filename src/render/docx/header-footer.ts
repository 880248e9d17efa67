/** Running header (the document title) and footer ("第 X 页 共 Y 页" / "Page X of Y", from the catalog's `pageOf`). */
import { Footer, Header, PageNumber, Paragraph, TextRun } from 'docx'
import { xmlSafe } from './xml-escape.js'

import { PAGE_COUNT as PAGES, PAGE_NUMBER as PAGE } from './docx-page.js'

/** The header every page but the cover shows. */
export function runningHeader(title: string): Header {
  return new Header({ children: [new Paragraph({ style: 'Header', children: [new TextRun(xmlSafe(title))] })] })
}

/** The footer: the `pageOf` message split around PAGE and PAGES, which become PAGE and NUMPAGES fields. */
export function pageFooter(message: string): Footer {
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
