/** Which parts a package's (last) section uses as its headers and footers, found through its relationships. */
import { partText, type PackageParts } from '../../io/reproducible-zip.js'

/** Header and footer part paths by kind (`default`, `first`, `even`). */
export interface SectionParts {
  headers: Map<string, string>
  footers: Map<string, string>
}

/** The header and footer parts the last w:sectPr of word/document.xml names (the one a single-section document has). */
export function sectionParts(parts: PackageParts): SectionParts {
  const document = partText(parts, 'word/document.xml') ?? ''
  const section = document.slice(document.lastIndexOf('<w:sectPr'))
  const targets = relationshipTargets(parts, 'word/_rels/document.xml.rels')
  const found = (kind: 'header' | 'footer'): Map<string, string> => {
    const map = new Map<string, string>()
    for (const match of section.matchAll(new RegExp(`<w:${kind}Reference\\b([^>]*)/>`, 'g'))) {
      const type = /w:type="([^"]+)"/.exec(match[1])?.[1] ?? 'default'
      const id = /r:id="([^"]+)"/.exec(match[1])?.[1]
      const target = id ? targets.get(id) : undefined
      if (target && !map.has(type)) map.set(type, wordPath(target.target))
    }
    return map
  }
  return { headers: found('header'), footers: found('footer') }
}

/** A relationship as a .rels part lists it. */
export interface Relationship {
  id: string
  type: string
  target: string
  external: boolean
}

/** The relationships of a .rels part, by id. */
export function relationshipTargets(parts: PackageParts, path: string): Map<string, Relationship> {
  const rels = partText(parts, path) ?? ''
  const map = new Map<string, Relationship>()
  for (const match of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(match[1])?.[1]
    const id = attribute('Id')
    const target = attribute('Target')
    if (id && target) map.set(id, { id, type: attribute('Type') ?? '', target, external: attribute('TargetMode') === 'External' })
  }
  return map
}

/** A target of word/'s relationships as a package path (`header1.xml` and `/word/header1.xml` → `word/header1.xml`). */
export function wordPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `word/${target}`
}

/** The .rels part of `path` (`word/header1.xml` → `word/_rels/header1.xml.rels`). */
export function relsPath(path: string): string {
  const at = path.lastIndexOf('/')
  return `${path.slice(0, at)}/_rels/${path.slice(at + 1)}.rels`
}
