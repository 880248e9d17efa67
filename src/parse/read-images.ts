/**
 * Reads the pictures a document's figures name, once, when the document is
 * read: renderers never read the source folder. A picture must be a local
 * file inside the input folder (no `..` out of it, no absolute path
 * elsewhere, no link out of it); nothing is fetched over the network. Its
 * bytes decide what it is (PNG, JPEG, WebP, GIF or SVG). Each figure gets
 * `data` naming the picture by its sha256, which is thereby part of every
 * hash of the tree; the bytes go into the document's image store.
 */
import { createHash } from 'node:crypto'
import { readFile, realpath, stat } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { VFile } from 'vfile'
import type { CaseDocument, Figure, ImageAsset } from '../types.js'
import { report } from '../messages/report.js'
import { sniffImage } from '../io/sniff-image.js'

/** How pictures are read: the folder they must stay inside, and the largest accepted. */
export interface ImageOptions {
  root: string
  maxBytes: number
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/

/** Fills every figure's `data` and returns the pictures by sha256; problems are messages on the figure's file. */
export async function readImages(tree: CaseDocument, files: VFile[], options: ImageOptions): Promise<Map<string, ImageAsset>> {
  const images = new Map<string, ImageAsset>()
  // The folder as named (paths are resolved against it) and as it really is (links are followed to it).
  const root = { named: resolve(options.root), real: await realpath(options.root).catch(() => resolve(options.root)) }
  const jobs: Array<Promise<void>> = []
  for (const part of tree.children) {
    const file = files.find((candidate) => candidate.path === part.data?.file) ?? files[0]
    if (!file) continue
    for (const figure of figuresIn(part)) jobs.push(readFigure(figure, file, root, options.maxBytes, images))
  }
  await Promise.all(jobs)
  return images
}

function figuresIn(node: unknown): Figure[] {
  if (!node || typeof node !== 'object') return []
  if ('type' in node && node.type === 'figure') return [node as Figure]
  return 'children' in node && Array.isArray(node.children) ? node.children.flatMap(figuresIn) : []
}

async function readFigure(figure: Figure, file: VFile, root: { named: string; real: string }, maxBytes: number, images: Map<string, ImageAsset>): Promise<void> {
  const place = figure.position
  const url = figure.url.trim()
  if (/^data:/i.test(url)) {
    // Bytes written into the source are neither a file to check nor a place to link to.
    report(file, 'Picture given as a data: URI is not read: save it as a file beside the document and name the file', { place, ruleId: 'image-unreadable', severity: 'error' })
    return
  }
  if (SCHEME.test(url) || url.startsWith('//')) {
    figure.data = { ...figure.data, source: 'remote' }
    report(file, `Picture ${url} is not on this machine and is never fetched; it is shown as a link: save it beside the document and name the file instead`, { place, ruleId: 'image-remote', severity: 'warning' })
    return
  }
  if (!url) {
    report(file, 'Picture has no file name: write ![alt text](path/to/picture.png)', { place, ruleId: 'image-unreadable', severity: 'error' })
    return
  }
  const written = decodePath(url)
  const base = file.path ? dirname(resolve(file.path)) : root.named
  const path = isAbsolute(written) ? written : resolve(base, written)
  if (!inside(root.named, path) && !inside(root.real, path)) {
    report(file, `Picture ${url} is outside the input folder (${root.named}); pictures must be in it or below it`, { place, ruleId: 'image-outside', severity: 'error' })
    return
  }
  let bytes: Uint8Array
  try {
    const info = await stat(path)
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' })
    if (info.size > maxBytes) {
      report(file, `Picture ${url} is ${megabytes(info.size)}, more than images.maxBytes (${megabytes(maxBytes)}); make it smaller or raise images.maxBytes in the config`, { place, ruleId: 'image-unreadable', severity: 'error' })
      return
    }
    // Links are followed, but only to files inside the folder too.
    if (!inside(root.real, await realpath(path))) {
      report(file, `Picture ${url} links to a file outside the input folder (${root.named})`, { place, ruleId: 'image-outside', severity: 'error' })
      return
    }
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (no permission)' : `cannot be read (${(error as Error).message})`
    report(file, `Picture ${url} ${why} (looked for ${path})`, { place, ruleId: 'image-unreadable', severity: 'error' })
    return
  }
  const sniffed = sniffImage(bytes)
  if (!sniffed) {
    report(file, `Picture ${url} is not a PNG, JPEG, WebP, GIF or SVG picture (judged by its bytes, not its name)`, { place, ruleId: 'image-unreadable', severity: 'error' })
    return
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  images.set(sha256, { bytes, ...sniffed })
  figure.data = { ...figure.data, source: 'file', path: relative(inside(root.named, path) ? root.named : root.real, path).split(sep).join('/'), sha256, ...sniffed }
}

/** A Markdown URL as a path: percent-escapes decoded (micromark writes `图.png` as `%E5%9B%BE.png`). */
function decodePath(url: string): string {
  const path = url.replace(/[?#].*$/, '')
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

function inside(root: string, path: string): boolean {
  const rest = relative(root, path)
  return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest)
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
