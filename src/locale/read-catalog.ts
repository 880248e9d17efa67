/**
 * One locale's catalog as the template folders make it: casebook's file with the user's file of
 * the same name laid over it, key by key, so a user's catalog need only name what it changes.
 */
import { jsonErrorOffset } from '../text/json-error-place.js'
import { locate } from '../text/locate.js'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { ConfigError } from '../errors.js'
import { checkCatalog, type CatalogJson } from './check-catalog.js'

/** A catalog file after the user's copy is laid over casebook's. */
export interface CatalogFile extends CatalogJson {
  /** The file that names this locale most specifically (the user's, if any): where messages about it point. */
  path: string
  /** True when reached only as the last-resort root, not through a `$base`. */
  fallback?: boolean
}

/**
 * Reads `locales/<name>.json` from every folder in `dirs` that has it and merges them, the first
 * folder's keys winning: messages by key, rules deeply (an array, such as `quotes`, is one value).
 * Null when no folder has it.
 */
export async function readCatalog(dirs: string[], name: string): Promise<CatalogFile | null> {
  const layers: Array<{ path: string; json: CatalogJson }> = []
  for (const dir of dirs) {
    const path = join(dir, 'locales', `${name}.json`)
    if (!existsSync(path)) continue
    layers.push({ path, json: await parseCatalog(path) })
  }
  if (layers.length === 0) return null
  // Lowest (casebook's) first, so each folder above overrides what it names.
  const merged = layers.reduceRight<CatalogJson>((below, { json }) => ({
    ...below,
    ...json,
    rules: mergeDeep(below.rules ?? {}, json.rules ?? {}) as CatalogJson['rules'],
    messages: { ...below.messages, ...json.messages },
  }), {})
  return { ...merged, path: layers[0].path }
}

async function parseCatalog(path: string): Promise<CatalogJson> {
  const text = await readFile(path, 'utf8')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const offset = jsonErrorOffset(text)
    const point = offset === undefined ? undefined : locate(text)(offset)
    const place = point ? `:${point.line}:${point.column}` : ''
    // V8's words name a character offset ("position 42"); the line and column say where.
    throw new ConfigError(`${path}${place}: invalid catalog: ${(error as Error).message.replace(/ (in JSON )?at position \d+.*$/, '')}`, { cause: error })
  }
  return checkCatalog(json, path, text)
}

/** `over` laid on `under`: objects merged key by key, anything else (arrays too) replaced. */
export function mergeDeep(under: object, over: object): object {
  const result: Record<string, unknown> = { ...under }
  for (const [key, value] of Object.entries(over)) {
    const below = result[key]
    result[key] = isPlainObject(below) && isPlainObject(value) ? mergeDeep(below, value) : value
  }
  return result
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
