/**
 * Work the renderers of one locale share (the report view, the report template), by typed key:
 * the HTML and PDF renderers both need the report view, and it is built once.
 */

/** Names one piece of shared work and the type of what it yields. */
export interface SharedKey<T> {
  readonly name: string
  /** Never set: carries `T`, so a key's work is typed where it is used. */
  readonly yields?: T
}

/** A key for shared work that yields a `T`. */
export function sharedKey<T>(name: string): SharedKey<T> {
  return { name }
}

/** The shared work of one locale: each key holds the promise of what its key yields. */
export interface SharedWork extends Map<SharedKey<unknown>, Promise<unknown>> {
  get<T>(key: SharedKey<T>): Promise<T> | undefined
  set<T>(key: SharedKey<T>, value: Promise<T>): this
}

/** Runs `make` once per locale for `key`, so two renderers can share its result. */
export function shareWork<T>(work: SharedWork, key: SharedKey<T>, make: () => Promise<T>): Promise<T> {
  let value = work.get(key)
  if (!value) {
    value = make()
    work.set(key, value)
  }
  return value
}
