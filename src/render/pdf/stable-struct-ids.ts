/**
 * Chromium names tagged-PDF structure elements after its internal DOM node
 * ids (`/ID (node00000463)`), which depend on what the browser did before.
 * Renumbering them in document order keeps the tags and makes the bytes reproducible.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib'

/** Replaces every structure element /ID, and the /Headers that cite them, with ids in object order. */
export function stabiliseStructIds(document: PDFDocument): void {
  const renamed = new Map<string, string>()
  const elements: PDFDict[] = []
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue
    elements.push(object)
    const id = object.lookupMaybe(PDFName.of('ID'), PDFString, PDFHexString)
    if (!id) continue
    const name = `e${String(renamed.size + 1).padStart(8, '0')}`
    renamed.set(id.decodeText(), name)
    object.set(PDFName.of('ID'), PDFString.of(name))
  }
  for (const element of elements) {
    const attributes = element.lookup(PDFName.of('A'))
    const list = attributes instanceof PDFArray ? attributes.asArray().map((item) => document.context.lookup(item)) : [attributes]
    for (const dict of list) {
      const headers = dict instanceof PDFDict ? dict.lookupMaybe(PDFName.of('Headers'), PDFArray) : undefined
      if (!headers) continue
      for (let index = 0; index < headers.size(); index++) {
        const value = headers.lookup(index)
        const text = value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined
        const name = text === undefined ? undefined : renamed.get(text)
        if (name) headers.set(index, PDFString.of(name))
      }
    }
  }
}
