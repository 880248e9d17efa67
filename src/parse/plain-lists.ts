/**
 * Key points are a case's findings: the bullets of its analysis sections,
 * and labelled bullets (`- label:text`) anywhere. A run of bullets without
 * labels elsewhere (a background's list of facts, the introduction's) is an
 * ordinary list, so it is shown as one and never taken for findings.
 */
import type { Block, CaseDocument, List, Point } from '../types.js'

/** Turns each run of unlabelled key points outside analysis sections into a bulleted list, in place. */
export function plainLists(tree: CaseDocument): void {
  for (const part of tree.children) {
    if (part.type !== 'case') part.children = listRuns(part.children)
    else for (const section of part.children) if (section.kind !== 'analysis') section.children = listRuns(section.children)
  }
}

function listRuns(blocks: Block[]): Block[] {
  if (!blocks.some((block) => block.type === 'point' && block.label === null)) return blocks
  const result: Block[] = []
  let run: Point[] = []
  const flush = () => {
    if (run.length && run.every((point) => point.label === null)) result.push(toList(run))
    else result.push(...run)
    run = []
  }
  for (const block of blocks) {
    if (block.type === 'point') run.push(block)
    else {
      flush()
      result.push(block)
    }
  }
  flush()
  return result
}

function toList(points: Point[]): List {
  const first = points[0].position
  const last = points.at(-1)!.position
  return {
    type: 'list',
    ordered: false,
    children: points.map((point) => ({ type: 'listItem', children: [{ type: 'paragraph', children: point.children, position: point.position }], position: point.position })),
    ...(first && last ? { position: { start: first.start, end: last.end } } : {}),
  }
}
