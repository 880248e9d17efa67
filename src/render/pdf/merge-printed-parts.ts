/**
 * Joins the PDFs Chromium printed for consecutive parts of one document
 * into one PDF, as if it had been printed whole: one page tree, one
 * structure tree (tags), one outline nested by heading level, one set of
 * named destinations (so a contents link in the first part reaches a case
 * printed in the fifth) and one ID tree.
 *
 * Every object of every part is copied once, renumbered; streams are copied
 * byte for byte. Only the document-level objects are written anew. Reading
 * and writing follow the light reader's assumptions (`chromium-pdf.ts`):
 * classic xref tables and plain dictionaries, which is what Skia writes.
 */
import { readChromiumPdf, reference, UnsupportedPdfError, type ChromiumPdf } from '../shared/chromium-pdf.js'
import { destinationEntries, destinationId } from './read-destinations.js'

/** One part as read: its special objects, found once. */
interface Part {
  pdf: ChromiumPdf
  /** In-use object numbers, in file order, with where each ends. */
  objects: Array<{ number: number; start: number; end: number }>
  catalog: number
  pages: number
  structRoot: number
  document: number
  parentTree: number
  nextKey: number
  outlines: number | undefined
  dests: number | undefined
  idTree: number | undefined
  /** Objects left out: the document-level ones, replaced by the merged ones. */
  gone: Set<number>
  /** Outline entries: kept, but written anew (nested across parts). */
  outlineItems: Set<number>
  /** Structure element ids (`(node00000463)`, as written), sorted. */
  ids: string[]
}

/** One printed part, and the names of the destinations that are its own (others may be stand-ins). */
export interface PrintedPdfPart {
  bytes: Uint8Array
  /** When given, only these named destinations (decoded ids) are taken from this part. */
  destinations?: Set<string>
}

