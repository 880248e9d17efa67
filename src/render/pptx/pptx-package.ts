/**
 * What pptxgenjs writes, made casebook's: each run's Latin and East Asian faces and language,
 * the notes as paragraphs, a real PNG beside each SVG (pptxgenjs cannot draw one in Node), a
 * user's template master when the config names one, and reproducible bytes: dates from the
 * build's source date, entries in a fixed order with fixed times (reproducible-zip.ts).
 */
import { partText, readPackage, setPartText, writePackage, type PackageParts } from '../../io/reproducible-zip.js'
import { escapeXml } from '../shared/xml-escape.js'
import { NOTES_BREAK } from './build-pptx.js'
import { svgFallbacks } from './svg-fallback.js'
import { FACE, type PlaceholderBoxes, type Role } from './pptx-text.js'
import type { Faces, RunStyle } from './pptx-style.js'
import { applyTemplate, type PptxTemplate } from './pptx-template.js'

export interface PackageOptions {
  style: RunStyle
  sourceDate: Date
  /** Where each slide's placeholders go, by slide from the first. */
  placeholders: PlaceholderBoxes[]
  /** `RRGGBB` of links. */
  linkColor: string
  template: PptxTemplate | null
}

/** The finished slides.pptx. */
export function packagePptx(drawn: Uint8Array, options: PackageOptions): Uint8Array {
  const parts = readPackage(drawn)
  const { style } = options
  tidy(parts)
  for (const path of [...parts.keys()].filter((name) => /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters|theme)\/[^/]+\.xml$/.test(name) || name === 'ppt/presentation.xml')) {
    let xml = partText(parts, path)!
    xml = setFaces(xml, style)
    // pptxgenjs marks empty paragraphs and fields English; new text typed there is the deck's language.
    xml = xml.replace(/ lang="en-US"/g, ` lang="${style.lang}"`)
    if (path.startsWith('ppt/notesSlides/')) xml = notesParagraphs(xml, style)
    const slide = /^ppt\/slides\/slide(\d+)\.xml$/.exec(path)
    if (slide) xml = placeBoxes(xml, options.placeholders[Number(slide[1]) - 1] ?? {})
    if (path.startsWith('ppt/theme/')) xml = themeLook(xml, style, options.linkColor)
    // The master's slide-number field shows this until a viewer renumbers it.
    xml = xml.replace(/(type="slidenum">(?:<a:rPr[^>]*\/>|<a:rPr[^>]*>[\s\S]*?<\/a:rPr>))<a:t>null<\/a:t>/g, '$1<a:t>‹#›</a:t>')
    setPartText(parts, path, xml)
  }
  svgFallbacks(parts)
  coreDates(parts, options.sourceDate)
  if (options.template) applyTemplate(parts, options.template)
  return writePackage(parts, options.sourceDate)
}

/**
 * pptxgenjs's zip holds folder entries, and content-type overrides for masters it never writes
 * (one per slide); both go, so the package lists exactly its parts.
 */
function tidy(parts: PackageParts): void {
  for (const path of [...parts.keys()]) if (path.endsWith('/')) parts.delete(path)
  const types = partText(parts, '[Content_Types].xml')!
  setPartText(parts, '[Content_Types].xml', types.replace(/\s*<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, path: string) => (parts.has(path) ? override.trim() : '')))
}

/** Each stand-in face (pptx-text.ts) as its role's Latin, East Asian and complex-script faces. */
function setFaces(xml: string, style: RunStyle): string {
  return xml.replace(/<a:(latin|ea|cs) typeface="(casebook-[a-z]+)"[^>]*\/>/g, (whole, script: string, face: string) => {
    const faces = facesOf(face, style)
    if (!faces) return whole
    if (script === 'ea') return `<a:ea typeface="${escapeXml(faces.eastAsia)}" charset="${style.charset}"/>`
    return `<a:${script} typeface="${escapeXml(faces.latin)}"/>`
  })
}

function facesOf(face: string, style: RunStyle): Faces | undefined {
  const role = (Object.keys(FACE) as Role[]).find((key) => FACE[key] === face)
  return role && style[role]
}

/**
 * The theme's heading and body fonts (what new text uses): the roles' Latin faces, and their East
 * Asian ones; its link colour the deck's accent, so the overview's linked labels keep their colour.
 */
function themeLook(xml: string, style: RunStyle, linkColor: string): string {
  return xml
    .replace(/<a:hlink>[\s\S]*?<\/a:hlink>/, `<a:hlink><a:srgbClr val="${linkColor}"/></a:hlink>`)
    .replace(/(<a:majorFont>[\s\S]*?<a:ea typeface=")[^"]*(")/, `$1${escapeXml(style.headings.eastAsia)}$2`)
    .replace(/(<a:minorFont>[\s\S]*?<a:ea typeface=")[^"]*(")/, `$1${escapeXml(style.body.eastAsia)}$2`)
}

/** The notes' one run, split into a paragraph per line, each in the deck's language and body faces. */
function notesParagraphs(xml: string, style: RunStyle): string {
  const faces = `<a:latin typeface="${escapeXml(style.body.latin)}"/><a:ea typeface="${escapeXml(style.body.eastAsia)}" charset="${style.charset}"/>`
  const props = `<a:rPr lang="${style.lang}" altLang="en-US" dirty="0">${faces}</a:rPr>`
  return xml.replace(/<a:p><a:r><a:rPr lang="[^"]*" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r><a:endParaRPr lang="[^"]*" dirty="0"\/><\/a:p>/, (_, text: string) =>
    text
      .split(NOTES_BREAK)
      .map((line) => `<a:p><a:r>${props}<a:t>${line}</a:t></a:r></a:p>`)
      .join(''),
  )
}

/** Moves each placeholder shape of a slide to its box (pptxgenjs leaves it where the layout has it) and sets its line height. */
function placeBoxes(xml: string, boxes: PlaceholderBoxes): string {
  const emu = (px: number) => Math.round(px * 9525)
  for (const [type, box] of Object.entries(boxes)) {
    xml = xml.replace(new RegExp(`(<p:ph\\b[^>]*\\btype="${type}"[^>]*/>)([\\s\\S]*?)</p:sp>`), (_, ph: string, shape: string) => {
      const lines = `<a:lnSpc><a:spcPts val="${Math.round(box.line * 75)}"/></a:lnSpc>`
      const placed = shape
        .replace(/(<a:off )x="-?\d+" y="-?\d+"(\/>\s*<a:ext )cx="\d+" cy="\d+"/, `$1x="${emu(box.x)}" y="${emu(box.y)}"$2cx="${emu(box.w)}" cy="${emu(box.h)}"`)
        // Line spacing is a paragraph's first property.
        .replace(/<a:pPr([^>]*?)\/>/g, `<a:pPr$1>${lines}</a:pPr>`)
        .replace(/<a:pPr([^>]*?[^/])>(?!<a:lnSpc>)/g, `<a:pPr$1>${lines}`)
      return `${ph}${placed}</p:sp>`
    })
  }
  return xml
}

/** docProps/core.xml dated by the build, not the clock. */
function coreDates(parts: PackageParts, date: Date): void {
  const core = partText(parts, 'docProps/core.xml')
  if (!core) return
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  setPartText(parts, 'docProps/core.xml', core.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`))
}
