/**
 * The scaffold package (styles, numbering, header, footer, settings: the
 * .docx around the body) kept on disk by what it is made from, so a build
 * whose scaffold was made before neither loads nor runs the docx library:
 * that took ~140 ms of a 1,000-case build. The key holds the scaffold's
 * inputs, the docx library's version and the code that builds it.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RenderContext } from '../renderer.js'
import { writeFiles } from '../../io/write-files.js'
import { codeFingerprint } from '../../code-fingerprint.js'
import { cacheFolderBeside, packageFolder } from '../../dependency-cache.js'
import type { DocxFonts } from './docx-fonts.js'
import { docxPage } from './docx-page.js'
import { styleLook } from './docx-look.js'
import type { ScaffoldSpec } from './build-docx-document.js'

/** What the scaffold of `title` depends on in `context`: fonts, page size and the brand's look. */
export function scaffoldSpec(title: string, context: RenderContext, fonts: DocxFonts): ScaffoldSpec {
  return { title, fonts, pageSize: docxPage(context).size, look: styleLook(context.config.brand) }
}

/** The packed scaffold for `spec`: from the cache, or built (and cached, where the cache folder is writable). */
export async function docxScaffold(spec: ScaffoldSpec): Promise<Uint8Array> {
  const key = createHash('sha256')
    .update(JSON.stringify(spec))
    .update(await readFile(join(packageFolder('docx'), 'package.json')))
    .update(await codeFingerprint())
    .digest('hex')
  const folder = cacheFolderBeside('docx', 'casebook-docx')
  const cached = await readFile(join(folder, `${key}.docx`)).catch(() => null)
  if (cached) return cached
  // The library loads only here, when the cache has no such scaffold.
  const { scaffoldPackage } = await import('./build-docx-document.js')
  const bytes = await scaffoldPackage(spec)
  // A read-only install just goes without the cache.
  await writeFiles(folder, [{ path: `${key}.docx`, bytes }]).catch(() => undefined)
  return bytes
}