/** The parts joined, as one PDF's bytes. Throws UnsupportedPdfError for a part laid out other than Skia's way. */
export function mergePrintedParts(parts: PrintedPdfPart[]): Uint8Array {
  const read = parts.map(({ bytes }) => readPart(readChromiumPdf(bytes)))
  // New numbers: every kept object of every part in order, then the merged document-level objects.
  const numbering = read.map(() => new Map<number, number>())
  let next = 1
  read.forEach((part, index) => {
    for (const { number } of part.objects) if (!part.gone.has(number)) numbering[index].set(number, next++)
  })
  const merged = {
    catalog: next++,
    pagesRoot: next++,
    structRoot: next++,
    document: next++,
    parentTree: next++,
    idTree: next++,
    dests: next++,
    outlines: next++,
  }
  // A part's own structure root and document element stand for the merged ones.
  read.forEach((part, index) => {
    numbering[index].set(part.structRoot, merged.structRoot)
    numbering[index].set(part.document, merged.document)
  })
  const first = read[0]
  // Structure element ids are the tab's DOM node ids: two tabs may use the same one. Each part's are renumbered after the last part's.
  let idCount = 0
  const idNames = read.map((part) => new Map(part.ids.map((id) => [id, `(node${String(++idCount).padStart(8, '0')})`])))
  const tags = subsetTags(read)

  // The file in order: runs of text written by the merge, each turned into bytes once, and stretches of the parts' own bytes (streams).
  const out: Uint8Array[] = []
  let text: string[] = []
  const offsets: number[] = []
  let length = 0
  const header = first.pdf.text.slice(0, Math.min(...first.objects.map((object) => object.start)))
  const emit = (piece: string | Uint8Array) => {
    length += piece.length
    if (typeof piece === 'string') return void text.push(piece)
    out.push(Buffer.from(text.join(''), 'latin1'), piece)
    text = []
  }
  emit(header)
  const write = (number: number, body: string) => {
    offsets[number] = length
    emit(`${number} 0 obj\n${body}\nendobj\n`)
  }

  const documentKids: string[] = []
  const parentTree: string[] = []
  const names: Array<[string, string]> = []
  const destinations: string[] = []
  const outline: OutlineItem[] = []
  let keyBase = 0
  read.forEach((part, index) => {
    const renumber = (number: number) => {
      const mapped = numbering[index].get(number)
      if (mapped === undefined) throw new UnsupportedPdfError(`object ${number} of part ${index + 1} is referred to but not kept`)
      return mapped
    }
    const shift = (text: string) => rewrite(text, renumber, keyBase, idNames[index], tags[index])
    const { pdf } = part
    for (const { number, start, end } of part.objects) {
      if (part.gone.has(number) || part.outlineItems.has(number)) continue
      const source = pdf.text.slice(start, end)
      const headerEnd = source.indexOf('obj') + 3
      const valueEnd = endOfValue(source, headerEnd)
      let value = shift(source.slice(headerEnd, valueEnd))
      if (number === part.pages) value = value.replace(/>>\s*$/, `\n/Parent ${merged.pagesRoot} 0 R>>`)
      offsets[renumber(number)] = length
      emit(`${renumber(number)} 0 obj${value}`)
      // The rest (a stream's bytes, `endobj`) is copied as it is.
      emit(parts[index].bytes.subarray(start + valueEnd, end))
    }
    documentKids.push(...refs(arrayOrOne(pdf.object(part.document), 'K')).map((kid) => `${renumber(kid)} 0 R`))
    // The parent tree's keys are the pages' /StructParents and the annotations' /StructParent, shifted above the parts before.
    for (const [key, value] of numberTree(pdf, part.parentTree, 'Nums')) parentTree.push(`${Number(key) + keyBase} ${shift(value)}`)
    if (part.idTree !== undefined) for (const [key, value] of numberTree(pdf, part.idTree, 'Names')) names.push([idNames[index].get(key) ?? key, shift(value)])
    if (part.dests !== undefined) destinations.push(...namedDestinations(pdf.object(part.dests), parts[index].destinations).map(shift))
    if (part.outlines !== undefined) outline.push(...outlineItems(pdf, part.outlines, renumber))
    keyBase += part.nextKey
  })

  // The new and rewritten document-level objects.
  const catalog = inner(first.pdf.object(first.catalog))
    .replace(/\/Pages\s+\d+\s+\d+\s+R/, '')
    .replace(/\/Dests\s+\d+\s+\d+\s+R/, '')
    .replace(/\/Outlines\s+\d+\s+\d+\s+R/, '')
    .replace(/\/StructTreeRoot\s+\d+\s+\d+\s+R/, '')
  const outlineEntry = outline.length ? `\n/Outlines ${merged.outlines} 0 R` : ''
  const renumberFirst = (number: number) => numbering[0].get(number) ?? number
  write(merged.catalog, `<<${rewrite(catalog.trim(), renumberFirst, 0)}\n/Pages ${merged.pagesRoot} 0 R\n/Dests ${merged.dests} 0 R\n/StructTreeRoot ${merged.structRoot} 0 R${outlineEntry}>>`)
  const partPages = read.map((part, index) => numbering[index].get(part.pages)!)
  const pageCount = read.reduce((sum, part) => sum + part.pdf.pages().length, 0)
  write(merged.pagesRoot, `<</Type /Pages\n/Count ${pageCount}\n/Kids [${partPages.map((number) => `${number} 0 R`).join(' ')}]>>`)
  write(merged.dests, `<<${destinations.join('\n')}>>`)
  names.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  write(merged.idTree, `<</Names [${names.map(([key, value]) => `${key} ${value}`).join(' ')}]>>`)
  write(merged.structRoot, `<</Type /StructTreeRoot\n/K ${merged.document} 0 R\n/ParentTreeNextKey ${keyBase}\n/ParentTree ${merged.parentTree} 0 R\n/IDTree ${merged.idTree} 0 R>>`)
  write(merged.parentTree, `<</Type /ParentTree\n/Nums [${parentTree.join(' ')}]>>`)
  const documentElement = inner(first.pdf.object(first.document)).replace(/\/K\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/, '')
  write(merged.document, `<<${rewrite(documentElement.trim(), renumberFirst, 0)}\n/K [${documentKids.join(' ')}]>>`)
  writeOutline(outline, merged.outlines, write)

  const size = next
  const xref = [`xref\n0 ${size}\n0000000000 65535 f \n`]
  for (let number = 1; number < size; number++) {
    const at = offsets[number]
    if (at === undefined) throw new UnsupportedPdfError(`merged object ${number} was never written`)
    xref.push(`${String(at).padStart(10, '0')} 00000 n \n`)
  }
  const startxref = length
  emit(`${xref.join('')}trailer\n<</Size ${size}\n/Root ${merged.catalog} 0 R>>\nstartxref\n${startxref}\n%%EOF\n`)
  out.push(Buffer.from(text.join(''), 'latin1'))
  return Buffer.concat(out)
}

