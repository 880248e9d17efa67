/** A node as canonical JSON without positions or source file names: what it says, not where. */
export function contentJson(node: unknown): string {
  return JSON.stringify(node, withoutPlaces)
}

/**
 * `contentJson(node)`, given the `contentJson` of each of its children: the
 * same text, without serializing the children again. A case's JSON holds its
 * sections' JSON verbatim, so hashing both serialized every section twice.
 */
export function contentJsonWithChildren(node: { children: unknown[] }, children: string[]): string {
  const json = JSON.stringify(node, (key, value: unknown) => (value === node.children ? CHILDREN : withoutPlaces(key, value)))
  // Quotes inside strings are escaped, so the key with this value occurs once, where the children go.
  return json.replace(CHILDREN_ENTRY, () => `"children":[${children.join(',')}]`)
}

function withoutPlaces(key: string, value: unknown): unknown {
  return key === 'position' || key === 'file' ? undefined : value
}

const CHILDREN = '\u0000children\u0000'
const CHILDREN_ENTRY = `"children":${JSON.stringify(CHILDREN)}`
