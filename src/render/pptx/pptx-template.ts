/**
 * A user's own master (`pptx.template`), as the .docx takes a reference document: the
 * template's first slide master, its theme (colours, fonts) and its layouts replace casebook's
 * master and theme, and casebook's two layouts (title slide, content) hang under it with only
 * their placeholders, so the template's background, logo and decoration show on every slide.
 *
 * Limits, said in README: the slides keep casebook's 16:9 size and positions (their text is
 * placed by the deck's pagination, not by the template's placeholders) and their brand colours;
 * the template's own layouts are offered for new slides, and its slides are not copied.
 */
import { readFile } from 'node:fs/promises'
import { ConfigError } from '../../errors.js'
import { partText, readPackage, setPartText, type PackageParts } from '../../io/reproducible-zip.js'
import { relsPath, targetPath } from './package-paths.js'

/** The parts of a template that carry its look. */
export interface PptxTemplate {
  path: string
  master: string
  /** The master's relationships other than its layouts and theme (pictures), with their parts. */
  masterRels: Relationship[]
  theme: string
  layouts: Array<{ xml: string; rels: Relationship[] }>
}

interface Relationship {
  type: string
  /** The part's bytes, for a part inside the package; external targets are dropped. */
  bytes: Uint8Array
  /** The part's file extension (png, jpeg, …). */
  extension: string
  /** The relationship id the template's XML refers to it by. */
  id: string
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const LAYOUT_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml'

/** Reads the template at `path` (named in `configFile`); anything that is no usable .pptx is a config error (exit 2). */
export async function readTemplate(path: string, configFile: string | null): Promise<PptxTemplate> {
  const fail = (reason: string, cause?: unknown): never => {
    throw new ConfigError(`${configFile ? `${configFile}: config key “pptx.template”` : 'pptx.template'}: ${path} ${reason}`, cause ? { cause } : undefined)
  }
  let parts: PackageParts = new Map()
  try {
    parts = readPackage(await readFile(path))
  } catch (error) {
    fail(`cannot be read as a .pptx file: ${(error as Error).message}`, error)
  }
  const presentation = partText(parts, 'ppt/presentation.xml') ?? fail('has no ppt/presentation.xml, so it is no PowerPoint presentation')
  const masterId = /<p:sldMasterId\b[^>]*\br:id="([^"]+)"/.exec(presentation)?.[1] ?? fail('has no slide master')
  const masterPath = targetPath('ppt/presentation.xml', relationships(parts, 'ppt/presentation.xml').find((rel) => rel.id === masterId)?.target ?? fail('names a slide master it does not hold'))
  const master = partText(parts, masterPath) ?? fail(`lacks its slide master ${masterPath}`)
  const rels = relationships(parts, masterPath)
  const themeRel = rels.find((rel) => rel.type.endsWith('/theme')) ?? fail('has a slide master without a theme')
  const theme = partText(parts, targetPath(masterPath, themeRel.target)) ?? fail('lacks its theme')
  const layouts = rels
    .filter((rel) => rel.type.endsWith('/slideLayout'))
    .map((rel) => {
      const layoutPath = targetPath(masterPath, rel.target)
      const xml = partText(parts, layoutPath) ?? fail(`lacks its layout ${layoutPath}`)
      return { xml, rels: embedded(parts, layoutPath, relationships(parts, layoutPath).filter((item) => !item.type.endsWith('/slideMaster'))) }
    })
  const masterRels = embedded(parts, masterPath, rels.filter((rel) => !rel.type.endsWith('/slideLayout') && !rel.type.endsWith('/theme')))
  return { path, master, masterRels, theme, layouts }
}