/** Finds a part's document-level objects and lists its objects with their extents. */
function readPart(pdf: ChromiumPdf): Part {
  const catalog = pdf.trailer.root
  const catalogText = pdf.object(catalog)
  const need = (dictionary: string, key: string, what: string) => {
    const number = reference(dictionary, key)
    if (number === undefined) throw new UnsupportedPdfError(`the printed part has no ${what}`)
    return number
  }
  const pages = need(catalogText, 'Pages', 'page tree')
  const structRoot = need(catalogText, 'StructTreeRoot', 'structure tree (was it printed tagged?)')
  const rootText = pdf.object(structRoot)
  const document = need(rootText, 'K', 'document structure element')
  const parentTree = need(rootText, 'ParentTree', 'parent tree')
  const nextKey = Number(/\/ParentTreeNextKey\s+(\d+)/.exec(rootText)?.[1] ?? NaN)
  if (!Number.isInteger(nextKey)) throw new UnsupportedPdfError('the structure tree root has no /ParentTreeNextKey')
  const outlines = reference(catalogText, 'Outlines')
  const dests = reference(catalogText, 'Dests')
  const idTree = reference(rootText, 'IDTree')
  // The document element's children move to the merged one.
  const gone = new Set<number>([catalog, structRoot, document, ...treeNodes(pdf, parentTree)])
  if (pdf.trailer.info !== undefined) gone.add(pdf.trailer.info)
  if (dests !== undefined) gone.add(dests)
  if (outlines !== undefined) gone.add(outlines)
  if (idTree !== undefined) for (const node of treeNodes(pdf, idTree)) gone.add(node)
  const outlineItems = new Set<number>()
  const visit = (number: number | undefined) => {
    for (; number !== undefined; number = reference(pdf.object(number), 'Next')) {
      outlineItems.add(number)
      visit(reference(pdf.object(number), 'First'))
    }
  }
  if (outlines !== undefined) visit(reference(pdf.object(outlines), 'First'))
  // Where each object ends: at the next object's start, or at the xref table.
  const starts = [...objectNumbers(pdf)].map((number) => ({ number, start: pdf.offset(number) })).sort((a, b) => a.start - b.start)
  const objects = starts.map((object, index) => ({ ...object, end: index + 1 < starts.length ? starts[index + 1].start : firstXref(pdf) }))
  const ids = [...new Set(Array.from(pdf.text.matchAll(/\/ID\s*(\(node\d+\))/g), (match) => match[1]))].sort()
  return { pdf, objects, catalog, pages, structRoot, document, parentTree, nextKey, outlines, dests, idTree, gone, outlineItems, ids }
}

/** In-use object numbers of a single-section file (Chromium writes one xref table). */
function* objectNumbers(pdf: ChromiumPdf): Generator<number> {
  for (let number = 1; number < pdf.trailer.size; number++) {
    try {
      pdf.offset(number)
    } catch {
      continue
    }
    yield number
  }
}

/** Where the first (oldest) xref table starts: everything before it is objects. */
function firstXref(pdf: ChromiumPdf): number {
  const at = pdf.text.lastIndexOf('\nxref')
  if (at < 0) throw new UnsupportedPdfError('no xref table')
  return at + 1
}

/** The nodes of a number or name tree, the root included. */
function treeNodes(pdf: ChromiumPdf, root: number): number[] {
  const nodes = [root]
  for (const kid of refs(arrayOrOne(pdf.object(root), 'Kids'))) nodes.push(...treeNodes(pdf, kid))
  return nodes
}

/** The key–value pairs of a number tree (`Nums`) or name tree (`Names`), in order; values as their text. */
function numberTree(pdf: ChromiumPdf, root: number, key: 'Nums' | 'Names'): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const node of treeNodes(pdf, root)) {
    const array = arrayOrOne(pdf.object(node), key)
    const tokens = Array.from(array.matchAll(/\d+\s+\d+\s+R|\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|[-\d.]+/g), (match) => match[0])
    for (let index = 0; index + 1 < tokens.length; index += 2) pairs.push([tokens[index], tokens[index + 1]])
  }
  return pairs
}

