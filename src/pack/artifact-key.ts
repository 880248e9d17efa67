/**
 * The key of an artifact: a hash of everything it is built from. Equal keys
 * mean equal bytes, so a build can skip it; mtimes play no part.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { PACKAGE_ROOT } from '../package-root.js'
import { codeFingerprint, listFiles } from '../code-fingerprint.js'
import type { ResolvedConfig } from '../config/load-config.js'
import { contentJson } from '../text/content-json.js'
import type { CaseDocument } from '../types.js'
import { treeHash } from '../edition/tree-summary.js'
import { VERSION } from '../version.js'

/** What one artifact depends on. */
export interface KeyInputs {
  format: string
  locale: string
  /** The localized tree the renderer sees. */
  tree: CaseDocument
  config: ResolvedConfig
  /** Fingerprint of the template folders (templates, styles, catalogs). */
  templates: string
  sourceDate: Date
  /** The edition notes the artifact shows. */
  changes: unknown
}

/** Hashes the inputs of one artifact. */
export function artifactKey(inputs: KeyInputs): string {
  const { file: _file, input: _input, out: _out, ...config } = inputs.config
  return createHash('sha256')
    .update(VERSION)
    .update(contentJson([inputs.format, inputs.locale, inputs.sourceDate.toISOString(), config, inputs.templates, inputs.changes]))
    .update(treeHash(inputs.tree))
    .digest('hex')
}

/** A hash of every file under the template folders, of casebook's code and of the installed dependency set. */
export async function fingerprintTemplates(dirs: string[]): Promise<string> {
  const hash = createHash('sha256')
  for (const dir of dirs) {
    for (const file of (await listFiles(dir)).sort()) hash.update(relative(dir, file)).update(await readFile(file))
  }
  // casebook's own code and its dependencies (fonts, docx, the browser driver)
  // change output too: the running code and the lock file pin them.
  hash.update(await codeFingerprint())
  const lock = await readFile(join(PACKAGE_ROOT, 'package-lock.json')).catch(() => null)
  if (lock) hash.update(lock)
  return hash.digest('hex')
}
