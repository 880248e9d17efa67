/** A node as canonical JSON without positions or source file names: what it says, not where. */
export function contentJson(node: unknown): string {
  return JSON.stringify(node, (key, value: unknown) => (key === 'position' || key === 'file' ? undefined : value))
}
