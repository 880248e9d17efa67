/**
 * `casebook init [DIR]`: a starter project, as peers scaffold one: a sample in content/, a
 * casebook.yaml naming every key (with its JSON Schema beside it, for editors), the GitHub
 * workflow, a .gitignore and a package.json. An existing file is never overwritten: it is skipped, and said.
 */
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { configJsonSchema } from '../../config/config-json-schema.js'
import { UsageError } from '../../errors.js'
import { writeFiles, type FileToWrite } from '../../io/write-files.js'
import { PACKAGE_ROOT } from '../../package-root.js'
import { VERSION } from '../../version.js'

/** Where each starter file comes from in casebook's package, by where it goes in the project. */
const STARTER: Record<string, string> = {
  'casebook.yaml': 'starter/casebook.yaml',
  'content/cases.md': 'starter/content/cases.md',
  'content/cases.en.md': 'starter/content/cases.en.md',
  // npm leaves files named .gitignore out of packages: it is shipped under another name.
  '.gitignore': 'starter/gitignore',
  '.github/workflows/briefing-pack.yml': '.github/workflows/briefing-pack.yml',
}

/** Writes the starter project into `dir` (default: the working folder) and lists what it wrote and skipped. */
export async function init(dir: string | undefined): Promise<void> {
  const target = dir ?? '.'
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`casebook init ${target}: that is a file; name a folder (a new one is made)`)
  const files: FileToWrite[] = []
  for (const [path, from] of Object.entries(STARTER)) files.push({ path, bytes: await readFile(join(PACKAGE_ROOT, from)) })
  files.push({ path: 'casebook.schema.json', bytes: JSON.stringify(configJsonSchema(), null, 2) + '\n' })
  // `npx casebook` in the workflow runs the version the project pins.
  files.push({ path: 'package.json', bytes: JSON.stringify({ private: true, scripts: { build: 'casebook build', check: 'casebook check content' }, devDependencies: { casebook: `^${VERSION}` } }, null, 2) + '\n' })
  const fresh = files.filter((file) => !existsSync(join(target, file.path)))
  await writeFiles(target, fresh)
  const shown = (path: string) => relative(process.cwd(), join(target, path)) || path
  for (const file of files) process.stderr.write(fresh.includes(file) ? `wrote ${shown(file.path)}\n` : `skipped ${shown(file.path)}: it exists, and is left as it is\n`)
  const cd = target === '.' ? '' : `cd ${target} && `
  process.stderr.write(`Next: ${cd}npm install (where casebook is not on your npm registry, install it from a copy: npm install --save-dev /path/to/casebook), then npx casebook build (the pack lands in out/); commit package-lock.json for the workflow.\n`)
}
