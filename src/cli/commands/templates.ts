/** `casebook templates eject [DIR]`: casebook's templates copied into DIR to edit, and how to use them. */
import { relative } from 'node:path'
import { ejectTemplates } from '../../config/eject-templates.js'

/** Copies the templates, prints each file written and the `templates:` line for casebook.yaml. */
export async function eject(dir: string | undefined, options: { force?: boolean }): Promise<void> {
  const { dir: target, files } = await ejectTemplates(dir ?? 'templates', { force: options.force })
  const shown = relative(process.cwd(), target) || '.'
  for (const file of files) process.stdout.write(`wrote ${shown}/${file}\n`)
  process.stdout.write(`\nAdd this line to casebook.yaml (the path is relative to that file):\n\ntemplates: ${shown}\n\nBuilt unchanged, the folder gives the same pack; delete what you do not change, and casebook's own copy is used.\n`)
}
