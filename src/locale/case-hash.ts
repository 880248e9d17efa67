/** Which version of a source case a translation translates: a short hash of the case's content. */
import { createHash } from 'node:crypto'
import type { Case } from '../types.js'
import { plainText } from '../text/plain-text.js'

/** Hex digits kept: enough to tell versions of one case apart, short enough to write by hand. */
const HASH_LENGTH = 12

/**
 * The first 12 hex digits of the sha256 of the case's number, title, label and
 * sections (number, title, each block's plain text) as canonical JSON.
 * Positions are left out, so moving a case in the file does not make its translation stale.
 */
export function caseHash(node: Case): string {
  const canonical = JSON.stringify([
    node.number,
    node.title,
    node.label,
    node.children.map((section) => [section.number, section.title, section.children.map((block) => plainText(block))]),
  ])
  return createHash('sha256').update(canonical).digest('hex').slice(0, HASH_LENGTH)
}
