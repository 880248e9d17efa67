/**
 * `casebook templates eject`: casebook's templates, stylesheets, deck runtime and catalogs copied
 * into a folder of the user's to edit, as `pandoc -D` prints its defaults. Named by `templates:`
 * unchanged, the folder builds the very artifacts casebook's own templates do.
 */
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import { listFiles } from '../code-fingerprint.js'
import { UsageError } from '../errors.js'
import { outputError } from '../io/fs-errors.js'
import { writeFiles } from '../io/write-files.js'
import { BUILTIN_TEMPLATES } from './template-dirs.js'

/** What an eject wrote: the folder and its files, relative to it, sorted. */
export interface EjectResult {
  dir: string
  files: string[]
}

/** Copies casebook's templates into `dir`; a file already there is a usage error unless `force`. */
export async function ejectTemplates(dir: string, options: { force?: boolean; cwd?: string } = {}): Promise<EjectResult> {
  const target = resolve(options.cwd ?? process.cwd(), dir)
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`${dir} is a file; name a folder to copy the templates into`)
  const files = (await listFiles(BUILTIN_TEMPLATES)).map((path) => relative(BUILTIN_TEMPLATES, path).split(sep).join('/')).sort()
  const taken = files.filter((name) => existsSync(resolve(target, name)))
  if (taken.length > 0 && !options.force) {
    const shown = taken.slice(0, 5).join(', ') + (taken.length > 5 ? ` and ${taken.length - 5} more` : '')
    throw new UsageError(`${dir} already has ${shown}; nothing was copied. Pass --force to overwrite them, or name another folder`)
  }
  const contents = await Promise.all(files.map(async (name) => ({ path: name, bytes: await readFile(resolve(BUILTIN_TEMPLATES, name)) })))
  try {
    await writeFiles(target, contents)
  } catch (error) {
    throw outputError(error, target)
  }
  return { dir: target, files }
}
