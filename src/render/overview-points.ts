/**
 * What the overview of every format shows of a case's key points: each
 * point's label, or the start of an unlabelled point's text, visibly cut.
 */
import type { Case } from '../types.js'
import { plainText } from '../text/plain-text.js'
import { cutText } from './cut-text.js'

/** How wide the start of an unlabelled point may be, in ems: about twelve CJK characters, twenty Latin letters. */
export const POINT_START_EMS = 12

/** What the overview shows for a case without key points (no analysis section, or one without points); the templates write it too. */
export const NO_POINTS = '—'

/**
 * Labels of a case's key points, for the overview: the points of its analysis
 * sections, which are its findings. A bulleted list in the background or the
 * insight, and any numbered list, is ordinary text, not a finding. Unlabelled
 * points give their text's start, ending with "…" when cut.
 */
export function pointLabels(node: Case): string[] {
  return node.children.flatMap((section) =>
    section.kind !== 'analysis' ? [] : section.children.flatMap((block) => (block.type === 'point' ? [block.label ?? cutText(plainText(block).trim().replace(/\s+/g, ' '), POINT_START_EMS)] : [])),
  )
}
