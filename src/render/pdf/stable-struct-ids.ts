/**
 * Chromium names tagged-PDF structure elements after its internal DOM node
 * ids (`/ID (node00000463)`), which depend on what the browser did before.
 * Renumbering them keeps the tags and makes the bytes reproducible.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib'

/**
 * Relabels every structure element /ID as `node1`, `node2`, … in the order of
 * the original ids, and rewrites each place that cites one (/Headers, the
 * /IDTree's /Names and /Limits). Keeping the order keeps the name tree sorted.
 */
export function stabiliseStructIds(document: PDFDocument): void {
  const ids: string[] = []
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue
    const id = object.lookupMaybe(PDFName.of('ID'), PDFString, PDFHexString)
    if (id) ids.push(id.decodeText())
  }
  if (ids.length === 0) return
  // Chromium pads its ids to equal width, so text order is numeric order.
  const sorted = [...new Set(ids)].sort()
  const width = String(sorted.length).length
  const renamed = new Map(sorted.map((id, index) => [id, `node${String(index + 1).padStart(width, '0')}`]))
  for (const [, object] of document.context.enumerateIndirectObjects()) rename(object, renamed)
}

/** Replaces, inside one object's dictionaries and arrays, every string that is a renamed id. */
function rename(object: PDFObject, renamed: Map<string, string>): void {
  const replace = (value: PDFObject): PDFObject | undefined => {
    if (value instanceof PDFString || value instanceof PDFHexString) {
      const name = renamed.get(value.decodeText())
      return name === undefined ? undefined : PDFString.of(name)
    }
    if (value instanceof PDFDict || value instanceof PDFArray) rename(value, renamed)
    return undefined
  }
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const next = replace(value)
      if (next) object.set(key, next)
    }
  } else if (object instanceof PDFArray) {
    for (let index = 0; index < object.size(); index++) {
      const next = replace(object.get(index))
      if (next) object.set(index, next)
    }
  }
}