/** The entries (`/name [ … ]` or `/name N 0 R`) of a /Dests dictionary, only those named in `own` when it is given. */
function namedDestinations(dictionary: string, own: Set<string> | undefined): string[] {
  return destinationEntries(inner(dictionary))
    .filter(({ name }) => !own || own.has(destinationId(name)))
    .map(({ name, value }) => `/${name} ${value}`)
}

/** The text of `/Key [ … ]` (the inside) or `/Key N 0 R` in a dictionary; empty when absent. */
function arrayOrOne(dictionary: string, key: string): string {
  const match = new RegExp(`/${key}\\s*(?:\\[([^\\]]*)\\]|(\\d+\\s+\\d+\\s+R))`).exec(dictionary)
  return match ? (match[1] ?? match[2]) : ''
}

/** The object numbers referred to in `text`. */
function refs(text: string): number[] {
  return Array.from(text.matchAll(/(\d+)\s+\d+\s+R/g), (match) => Number(match[1]))
}

/** The inside of an object's dictionary, without `N 0 obj <<` and `>>`. */
function inner(object: string): string {
  return object.slice(object.indexOf('<<') + 2, object.lastIndexOf('>>'))
}

/**
 * `text` with every reference renumbered, every /StructParent(s) key
 * shifted by `keyBase` and every font's subset tag replaced as `tags` says,
 * outside strings (a title may read “1 0 R”); strings that are structure
 * element ids renamed by `ids`.
 */
