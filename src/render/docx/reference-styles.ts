/**
 * A user's reference .docx (like pandoc's --reference-doc) supplies the styles
 * (table styles too: a Casebook Table or Casebook Overview of its own restyles
 * those tables) and its running header and footer.
 * The docx library's defaults would overwrite external styles
 * (dolanmiu/docx#3422), so the reference's styles.xml replaces ours in the
 * package instead; styles it lacks (say TOC 2) are added from ours, so nothing
 * falls back to Normal.
 */
import { readFile } from 'node:fs/promises'
import { ConfigError } from '../../errors.js'
import { partText, readPackage, setPartText, type PackageParts } from '../../io/reproducible-zip.js'
import { referenceHeaderFooter, type ReferencePart } from './reference-header-footer.js'

/** The reference document's parts that carry its look. */
export interface ReferenceStyles {
  styles: string
  theme?: string
  /** Its running header and footer, which replace casebook's. */
  header?: ReferencePart
  footer?: ReferencePart
}

/**
 * Reads the styles (and theme) of the reference document at `path`; `where` names the key that
 * names it (`casebook.yaml: config key “docx.referenceDoc”`) in messages.
 */
export async function readReferenceStyles(path: string, where = 'docx.referenceDoc'): Promise<ReferenceStyles> {
  let parts: PackageParts
  try {
    parts = readPackage(await readFile(path))
  } catch (error) {
    throw new ConfigError(`${where}: cannot read ${path} as a .docx file: ${(error as Error).message}`, { cause: error })
  }
  const styles = partText(parts, 'word/styles.xml')
  if (!styles) throw new ConfigError(`${where}: ${path} has no word/styles.xml, so it has no styles to use`)
  return { styles, theme: partText(parts, 'word/theme/theme1.xml'), ...referenceHeaderFooter(parts, path, where) }
}

/** Puts the reference's styles (and theme) into the package; the reference wins wherever both define a style. */
export function applyReferenceStyles(parts: PackageParts, reference: ReferenceStyles): void {
  const ours = partText(parts, 'word/styles.xml') ?? ''
  const theirIds = new Set([...reference.styles.matchAll(STYLE)].map((match) => match[1]))
  const missing = [...ours.matchAll(STYLE)].filter((match) => !theirIds.has(match[1])).map((match) => match[0])
  setPartText(parts, 'word/styles.xml', reference.styles.replace(/<\/w:styles>\s*$/, `${missing.join('')}</w:styles>`))
  if (reference.theme && parts.has('word/theme/theme1.xml')) setPartText(parts, 'word/theme/theme1.xml', reference.theme)
}

/** A whole style element and its id; styles never nest. */
const STYLE = /<w:style\b[^>]*?\bw:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g
