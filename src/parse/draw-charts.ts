/**
 * Charts from data. A fenced code block of language `chart` holds a Vega-Lite spec (JSON) whose data
 * is inline (`data.values`) or a CSV or JSON file beside the source (`data.url`, inside the input
 * folder). Vega draws it to SVG in Node, with no browser, and the block becomes a figure whose picture
 * is that SVG: every format then shows it as it shows a picture, numbered with them. The spec's
 * `title` is the caption and its `description` the alt text. Nothing is fetched: Vega's loader
 * refuses every URL. An invalid spec, or data that cannot be read, is a content error at its line.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path'
import type { VFile } from 'vfile'
import { report } from '../messages/report.js'
import { jsonErrorOffset } from '../text/json-error-place.js'
import { locate } from '../text/locate.js'
import type { Block, CaseDocument, Code, Figure, ImageAsset, Position } from '../types.js'

/** Where a chart's data may be read from, and where its drawing goes. */
export interface ChartOptions {
  /** The folder data files must stay inside (the input folder, or the input file's). */
  root: string
  /** The document's image store; omitted (a translation), charts become figures without a drawing, to lay over the source's. */
  images?: Map<string, ImageAsset>
}

/** Whether any block of `node` is a `chart` code block: only then is Vega loaded. */
export function hasChart(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false
  if ((node as { type?: string }).type === 'code') return (node as { lang?: string | null }).lang?.trim().toLowerCase() === 'chart'
  const children = (node as { children?: unknown[] }).children
  return Array.isArray(children) && children.some(hasChart)
}

/** Turns every `chart` code block of `tree` into a figure; problems are messages on the block's file. */
export async function drawCharts(tree: CaseDocument, files: VFile[], options: ChartOptions): Promise<void> {
  for (const part of tree.children) {
    const file = files.find((candidate) => candidate.path === part.data?.file) ?? files[0]
    if (file) await replaceIn(part, file, options)
  }
}

/** Replaces the chart blocks among `node`'s children, and in theirs. */
async function replaceIn(node: unknown, file: VFile, options: ChartOptions): Promise<void> {
  if (!node || typeof node !== 'object' || !('children' in node) || !Array.isArray(node.children)) return
  const children = node.children as Block[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child.type === 'code' && child.lang?.trim().toLowerCase() === 'chart') {
      const figure = await chartFigure(child, file, options)
      if (figure) children[index] = figure
    } else await replaceIn(child, file, options)
  }
}

/** The figure a chart block becomes, or null (the block stays code) when its spec has an error, which is reported. */
async function chartFigure(block: Code, file: VFile, options: ChartOptions): Promise<Figure | null> {
  const fail = (reason: string, place: Position | undefined = block.position) => {
    report(file, `Chart: ${reason}`, { place, ruleId: 'chart-invalid', severity: 'error' })
    return null
  }
  let spec: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(block.value)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('the block must hold one Vega-Lite spec, a JSON object ({ "mark": …, "encoding": … })')
    spec = parsed as Record<string, unknown>
  } catch (error) {
    return fail(`the spec is not valid JSON (${(error as Error).message})`, jsonErrorPlace(block))
  }
  const title = typeof spec.title === 'string' ? spec.title : typeof (spec.title as { text?: unknown } | undefined)?.text === 'string' ? (spec.title as { text: string }).text : ''
  const alt = typeof spec.description === 'string' ? spec.description : title
  if (!alt) report(file, 'Chart has no "description" or "title": readers of a screen reader get nothing for it; give it a description', { place: block.position, ruleId: 'image-alt', severity: 'warning' })
  const figure: Figure = { type: 'figure', url: '', alt, children: title ? [{ type: 'text', value: title, position: block.position }] : [], position: block.position }
  if (!options.images) return figure
  const data = spec.data as { url?: unknown; values?: unknown } | undefined
  if (data && typeof data.url === 'string') {
    const values = await readData(data.url, file, options.root)
    if (typeof values === 'string') return fail(values)
    spec = { ...spec, data: { values } }
  }
  let svg: string
  try {
    svg = await toSvg(spec, (warning) => report(file, `Chart: ${warning}`, { place: block.position, ruleId: 'chart-invalid', severity: 'warning' }))
  } catch (error) {
    return fail(`Vega-Lite cannot draw it: ${(error as Error).message}`)
  }
  const bytes = Buffer.from(svg)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg)
  const asset: ImageAsset = { bytes, mime: 'image/svg+xml', ...(size ? { width: Math.round(Number(size[1])), height: Math.round(Number(size[2])) } : {}) }
  options.images.set(sha256, asset)
  figure.data = { source: 'generated', sha256, mime: 'image/svg+xml', ...(asset.width ? { width: asset.width, height: asset.height } : {}) }
  return figure
}

/** A data file's rows, or why it cannot be read. */
async function readData(url: string, file: VFile, root: string): Promise<unknown[] | string> {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) || url.startsWith('//')) return `data "${url}" is not on this machine and is never fetched: save it beside the document and name the file`
  const base = file.path ? dirname(resolve(file.path)) : resolve(root)
  const path = resolve(base, url)
  const inside = relative(resolve(root), path)
  if (inside.startsWith('..') || isAbsolute(inside)) return `data "${url}" is outside the input folder; put it beside the document`
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : `${error.message}`))
  if (text === null) return `data file ${url} is missing (looked for ${path})`
  const { read } = await import('vega')
  try {
    const type = extname(path).toLowerCase() === '.json' ? 'json' : extname(path).toLowerCase() === '.tsv' ? 'tsv' : 'csv'
    return read(text, { type, parse: 'auto' }) as unknown[]
  } catch (error) {
    return `data file ${url} cannot be read: ${(error as Error).message}`
  }
}

/** The spec drawn as SVG by Vega in Node; `warn` hears Vega-Lite's and Vega's warnings. */
async function toSvg(spec: Record<string, unknown>, warn: (message: string) => void): Promise<string> {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')])
  const messages = { warn: (...args: unknown[]) => void warn(args.map(String).join(' ')), info: () => undefined, debug: () => undefined }
  // Vega-Lite's logger: warnings become messages on the source instead of console output; errors throw.
  const logger = { level: () => logger, error: (...args: unknown[]) => { throw new Error(args.map(String).join(' ')) }, ...messages }
  const compiled = vl.compile(spec as never, { logger: logger as never }).spec
  // No URL is ever loaded: data comes inline, read above from a file inside the input folder.
  const refuse = () => Promise.reject(new Error('a chart may not load anything: give its data inline or as a file beside the document'))
  const loader = { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse }
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: loader as unknown as ReturnType<typeof vega.loader> })
  view.logLevel(vega.Warn)
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}

/** Where in the block a JSON syntax error is, else the block. */
function jsonErrorPlace(block: Code): Position | undefined {
  const start = block.position?.start
  const offset = jsonErrorOffset(block.value)
  if (!start || offset === undefined) return block.position
  const { line, column } = locate(block.value)(offset)
  // A fenced block's code starts on the line after its opening fence.
  const point = { line: start.line + line, column }
  return { start: point, end: point }
}
