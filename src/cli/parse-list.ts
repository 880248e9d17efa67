/** Comma-separated list options (--format, --locale): every item named, none empty, none twice. */
import { UsageError } from '../errors.js'

/** Checks one item and returns it as the option keeps it; throws a UsageError for one it cannot take. */
export type ItemCheck = (item: string) => string

/**
 * A commander argument parser for list option `flag` (`wanted` says what it takes): `a,b, c` → ['a', 'b', 'c'],
 * added to the items of earlier occurrences. An empty value or item and an item named
 * twice are usage errors rather than dropped, so what runs is what was asked for.
 */
export function listOption(flag: string, check: ItemCheck, wanted: string): (value: string, previous?: string[]) => string[] {
  return (value, previous = []) => {
    if (value.trim() === '') throw new UsageError(`${flag} is empty; name ${wanted}`)
    const items = value.split(',').map((item) => item.trim())
    if (items.includes('')) throw new UsageError(`${flag} “${value}” has an empty item; separate items with single commas`)
    const list = [...previous]
    for (const item of items.map(check)) {
      if (list.includes(item)) throw new UsageError(`${flag} names ${item} twice`)
      list.push(item)
    }
    return list
  }
}
