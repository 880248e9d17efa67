/** Paths inside an OPC package (.pptx): where a relationship's target is, and where a part's relationships are. */

/** A target relative to the part `from` names (`../media/a.png` from `ppt/slides/slide1.xml`), as a package path. */
export function targetPath(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const base = from.split('/').slice(0, -1)
  for (const segment of target.split('/')) {
    if (segment === '..') base.pop()
    else if (segment !== '.') base.push(segment)
  }
  return base.join('/')
}

/** The relationships part of `path` (`ppt/slides/_rels/slide1.xml.rels`). */
export function relsPath(path: string): string {
  return path.replace(/([^/]+)$/, '_rels/$1.rels')
}

/** The part whose relationships `rels` holds: the inverse of `relsPath`. */
export function sourcePath(rels: string): string {
  return rels.replace(/_rels\/([^/]+)\.rels$/, '$1')
}
