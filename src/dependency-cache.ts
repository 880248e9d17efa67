/**
 * Disk caches of things casebook makes from a dependency (a .docx scaffold,
 * precompiled templates) live in node_modules/.cache/ beside that dependency:
 * wherever npm installed it, and writable exactly when the install is.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

// Resolving walks node_modules with a stat per step; fonts ask once per slice of every page.
const folders = new Map<string, string>()

/** The installed package's folder (some packages' exports hide package.json from require.resolve). */
export function packageFolder(name: string): string {
  let folder = folders.get(name)
  if (folder === undefined) {
    folder = dirname(require.resolve(name))
    while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder)
    folders.set(name, folder)
  }
  return folder
}

/** node_modules/.cache/`cache` in the node_modules that holds `dependency` (scoped or not). */
export function cacheFolderBeside(dependency: string, cache: string): string {
  const up = dependency.split('/').map(() => '..')
  return join(packageFolder(dependency), ...up, '.cache', cache)
}
