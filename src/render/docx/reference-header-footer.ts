/**
 * A reference document's running header and footer (its section's default
 * ones), which replace casebook's when it has them, with what they show: their
 * pictures (a logo) are copied into word/media/ under names of their own.
 */
import { posix } from 'node:path'
import { ConfigError } from '../../errors.js'
import { partText, setPartText, type PackageParts } from '../../io/reproducible-zip.js'
import { relationshipTargets, relsPath, sectionParts } from './section-parts.js'
import { escapeXml } from './xml-escape.js'

/** A header or footer part taken from the reference, with the parts it refers to. */
export interface ReferencePart {
  xml: string
  relationships: Array<{ id: string; type: string; target: string; external: boolean; part?: { bytes: Uint8Array; contentType: string } }>
}

/** The default header and footer of the reference at `file`, where it has them; one naming a part the file lacks is a config error. */
export function referenceHeaderFooter(parts: PackageParts, file: string, where = 'docx.referenceDoc'): { header?: ReferencePart; footer?: ReferencePart } {
  const section = sectionParts(parts)
  const read = (path: string | undefined): ReferencePart | undefined => {
    const xml = path ? partText(parts, path) : undefined
    // A part with nothing to show (no text, picture or field) is as good as none: casebook's stays.
    if (!path || !xml || !/<w:t[ >]|<w:drawing|<w:pict|<w:fldSimple|<w:instrText/.test(xml)) return undefined
    const relationships = [...relationshipTargets(parts, relsPath(path)).values()].map((relationship) => {
      if (relationship.external) return relationship
      // Targets are relative to the part's folder, or to the package with a leading slash.
      const target = relationship.target.startsWith('/') ? relationship.target.slice(1) : posix.normalize(posix.join(posix.dirname(path), relationship.target))
      const bytes = parts.get(target)
      if (!bytes) throw new ConfigError(`${where}: the ${posix.basename(path, '.xml').replace(/\d+$/, '')} of ${file} (${path}) shows ${target}, which the file does not contain; save it again from Word or LibreOffice`)
      return { ...relationship, part: { bytes: Array.isArray(bytes) ? Buffer.concat(bytes) : bytes, contentType: contentType(parts, target) } }
    })
    return { xml, relationships }
  }
  return { header: read(section.headers.get('default')), footer: read(section.footers.get('default')) }
}

/** Writes `reference` as the part at `path` (a header or footer of ours), its pictures as word/media/reference-`name`-… */
export function applyReferencePart(parts: PackageParts, path: string, reference: ReferencePart, name: string): void {
  setPartText(parts, path, reference.xml)
  const relationships = reference.relationships.map((relationship, index) => {
    let target = relationship.target
    if (relationship.part) {
      const extension = posix.extname(relationship.target).toLowerCase() || '.bin'
      target = `media/reference-${name}-${index + 1}${extension}`
      parts.set(`word/${target}`, relationship.part.bytes)
      declareExtension(parts, extension.slice(1), relationship.part.contentType)
    }
    return `<Relationship Id="${escapeXml(relationship.id)}" Type="${escapeXml(relationship.type)}" Target="${escapeXml(target)}"${relationship.external ? ' TargetMode="External"' : ''}/>`
  })
  setPartText(parts, relsPath(path), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`)
}

/** The content type of `path` as the package declares it (an Override, else the Default for its extension). */
function contentType(parts: PackageParts, path: string): string {
  const types = partText(parts, '[Content_Types].xml') ?? ''
  const override = new RegExp(`<Override\\b[^>]*PartName="/${escapeRegExp(path)}"[^>]*>`, 'i').exec(types)?.[0]
  const extension = posix.extname(path).slice(1)
  const fallback = new RegExp(`<Default\\b[^>]*Extension="${escapeRegExp(extension)}"[^>]*>`, 'i').exec(types)?.[0]
  return /ContentType="([^"]+)"/.exec(override ?? fallback ?? '')?.[1] ?? 'application/octet-stream'
}

/** Declares `extension` in [Content_Types].xml unless it already is. */
export function declareExtension(parts: PackageParts, extension: string, type: string): void {
  const types = partText(parts, '[Content_Types].xml') ?? ''
  if (new RegExp(`<Default\\b[^>]*Extension="${escapeRegExp(extension)}"`, 'i').test(types)) return
  setPartText(parts, '[Content_Types].xml', types.replace('</Types>', `<Default ContentType="${escapeXml(type)}" Extension="${escapeXml(extension)}"/></Types>`))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
