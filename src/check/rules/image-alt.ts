/** A picture without alt text says nothing to a screen reader, or where the picture cannot be shown (a Word file's alt text, a print in grey). */
import type { Figure } from '../../types.js'
import type { Rule } from '../rule-context.js'

/** Reports figures whose alt text is empty. */
export const imageAlt: Rule = (tree, context) => {
  for (const part of tree.children) {
    for (const figure of figuresIn(part)) {
      if (figure.alt.trim()) continue
      context.report(`Picture ${figure.url} has no alt text: describe it between the brackets, ![what it shows](${figure.url})`, { node: figure, owner: part, ruleId: 'image-alt', severity: 'warning' })
    }
  }
}

function figuresIn(node: unknown): Figure[] {
  if (!node || typeof node !== 'object') return []
  if ('type' in node && node.type === 'figure') return [node as Figure]
  return 'children' in node && Array.isArray(node.children) ? node.children.flatMap(figuresIn) : []
}
