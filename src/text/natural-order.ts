/** File names in the order a person numbers them: `case-2` before `case-10`. */

// Made on first use: ICU's collation data costs ~8 ms to load, and a single-file input sorts nothing.
let collator: Intl.Collator | undefined

/** Compares two names with numbers in them by value, for `Array.prototype.sort`. */
export function compareNaturally(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true })
  return collator.compare(a, b)
}
