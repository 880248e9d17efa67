/** Plain text of a node: every `value` in its subtree, concatenated (the DESIGN.md definition). */
export function plainText(node: unknown): string {
  if (!node || typeof node !== 'object') return ''
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node && Array.isArray(node.children)) return node.children.map(plainText).join('')
  return ''
}
