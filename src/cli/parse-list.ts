/** `a,b, c` → ['a', 'b', 'c'], for list options such as --format and --locale. */
export function parseList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((item) => item.trim()).filter(Boolean)]
}
