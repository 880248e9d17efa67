/**
 * The output folder must not hold the input: a pack written into its own source
 * folder is read back as source by the next build (its CHANGES.md becomes text of
 * the document), and `watch` ignores changes inside the output folder.
 */
import { realpathSync, statSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { UsageError } from '../errors.js'

/**
 * Throws a UsageError when `input` (a file or folder) is the output folder `out` or lies
 * inside it. `outFrom` says where `out` was set, for the message: `--out`, `out: in casebook.yaml`.
 * An output folder inside an input folder is fine: the folder reader never reads a pack.
 */
export function checkOutFolder(input: string, out: string, outFrom: string, cwd = process.cwd()): void {
  const inputPath = real(resolve(cwd, input))
  const outPath = real(resolve(cwd, out))
  if (!isInside(outPath, inputPath)) return
  // The working directory is named by its path: “The output folder .” says little.
  const shown = (path: string) => relative(cwd, path) || path
  const kind = statSync(inputPath, { throwIfNoEntry: false })?.isFile() ? 'file' : 'folder'
  const what = inputPath === outPath ? `is the input ${kind} ${shown(inputPath)}` : `holds the input ${shown(inputPath)}`
  // A folder beside the input: `out` in the working directory, or `<input>-pack` when that holds the input too.
  const beside = resolve(cwd, 'out')
  const suggestion = isInside(beside, inputPath) ? `${inputPath.replace(/\.[^./\\]*$/, '')}-pack` : beside
  throw new UsageError(
    `The output folder ${shown(outPath)} (${outFrom}) ${what}: the pack's own files (CHANGES.md, manifest.json, its locale folders) would be read back as source by the next build. Pick another folder for the pack, one that does not hold the input, such as ${shown(suggestion)}`,
  )
}

/** `path` with links resolved, as far as it exists (an output folder may not exist yet). */
function real(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    const parent = dirname(path)
    return parent === path ? path : resolve(real(parent), relative(parent, path))
  }
}

/** Where the output folder was set, for messages: `--out`, `out: in casebook.yaml`, or the default. */
export function outSetting(option: string | undefined, config: { out?: string; file: string | null }, cwd = process.cwd()): string {
  if (option !== undefined) return '--out'
  if (config.out !== undefined && config.file) return `out: in ${relative(cwd, resolve(cwd, config.file)) || config.file}`
  return 'the default output folder'
}

/** True when `path` is `folder` or lies inside it. */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}
