/**
 * The key of an artifact: a hash of everything it is built from. Equal keys
 * mean equal bytes, so a build can skip it; mtimes play no part.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { PACKAGE_ROOT } from '../package-root.js'
import { codeFingerprint, listFiles } from '../code-fingerprint.js'
import type { Format } from '../config/config-schema.js'
import type { ResolvedConfig } from '../config/load-config.js'
import type { Brand, BrandFont } from '../config/brand.js'
import { stampsSourceDate, templateReads, templatesRead } from '../render/registry.js'
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
  /** Fingerprint of the templates, styles and catalogs the format reads. */
  templates: string
  sourceDate: Date
  /** The edition notes the artifact shows. */
  changes: unknown
}

/** Hashes the inputs of one artifact. */
export function artifactKey(inputs: KeyInputs): string {
  const { file: _file, input: _input, out: _out, brand, ...config } = inputs.config
  return createHash('sha256')
    .update(VERSION)
    .update(contentJson([inputs.format, inputs.locale, datedBy(inputs.format) ? inputs.sourceDate.toISOString() : null, config, brandIdentity(brand), inputs.templates, inputs.changes]))
    .update(treeHash(inputs.tree))
    .digest('hex')
}

/** Whether `format`'s bytes carry the build's date; a format casebook does not know is assumed to. */
function datedBy(format: string): boolean {
  return (stampsSourceDate as Record<string, boolean>)[format] ?? true
}

/**
 * What of the brand an artifact shows, small enough to hash every build: the logo by its sha256
 * (not its bytes, nor its path: a renamed copy changes nothing) and each font face by its family
 * and fingerprint (a package's name and version, a file's sha256).
 */
export function brandIdentity(brand: Brand): unknown {
  const face = (font: BrandFont) => ({
    latin: font.latin && { family: font.latin.family, fingerprint: font.latin.fingerprint ?? font.latin.source },
    cjk: font.cjk && { family: font.cjk.family, fingerprint: font.cjk.fingerprint ?? font.cjk.source },
  })
  const { logo, fonts, ...rest } = brand
  return { ...rest, logo: logo && { sha256: logo.sha256, type: logo.type, width: logo.width, height: logo.height }, fonts: { body: face(fonts.body), headings: face(fonts.headings) } }
}

/**
 * Each format's fingerprint: the template files it reads (registry.ts says which) (the user's copy of a file where there is
 * one, else casebook's; by path and content, so a byte-for-byte copy changes nothing), casebook's
 * code and the installed dependency set (fonts, docx, the browser driver), which the running code
 * and the lock file pin; and the content of a file the config names for the format (`configFiles`).
 */
export async function fingerprintTemplates(dirs: string[], configFiles: Partial<Record<Format, string | undefined>> = {}): Promise<Map<Format, string>> {
  const effective = new Map<string, string>()
  for (const dir of dirs) {
    for (const file of await listFiles(dir)) {
      const name = relative(dir, file).split(sep).join('/')
      if (!effective.has(name)) effective.set(name, file)
    }
  }
  const names = [...effective.keys()].sort()
  const contents = new Map(await Promise.all(names.map(async (name) => [name, await readFile(effective.get(name)!)] as const)))
  const code = await codeFingerprint()
  const lock = await readFile(join(PACKAGE_ROOT, 'package-lock.json')).catch(() => null)
  const fingerprints = new Map<Format, string>()
  for (const [format, reads] of Object.entries(templatesRead) as Array<[Format, readonly string[]]>) {
    const hash = createHash('sha256')
    for (const name of names) if (reads.some((read) => templateReads(read, name))) hash.update(name).update('\0').update(contents.get(name)!)
    // A file the config names for this format (a reference .docx, a .pptx template): edited in place, its path alone would not change.
    const named = configFiles[format]
    // One that cannot be read is the renderer's to report, as a config error.
    if (named) hash.update('\0config\0').update(await readFile(named).catch(() => Buffer.from('unreadable')))
    hash.update(code)
    if (lock) hash.update(lock)
    fingerprints.set(format, hash.digest('hex'))
  }
  return fingerprints
}
