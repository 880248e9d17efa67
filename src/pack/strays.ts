/**
 * Files in the out folder that belong to no part of the pack: an earlier locale whose catalog is
 * gone, a zip no `pack` of this pack wrote, a file a user dropped there. Listed in the manifest
 * and by the build; `--clean` removes them. Dot files (.gitignore, .nojekyll) are the user's.
 */
import { readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { PACK_FILES } from '../parse/source-names.js'
import { EDITIONS } from './editions.js'

/** The paths (relative to `out`, sorted) of files there that `kept` (artifacts, zips, notes) and the pack's own files do not account for. */
export async function findStrays(out: string, kept: Iterable<string>, locales: Iterable<string>): Promise<string[]> {
  const belongs = new Set([...kept, PACK_FILES.manifest, PACK_FILES.changes])
  for (const locale of locales) belongs.add(`${locale}/${PACK_FILES.changes}`)
  const entries = await readdir(out, { withFileTypes: true, recursive: true }).catch(() => [])
  const strays: string[] = []
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue
    const path = relative(out, join(entry.parentPath ?? out, entry.name)).split(sep).join('/')
    if (belongs.has(path) || path.split('/').some((part) => part.startsWith('.'))) continue
    if (path.startsWith(`${EDITIONS}/`) && path.endsWith('.json') && !path.slice(EDITIONS.length + 1).includes('/')) continue
    strays.push(path)
  }
  return strays.sort()
}
