/**
 * The brand as written (`brand:` in casebook.yaml or brand.yml) made the `Brand` renderers read:
 * colours filled in from casebook's own, fonts found, the logo read and judged by its bytes.
 * Every problem names the file and the key, so none passes in silence.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { sniffImage } from '../io/sniff-image.js'
import { DEFAULT_BRAND_COLORS, type Brand, type BrandFont, type BrandLogo } from './brand.js'
import { resolveBrandFace } from './brand-fonts.js'
import { readProjectFile } from './read-project-file.js'
import type { BrandConfig } from './config-schema.js'

/** The brand `written` in `file` (under `prefix`, `brand.` in casebook.yaml and nothing in brand.yml), and its problems. */
export async function resolveBrand(written: BrandConfig, file: string, prefix: string, base: string, maxBytes: number): Promise<{ brand: Brand; problems: string[] }> {
  const problems: string[] = []
  const problem = (key: string, message: string) => problems.push(`${file}: config key “${prefix}${key}”: ${message}`)
  const files = prefix ? [] : [resolve(file)]
  const fonts: Brand['fonts'] = { body: {}, headings: {} }
  for (const role of ['body', 'headings'] as const) {
    for (const script of ['latin', 'cjk'] as const) {
      const spec = written.fonts?.[role]?.[script]
      if (spec === undefined) continue
      const found = await resolveBrandFace(spec, base)
      if ('problem' in found) problem(`fonts.${role}.${script}`, found.problem)
      else {
        (fonts[role] as BrandFont)[script] = found.face
        if (found.face.source.type === 'files') files.push(...found.face.source.files.map((font) => font.path))
      }
    }
  }
  let logo: BrandLogo | undefined
  if (written.logo !== undefined) {
    const read = await readLogo(written.logo, base, maxBytes)
    if ('problem' in read) problem('logo', read.problem)
    else logo = read.logo
    files.push(resolve(base, written.logo))
  }
  const brand: Brand = {
    colors: { ...DEFAULT_BRAND_COLORS, ...written.colors },
    fonts,
    ...(logo && { logo }),
    ...(written.organisation?.trim() && { organisation: written.organisation.trim() }),
    ...(written.classification?.trim() && { classification: written.classification.trim() }),
    custom: true,
    files,
  }
  return { brand, problems }
}

/** The logo's bytes, type and size; relative to the config's folder. */
async function readLogo(spec: string, base: string, maxBytes: number): Promise<{ logo: BrandLogo } | { problem: string }> {
  const read = await readProjectFile(spec, base, 'an image file')
  if ('problem' in read) return read
  const { bytes, path } = read
  if (bytes.length > maxBytes) return { problem: `${spec} is ${bytes.length} bytes, over images.maxBytes (${maxBytes}); use a smaller image` }
  const sniffed = sniffImage(bytes)
  if (!sniffed) return { problem: `${spec} is not a PNG, JPEG, GIF, WebP or SVG image (judged by its bytes, not its name)` }
  if (!sniffed.width || !sniffed.height) return { problem: `${spec}: the size of this ${sniffed.mime} cannot be read${sniffed.mime === 'image/svg+xml' ? '; give the <svg> a viewBox or width and height' : ''}` }
  return {
    logo: { path: spec, bytes: new Uint8Array(bytes), type: sniffed.mime, width: sniffed.width, height: sniffed.height, sha256: createHash('sha256').update(bytes).digest('hex') },
  }
}
