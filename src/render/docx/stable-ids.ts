/**
 * The docx library names hyperlink relationships with random ids (nanoid) and
 * numbers bookmarks (ids and the contents' `_Toc` names) from a process-wide counter. Both are renumbered here in
 * order of appearance, so a build's bytes do not depend on luck or on what the
 * process built before.
 */
import { partText, setPartText, type PackageParts } from './reproducible-zip.js'

/** Renumbers relationship ids of every part with a .rels file, and bookmark ids of the story parts. */
export function stabilizeIds(parts: PackageParts): void {
  for (const relsPath of [...parts.keys()].filter((path) => path.endsWith('.rels'))) {
    const partPath = relsPath.replace(/_rels\/([^/]+)\.rels$/, '$1')
    const rels = partText(parts, relsPath)
    const part = partText(parts, partPath)
    if (rels === undefined || part === undefined) continue
    const renamed = new Map<string, string>()
    for (const [, id] of rels.matchAll(/\bId="([^"]+)"/g)) {
      if (!/^rId\d+$/.test(id)) renamed.set(id, `rIdL${renamed.size + 1}`)
    }
    if (renamed.size === 0) continue
    const rename = (text: string, pattern: RegExp): string => text.replace(pattern, (match, prefix: string, id: string) => (renamed.has(id) ? `${prefix}"${renamed.get(id)}"` : match))
    setPartText(parts, relsPath, rename(rels, /(\bId=)"([^"]+)"/g))
    setPartText(parts, partPath, rename(part, /(\br:id=)"([^"]+)"/g))
  }
  for (const path of [...parts.keys()].filter((name) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(name))) {
    const text = partText(parts, path) as string
    const numbers = new Map<string, string>()
    const next = text.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=)"(\d+)"/g, (_match, prefix: string, id: string) => {
      if (!numbers.has(id)) numbers.set(id, String(numbers.size + 1))
      return `${prefix}"${numbers.get(id)}"`
    })
    // The contents' bookmark names (`_Toc<n>`) come from the same counter; they appear in the contents before the headings.
    const names = new Map<string, string>()
    const renamed = next.replace(/\b_Toc(\d+)\b/g, (_match, id: string) => {
      if (!names.has(id)) names.set(id, String(names.size + 1))
      return `_Toc${names.get(id)}`
    })
    setPartText(parts, path, renamed)
  }
}
