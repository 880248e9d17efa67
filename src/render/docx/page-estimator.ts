/** Chooses how the contents' page numbers are worked out: Word's layout for small documents, chapters for large. */
import type { PageNumberEstimator } from 'docx'
import { estimateChapterPages } from './estimate-pages.js'

/**
 * Up to this many cases, page numbers come from the docx library's layout
 * (`docx/layout`), which follows Word's line breaking closely but takes about
 * 0.1 s per case; above it, from casebook's chapter estimator, which takes
 * milliseconds. Word corrects either when its fields are updated.
 */
export const EXACT_LAYOUT_CASES = 40

/** The estimator for a document of `caseCount` cases; the heavy layout module loads only when used. */
export async function pageEstimator(caseCount: number): Promise<PageNumberEstimator> {
  if (caseCount > EXACT_LAYOUT_CASES) return estimateChapterPages
  const { estimatePageNumbersWith } = await import('docx/layout')
  return estimatePageNumbersWith({ guess: true })
}
