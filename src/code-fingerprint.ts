/**
 * A hash of the casebook code that is running, for keys of things it makes
 * (artifacts, the cached .docx scaffold). The CLI runs the bundle
 * (dist/bundle), the library API the rest of dist/, the tests src/; each
 * hashes its own. Computed once per process: the code cannot change under it.
 * The bundle's is computed when it is built (scripts/bundle.js) and read from
 * FINGERPRINT_FILE: hashing 1.5 MB of chunks cost every CLI build ~20 ms.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PACKAGE_ROOT } from './package-root.js'

let fingerprint: Promise<string> | undefined

/** Where the bundle keeps its own fingerprint, beside its entry file. */
export const FINGERPRINT_FILE = 'code-fingerprint.txt'

/** Hex SHA-256 over the running code's files, in name order. */
export function codeFingerprint(): Promise<string> {
  fingerprint ??= hashCode()
  return fingerprint
}

async function hashCode(): Promise<string> {
  const here = fileURLToPath(import.meta.url)
  const bundle = join(PACKAGE_ROOT, 'dist', 'bundle')
  const dist = join(PACKAGE_ROOT, 'dist')
  const [root, skip] = here.startsWith(bundle + sep) ? [bundle, null] : here.startsWith(dist + sep) ? [dist, bundle] : [join(PACKAGE_ROOT, 'src'), null]
  if (root === bundle) {
    const recorded = await readFile(join(bundle, FINGERPRINT_FILE), 'utf8').catch(() => null)
    if (recorded) return recorded.trim()
  }
  return hashFiles(root, skip)
}

/** Hex SHA-256 over the .js and .ts files under `root` (except under `skip`): their paths and contents, in name order. */
export async function hashFiles(root: string, skip: string | null = null): Promise<string> {
  const files = (await listFiles(root)).filter((path) => /\.(js|ts)$/.test(path) && !(skip && path.startsWith(skip + sep))).sort()
  const hash = createHash('sha256')
  for (const file of files) hash.update(file.slice(root.length)).update(await readFile(file))
  return hash.digest('hex')
}

/** Every file under `dir`, recursively. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const files = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : Promise.resolve(entry.isFile() ? [join(dir, entry.name)] : []))),
  )
  return files.flat()
}
