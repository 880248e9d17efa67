/** Which version of a source case a translation translates: a short hash of the case's content. */
import { createHash } from 'node:crypto'
import type { Case } from '../types.js'
import { contentJson } from '../text/content-json.js'

/** Hex digits kept: enough to tell versions of one case apart, short enough to write by hand. */
const HASH_LENGTH = 12

/**
 * The first 12 hex digits of the sha256 of the case's number, title, label and
 * sections (numbers, titles, blocks with labels and inline formatting) as canonical JSON.
 * Positions are left out, so moving a case in the file does not make its translation stale.
 */
export function caseHash(node: Case): string {
  // Everything but positions, so a changed key-point label or link makes the translation stale too.
  const canonical = contentJson([node.number, node.title, node.label, node.children])
  return createHash('sha256').update(canonical).digest('hex').slice(0, HASH_LENGTH)
}
