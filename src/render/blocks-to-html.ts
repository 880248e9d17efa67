/**
 * Block content to HTML: the hast of hast/to-hast.ts, written by
 * hast/hast-to-html.ts, once per part. The blocks' elements follow each
 * other with nothing between them.
 */
import type { Block } from '../types.js'
import { hastToHtml } from './hast/hast-to-html.js'
import { toHast } from './hast/to-hast.js'

/** The HTML of a part's blocks (a section, the introduction, the conclusion), with `pointSeparator` between a key point's label and text. */
export function blocksToHtml(blocks: readonly Block[], pointSeparator: string): string {
  return hastToHtml(toHast(blocks, { pointSeparator }))
}
