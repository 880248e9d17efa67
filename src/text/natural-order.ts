/** File names in the order a person numbers them: `case-2` before `case-10`. */

// Made on first use: a single-file input sorts nothing, and as a build's first Intl object it took ~8 ms.
let collator: Intl.Collator | undefined

/** Compares two names with numbers in them by value, for `Array.prototype.sort`. */
export function compareNaturally(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true })
  return collator.compare(a, b)
}
