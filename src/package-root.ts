/**
 * casebook's own folder (the one holding its package.json and templates).
 * Found by walking up from this module, because the same code runs from
 * dist/ (tsc), from the CLI bundle's chunks and from src/ under the tests,
 * each at a different depth.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir
    if (dirname(dir) === dir) throw new Error(`casebook's package folder (package.json beside templates/) is not above ${start}`)
  }
}

/** Absolute path of casebook's package folder. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)))
