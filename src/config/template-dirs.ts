/** Where templates, styles and catalogs come from: the user's folder first, then casebook's own. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../package-root.js'

/** casebook's own templates folder. */
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, 'templates') + '/'

/** The folders to look in, most specific first. */
export function templateDirs(userDir?: string): string[] {
  return userDir ? [userDir, BUILTIN_TEMPLATES] : [BUILTIN_TEMPLATES]
}

/** The first existing `name` in `dirs`, or null. */
export function findTemplateFile(dirs: string[], name: string): string | null {
  for (const dir of dirs) {
    const candidate = join(dir, name)
    if (existsSync(candidate)) return candidate
  }
  return null
}
