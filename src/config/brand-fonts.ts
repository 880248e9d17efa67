/**
 * A brand font face as the config names it: an @fontsource package (looked up from the user's
 * project first, then casebook's own install) or a font file in the project folder. What comes
 * back says where the glyphs are, the family name Word and PowerPoint write, and a fingerprint
 * that changes when the font does (for artifact keys).
 */
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { basename, dirname, extname, join, relative, resolve } from 'node:path'
import type { BrandFace } from './brand.js'
import { readProjectFile } from './read-project-file.js'
import { editDistance } from '../text/edit-distance.js'

/** Extensions a font file may have. */
export const FONT_FILE_EXTENSIONS = ['.ttf', '.otf', '.woff', '.woff2']

/** The face `spec` names (relative paths against `base`, the config's folder), or why it cannot be used. */
export async function resolveBrandFace(spec: string, base: string): Promise<{ face: BrandFace } | { problem: string }> {
  const value = spec.trim()
  if (FONT_FILE_EXTENSIONS.includes(extname(value).toLowerCase())) return fontFileFace(value, base)
  const name = value.startsWith('@') ? value : `@fontsource/${value}`
  if (!/^@fontsource(-variable)?\/[a-z0-9][a-z0-9-]*$/.test(name)) {
    return { problem: `“${spec}” is neither an @fontsource package (such as @fontsource/noto-sans) nor a font file (${FONT_FILE_EXTENSIONS.join(', ')})` }
  }
  const packageDir = findPackage(name, base)
  if (!packageDir) {
    const near = nearestInstalled(name, base)
    return { problem: `${name} is not installed in ${base} or in casebook; run npm install ${name} there${near ? ` (did you mean “${near}”?)` : ''}` }
  }
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version?: string }
  const metadata = (await readFile(join(packageDir, 'metadata.json'), 'utf8').then((text) => JSON.parse(text) as { family?: string }, () => null)) ?? {}
  const family = metadata.family ?? (await readFile(join(packageDir, 'index.css'), 'utf8').then((css) => /font-family:\s*'([^']+)'/.exec(css)?.[1], () => undefined))
  if (!family) return { problem: `${name} (${packageDir}) has no metadata.json or index.css naming its family; is it a fontsource package?` }
  return { face: { family, source: { type: 'fontsource', packageDir }, fingerprint: `${name}@${manifest.version ?? '?'}` } }
}

/** The package's folder, from the project's node_modules first, then casebook's; null when neither has it. */
function findPackage(name: string, base: string): string | null {
  for (const from of [join(base, 'casebook.yaml'), import.meta.url]) {
    try {
      return dirname(createRequire(from).resolve(`${name}/package.json`))
    } catch {
      // Not installed there; try the next place.
    }
  }
  return null
}

/** The installed @fontsource package nearest to `name`, for a typo. */
function nearestInstalled(name: string, base: string): string | undefined {
  const scope = name.slice(0, name.indexOf('/'))
  const folders = [join(base, 'node_modules', scope), join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-serif-sc/package.json')), '..', '..', scope)]
  const installed = new Set(folders.flatMap((folder) => readdirSafe(folder).map((entry) => `${scope}/${entry}`)))
  let best: { name: string; distance: number } | undefined
  for (const candidate of installed) {
    const distance = editDistance(name, candidate)
    if (distance <= 3 && (!best || distance < best.distance)) best = { name: candidate, distance }
  }
  return best?.name
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch {
    return []
  }
}

/** A font file in the project folder: read once to check it is a font and to learn its family. */
async function fontFileFace(spec: string, base: string): Promise<{ face: BrandFace } | { problem: string }> {
  const path = resolve(base, spec)
  const inside = relative(base, path)
  if (inside.startsWith('..')) return { problem: `${spec} is outside the project folder (${base}); copy the font into it` }
  const read = await readProjectFile(spec, base, 'a font file')
  if ('problem' in read) return read
  const { bytes } = read
  const format = fontFormat(bytes)
  if (!format) return { problem: `${spec} is not a font file (TrueType, OpenType, WOFF or WOFF2)` }
  const described = await describeFont(bytes, format)
  const family = described?.family ?? basename(spec, extname(spec))
  const fingerprint = createHash('sha256').update(bytes).digest('hex')
  // The file's own weight and style, so a bold file is not made bolder by the browser, nor a regular one left thin.
  const files = [{ weight: described?.weight ?? 400, style: described?.italic ? ('italic' as const) : ('normal' as const), path }]
  return { face: { family, source: { type: 'files', files }, fingerprint } }
}

/** The container a font's first bytes announce, or null for anything else. */
function fontFormat(bytes: Uint8Array): 'sfnt' | 'woff' | 'woff2' | null {
  const tag = String.fromCharCode(...bytes.subarray(0, 4))
  if (tag === 'wOFF') return 'woff'
  if (tag === 'wOF2') return 'woff2'
  if (tag === 'OTTO' || tag === 'true' || (bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0)) return 'sfnt'
  return null
}

/** The font's family name (its `name` table), weight and italic flag (its `OS/2` table); null when unreadable. */
async function describeFont(bytes: Buffer, format: 'sfnt' | 'woff' | 'woff2'): Promise<{ family: string | null; weight?: number; italic: boolean } | null> {
  try {
    const sfnt = format === 'sfnt' ? bytes : ((await (await import('fontverter')).default.convert(bytes, 'sfnt')) as Buffer)
    const os2 = findTable(sfnt, 'OS/2')
    const weight = os2 !== null ? sfnt.readUInt16BE(os2 + 4) : undefined
    return { family: readNameTable(sfnt), weight: weight && weight >= 1 && weight <= 1000 ? weight : undefined, italic: os2 !== null && (sfnt.readUInt16BE(os2 + 62) & 1) === 1 }
  } catch {
    return null
  }
}

/** The offset of table `tag` in an sfnt, or null. */
function findTable(sfnt: Buffer, tag: string): number | null {
  const tables = sfnt.readUInt16BE(4)
  for (let index = 0; index < tables; index++) {
    const record = 12 + index * 16
    if (sfnt.toString('latin1', record, record + 4) === tag) return sfnt.readUInt32BE(record + 8)
  }
  return null
}

/** Name id 16 (typographic family) or 1 (family), preferring Windows Unicode English records. */
function readNameTable(sfnt: Buffer): string | null {
  const table = findTable(sfnt, 'name')
  if (table === null) return null
  const count = sfnt.readUInt16BE(table + 2)
  const strings = table + sfnt.readUInt16BE(table + 4)
  const found = new Map<number, string>()
  for (let entry = 0; entry < count; entry++) {
    const at = table + 6 + entry * 12
    const [platform, , language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((delta) => sfnt.readUInt16BE(at + delta))
    if ((nameId !== 1 && nameId !== 16) || found.has(nameId)) continue
    const raw = sfnt.subarray(strings + offset, strings + offset + length)
    if (platform === 3 && (language === 0x409 || language === 0x804 || language === 0x404)) found.set(nameId, Buffer.from(raw).swap16().toString('utf16le'))
    else if (platform === 1 && language === 0) found.set(nameId, raw.toString('latin1'))
  }
  return found.get(16) || found.get(1) || null
}