function rewrite(text: string, renumber: (number: number) => number, keyBase: number, ids?: Map<string, string>, tags?: Map<string, string>): string {
  const plain = (segment: string) =>
    segment.replace(REWRITTEN, (_, number?: string, rest?: string, key?: string, value?: string, font?: string, tag?: string) => {
      if (number !== undefined) return `${renumber(Number(number))}${rest}`
      if (key !== undefined) return `${key}${Number(value) + keyBase}`
      return `${font}${tags?.get(tag!) ?? tag}+`
    })
  // Most objects (structure elements) hold no string.
  if (!/[(<]/.test(text.replace(/<<|>>/g, ''))) return plain(text)
  let result = ''
  let at = 0
  const strings = /<<|\(|</g
  for (let match = strings.exec(text); match; match = strings.exec(text)) {
    if (match[0] === '<<') continue
    const end = endOfString(text, match.index)
    const string = text.slice(match.index, end)
    result += plain(text.slice(at, match.index)) + (ids?.get(string) ?? string)
    at = strings.lastIndex = end
  }
  return result + plain(text.slice(at))
}

/** A font's subset tag where a font is named: `/BaseFont /AAAAAA+NotoSerif-Regular`, and its descriptor's /FontName. */
const SUBSET_TAG = /(\/(?:BaseFont|FontName)\s*\/)([A-Z]{6})\+/g

/** What `rewrite` changes outside strings, in one pass: references, parent tree keys, subset tags. */
const REWRITTEN = new RegExp(String.raw`(\d+)(\s+\d+\s+R)\b|(\/StructParents?\s+)(\d+)|` + SUBSET_TAG.source, 'g')

/**
 * New subset tags, by part. Each part is a PDF of its own, whose subsets Skia tags AAAAAA, BAAAAA, …
 * from the start, so joined, different subsets would share a name, which the PDF standard forbids
 * (ISO 32000-1, 9.6.4) and a viewer or printer that keeps fonts by name would draw with the wrong one.
 * The first part keeps its tags; a later part's tag that an earlier part uses becomes one no part uses.
 */
function subsetTags(read: Part[]): Array<Map<string, string>> {
  const found = read.map((part) => new Set(Array.from(part.pdf.text.matchAll(SUBSET_TAG), (match) => match[2])))
  const used = new Set(found.flatMap((tags) => [...tags]))
  const taken = new Set<string>()
  let counter = 0
  const fresh = () => {
    for (; ; counter++) {
      const tag = Array.from({ length: 6 }, (_, place) => String.fromCharCode(65 + (Math.floor(counter / 26 ** (5 - place)) % 26))).join('')
      if (!used.has(tag)) {
        used.add(tag)
        return tag
      }
    }
  }
  return found.map((tags) => {
    const map = new Map([...tags].sort().map((tag) => [tag, taken.has(tag) ? fresh() : tag] as const))
    for (const tag of map.values()) taken.add(tag)
    return map
  })
}

/** The index just past the string starting at `start`: a literal `( … )` with nesting and escapes, or hex `< … >`. */
function endOfString(text: string, start: number): number {
  if (text[start] === '<') {
    const close = text.indexOf('>', start)
    return close < 0 ? text.length : close + 1
  }
  let depth = 0
  for (let index = start; index < text.length; index++) {
    const char = text[index]
    if (char === '\\') index++
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return index + 1
  }
  return text.length
}

/** Where the object's value (after `N 0 obj`) ends: before `stream` or `endobj`, found outside strings. */
function endOfValue(source: string, from: number): number {
  let depth = 0
  for (let index = from; index < source.length; index++) {
    const char = source[index]
    if (char === '(' || (char === '<' && source[index + 1] !== '<')) {
      index = endOfString(source, index) - 1
    } else if (char === '<' || char === '[') {
      depth++
      if (char === '<') index++
    } else if (char === '>' || char === ']') {
      depth--
      if (char === '>') index++
      if (depth === 0) return index + 1
    } else if (depth === 0 && source.startsWith('endobj', index)) {
      return index
    }
  }
  return source.length
}

/** One outline entry: its object, heading level (from its structure element) and the text kept from it. */
interface OutlineItem {
  number: number
  level: number
  /** /Title, /Dest and /SE, renumbered. */
  fields: string
}

/** A part's outline entries in order, each with the level of the heading it was made from. */
function outlineItems(pdf: ChromiumPdf, root: number, renumber: (number: number) => number): OutlineItem[] {
  const items: OutlineItem[] = []
  const visit = (number: number | undefined, depth: number) => {
    while (number !== undefined) {
      const text = pdf.object(number)
      const element = reference(text, 'SE')
      // Skia makes the outline from H1–H6 structure elements; without one, the depth stands in.
      const level = element === undefined ? depth : Number(/\/S\s*\/H(\d)\b/.exec(pdf.object(element))?.[1] ?? depth)
      const kept = inner(text)
        .replace(/\/(Parent|First|Last|Prev|Next)\s+\d+\s+\d+\s+R/g, '')
        .replace(/\/Count\s+-?\d+/, '')
        .trim()
      items.push({ number: renumber(number), level, fields: rewrite(kept, renumber, 0) })
      visit(reference(text, 'First'), depth + 1)
      number = reference(text, 'Next')
    }
  }
  visit(reference(pdf.object(root), 'First'), 1)
  return items
}

/**
 * Writes the outline root and its entries, nested as Skia nests headings: each entry under
 * the nearest entry before it of a lower level; all open, /Count the number of descendants.
 */
function writeOutline(items: OutlineItem[], root: number, write: (number: number, body: string) => void): void {
  interface Node {
    item?: OutlineItem
    number: number
    parent?: Node
    children: Node[]
  }
  const top: Node = { number: root, children: [] }
  const stack: Node[] = [top]
  for (const item of items) {
    while (stack.length > 1 && stack[stack.length - 1].item!.level >= item.level) stack.pop()
    const node: Node = { item, number: item.number, parent: stack[stack.length - 1], children: [] }
    node.parent!.children.push(node)
    stack.push(node)
  }
  const count = (node: Node): number => node.children.reduce((sum, child) => sum + 1 + count(child), 0)
  const links = (node: Node) => {
    const { children } = node
    return children.length ? `\n/First ${children[0].number} 0 R\n/Last ${children[children.length - 1].number} 0 R\n/Count ${count(node)}` : ''
  }
  write(root, `<</Type /Outlines${links(top)}>>`)
  const visit = (node: Node) => {
    node.children.forEach((child, index) => {
      const siblings = node.children
      const prev = index > 0 ? `\n/Prev ${siblings[index - 1].number} 0 R` : ''
      const next = index + 1 < siblings.length ? `\n/Next ${siblings[index + 1].number} 0 R` : ''
      write(child.number, `<<${child.item!.fields}\n/Parent ${node.number} 0 R${prev}${next}${links(child)}>>`)
      visit(child)
    })
  }
  visit(top)
}
