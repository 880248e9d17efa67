/** Paper sizes and the print margins the report uses, in millimetres and CSS pixels. */

/** Paper sizes a config may name. */
export type PageSize = 'A4' | 'Letter'

/** One page's paper and text area. */
export interface PageGeometry {
  size: PageSize
  widthMm: number
  heightMm: number
  margin: { top: number; right: number; bottom: number; left: number }
  /** The text area in CSS pixels (96 per inch), for measuring the print layout. */
  contentWidthPx: number
  contentHeightPx: number
}

const PAPER: Record<PageSize, [number, number]> = { A4: [210, 297], Letter: [215.9, 279.4] }
const MM_TO_PX = 96 / 25.4

/** The geometry for `size`; the margins leave room for the running header and footer. */
export function pageGeometry(size: PageSize): PageGeometry {
  const [widthMm, heightMm] = PAPER[size]
  const margin = { top: 22, right: 20, bottom: 20, left: 20 }
  return {
    size,
    widthMm,
    heightMm,
    margin,
    contentWidthPx: (widthMm - margin.left - margin.right) * MM_TO_PX,
    contentHeightPx: (heightMm - margin.top - margin.bottom) * MM_TO_PX,
  }
}
