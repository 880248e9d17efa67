/** Page size and margins of the Word document, shared by the scaffold and the body's page estimate. */
import type { RenderContext } from '../renderer.js'
import type { PageArea } from './estimate-pages.js'

// Private-use characters stand in for {page} and {pages} in the footer's message, so the catalog's word order is kept.
/** Where the footer's page number field goes. */
export const PAGE_NUMBER = '\uE000'
/** Where the footer's page count field goes. */
export const PAGE_COUNT = '\uE001'

/** Page sizes in twips. */
const PAGE = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } } as const
/** Margins in twips. */
export const MARGIN = { top: 1440, bottom: 1440, left: 1304, right: 1304, header: 708, footer: 708 }

/** The page size the config or locale asks for, and the area inside its margins. */
export function docxPage(context: RenderContext): { size: { width: number; height: number }; area: PageArea } {
  const size = PAGE[context.config.page.size ?? context.locale.rules.pageSize]
  return { size, area: { width: size.width - MARGIN.left - MARGIN.right, height: size.height - MARGIN.top - MARGIN.bottom } }
}