/** Puts the template's master, theme and layouts into `parts` (a package pptxgenjs wrote). */
export function applyTemplate(parts: PackageParts, template: PptxTemplate): void {
  const masterPath = 'ppt/slideMasters/slideMaster1.xml'
  const ours = relationships(parts, masterPath).filter((rel) => rel.type.endsWith('/slideLayout'))
  // casebook's layouts keep their placeholders, lose their own background and decoration.
  for (const rel of ours) {
    const path = targetPath(masterPath, rel.target)
    setPartText(parts, path, placeholdersOnly(partText(parts, path)!))
  }
  // Ids of casebook's own kind, so none collides with the ids the template's master XML refers to.
  const masterRels: string[] = ours.map((rel, index) => relationshipXml(`rIdCasebook${index + 1}`, rel.type, rel.target))
  const layoutIds: string[] = ours.map((_, index) => `<p:sldLayoutId id="${2147483649 + index}" r:id="rIdCasebook${index + 1}"/>`)
  let media = 0
  const addMedia = (rel: Relationship): string => {
    const name = `template-${++media}.${rel.extension}`
    parts.set(`ppt/media/${name}`, rel.bytes)
    return `../media/${name}`
  }
  let next = 1 + Math.max(0, ...[...parts.keys()].map((name) => Number(/^ppt\/slideLayouts\/slideLayout(\d+)\.xml$/.exec(name)?.[1] ?? 0)))
  let types = partText(parts, '[Content_Types].xml')!
  template.layouts.forEach((layout, index) => {
    const name = `slideLayout${next++}.xml`
    const rels = [relationshipXml('rId1', `${REL}/slideMaster`, '../slideMasters/slideMaster1.xml'), ...layout.rels.map((rel) => relationshipXml(rel.id, rel.type, addMedia(rel)))]
    setPartText(parts, `ppt/slideLayouts/${name}`, layout.xml)
    setPartText(parts, `ppt/slideLayouts/_rels/${name}.rels`, relsXml(rels))
    types = types.replace('</Types>', `<Override PartName="/ppt/slideLayouts/${name}" ContentType="${LAYOUT_TYPE}"/></Types>`)
    const id = `rIdTemplate${index + 1}`
    masterRels.push(relationshipXml(id, `${REL}/slideLayout`, `../slideLayouts/${name}`))
    layoutIds.push(`<p:sldLayoutId id="${2147483649 + ours.length + index}" r:id="${id}"/>`)
  })
  masterRels.push(relationshipXml('rIdCasebookTheme', `${REL}/theme`, '../theme/theme1.xml'))
  for (const rel of template.masterRels) masterRels.push(relationshipXml(rel.id, rel.type, addMedia(rel)))
  // The template's pictures may be of kinds pptxgenjs declared no content type for.
  for (const extension of new Set([...template.masterRels, ...template.layouts.flatMap((layout) => layout.rels)].map((rel) => rel.extension))) {
    if (!new RegExp(`<Default Extension="${extension}"`, 'i').test(types)) types = types.replace('<Default ', `<Default Extension="${extension}" ContentType="${MEDIA_TYPES[extension] ?? 'application/octet-stream'}"/><Default `)
  }
  setPartText(parts, '[Content_Types].xml', types)
  setPartText(parts, `ppt/slideMasters/_rels/slideMaster1.xml.rels`, relsXml(masterRels))
  setPartText(parts, masterPath, template.master.replace(/<p:sldLayoutIdLst>[\s\S]*?<\/p:sldLayoutIdLst>|<p:sldLayoutIdLst\/>/, `<p:sldLayoutIdLst>${layoutIds.join('')}</p:sldLayoutIdLst>`))
  setPartText(parts, 'ppt/theme/theme1.xml', template.theme)
}

const MEDIA_TYPES: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', jpg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', emf: 'image/x-emf', wmf: 'image/x-wmf', tif: 'image/tiff', tiff: 'image/tiff', bmp: 'image/bmp' }

/** A layout with only its placeholders: no background, no shapes or pictures of its own. */
function placeholdersOnly(xml: string): string {
  return xml.replace(/<p:bg>[\s\S]*?<\/p:bg>/, '').replace(/<p:(sp|pic)>[\s\S]*?<\/p:\1>/g, (shape) => (/<p:ph\b/.test(shape) ? shape : ''))
}

interface RelationshipEntry {
  id: string
  type: string
  target: string
  external: boolean
}

function relationships(parts: PackageParts, path: string): RelationshipEntry[] {
  const rels = partText(parts, relsPath(path)) ?? ''
  return [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map(([, attributes]) => ({
    id: attribute(attributes, 'Id'),
    type: attribute(attributes, 'Type'),
    target: attribute(attributes, 'Target'),
    external: attribute(attributes, 'TargetMode') === 'External',
  }))
}

/** The internal parts among `rels`, read; links to outside the package are dropped. */
function embedded(parts: PackageParts, from: string, rels: RelationshipEntry[]): Relationship[] {
  return rels.flatMap((rel) => {
    const bytes = rel.external ? undefined : parts.get(targetPath(from, rel.target))
    if (!bytes) return []
    return [{ id: rel.id, type: rel.type, bytes: Array.isArray(bytes) ? Buffer.concat(bytes) : bytes, extension: (/\.([a-z0-9]+)$/i.exec(rel.target)?.[1] ?? 'bin').toLowerCase() }]
  })
}

function attribute(attributes: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? ''
}

function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`
}

function relsXml(rels: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`
}
