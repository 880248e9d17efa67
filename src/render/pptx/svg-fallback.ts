/**
 * PowerPoint 2016 and later draw an SVG picture (the svgBlip extension); earlier versions, and
 * viewers that ignore the extension, draw the PNG beside it. pptxgenjs makes that PNG with a
 * browser canvas and, in Node, writes a "broken image" placeholder instead, so each is drawn
 * here from its SVG with resvg (no browser), at twice the picture's size for sharp projection.
 */
import { Resvg } from '@resvg/resvg-js'
import { partText, type PackageParts } from '../../io/reproducible-zip.js'
import { sourcePath, targetPath } from './package-paths.js'

/** Replaces the PNG stand-in of every SVG picture in the package with the SVG drawn. */
export function svgFallbacks(parts: PackageParts): void {
  const drawn = new Map<string, Uint8Array>()
  for (const path of [...parts.keys()].filter((name) => name.endsWith('.rels'))) {
    const rels = partText(parts, path)!
    const targets = new Map([...rels.matchAll(/<Relationship [^>]*?Id="rId(\d+)"[^>]*?Target="([^"]+)"/g)].map((match) => [Number(match[1]), match[2]]))
    for (const [id, target] of targets) {
      const png = targets.get(id - 1)
      if (!target.endsWith('.svg') || !png?.endsWith('.png')) continue
      const svgPath = targetPath(sourcePath(path), target)
      const pngPath = targetPath(sourcePath(path), png)
      const svg = parts.get(svgPath)
      if (!svg || !parts.has(pngPath)) continue
      let bytes = drawn.get(svgPath)
      if (!bytes) {
        bytes = drawSvg(Array.isArray(svg) ? Buffer.concat(svg) : svg)
        drawn.set(svgPath, bytes)
      }
      parts.set(pngPath, bytes)
    }
  }
}

/** The SVG drawn at twice its size; system fonts (Noto CJK where installed) draw its text. */
function drawSvg(svg: Uint8Array): Uint8Array {
  return new Resvg(Buffer.from(svg), { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' } }).render().asPng()
}
