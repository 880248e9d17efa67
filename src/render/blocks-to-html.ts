/**
 * Block content to HTML, one string per group of blocks (a section, the
 * introduction, the conclusion). Sections of plain text (paragraphs and key
 * points, one line each, as outlines write them) are written here, exactly as
 * rehype-stringify writes them (a property test holds the two to the same
 * bytes); anything else goes through the unified pipeline in html-pipeline.ts,
 * which is loaded only then (its modules cost ~10 ms to load and set up).
 */
import type { Block, Phrasing } from '../types.js'

/** The HTML of each group of blocks, in order. `pipelineOnly` sends every group through the pipeline (for tests). */
export async function blocksToHtml(groups: Block[][], pointSeparator: string, options: { pipelineOnly?: boolean } = {}): Promise<string[]> {
  const html: string[] = new Array(groups.length)
  // The groups plain text cannot cover, and where their HTML goes.
  const rest: Block[][] = []
  const indexes: number[] = []
  // A separator with a line end would be trimmed by the pipeline like text with one.
  const writePlain = !options.pipelineOnly && !LINE_END.test(pointSeparator)
  groups.forEach((group, index) => {
    const plain = writePlain ? plainHtml(group, pointSeparator) : null
    if (plain !== null) html[index] = plain
    else {
      rest.push(group)
      indexes.push(index)
    }
  })
  if (rest.length > 0) {
    const { pipelineHtml } = await import('./html-pipeline.js')
    pipelineHtml(rest, pointSeparator).forEach((value, index) => (html[indexes[index]] = value))
  }
  return html
}

/**
 * A group of paragraphs and key points holding only one-line text, as HTML;
 * null for anything else (formatting, links, nested lists, line breaks), which
 * the pipeline renders. mdast-util-to-hast trims spaces around line endings,
 * so text with one goes there too.
 */
function plainHtml(blocks: Block[], pointSeparator: string): string | null {
  let html = ''
  let inPoints = false
  for (const block of blocks) {
    if (block.type === 'list') return null
    const text = plainText(block.children)
    if (text === null || (block.type === 'point' && block.label !== null && LINE_END.test(block.label))) return null
    if (block.type === 'paragraph') {
      if (inPoints) html += '\n</ul>'
      inPoints = false
      html += `<p>${escapeText(text)}</p>`
    } else {
      // A run of points is one list, as the pipeline's toMdastBlocks makes it.
      html += inPoints ? '\n' : '<ul class="points">\n'
      inPoints = true
      const label = block.label === null ? '' : `<strong>${escapeText(block.label)}</strong>${escapeText(pointSeparator)}`
      html += `<li>${label}${escapeText(text)}</li>`
    }
  }
  return inPoints ? html + '\n</ul>' : html
}

/** The text of phrasing made only of one-line text nodes; null otherwise. */
function plainText(nodes: Phrasing[]): string | null {
  let text = ''
  for (const node of nodes) {
    if (node.type !== 'text' || LINE_END.test(node.value)) return null
    text += node.value
  }
  return text
}

const LINE_END = /[\r\n]/

/** Text escaped as hast-util-to-html escapes it by default: `&` and `<`, as hexadecimal references. */
function escapeText(text: string): string {
  return text.replace(/[&<]/g, (char) => (char === '&' ? '&#x26;' : '&#x3C;'))
}
