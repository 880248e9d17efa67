/** An item of a list as `<li>`; lists are tight, so its paragraphs' text stands in it without `<p>`. */
import type { Element, ElementContent } from 'hast'
import type { ListItem } from '../../../types.js'
import { lineEnding } from '../line-ending.js'
import type { State } from '../state.js'

/** A list item as `<li>`, as mdast-util-to-hast writes a tight list's item: line endings around anything but paragraphs. */
export function listItem(state: State, node: ListItem): Element {
  const blocks = state.blocks(node.children)
  const children: ElementContent[] = []
  blocks.forEach((block, index) => {
    const isParagraph = block.tagName === 'p'
    if (index > 0 || !isParagraph) children.push(lineEnding())
    if (isParagraph) children.push(...block.children)
    else children.push(block)
  })
  const tail = blocks.at(-1)
  if (tail && tail.tagName !== 'p') children.push(lineEnding())
  return { type: 'element', tagName: 'li', properties: {}, children }
}
