/** read → parse → structure → check, for one input: what `build`, `check` and `ast` share. */
import { stat } from 'node:fs/promises'
import { basename, dirname, extname, resolve } from 'node:path'
import { checkDocument } from './check/check-document.js'
import type { CheckOptions } from './check/rule-context.js'
import { isUnreadable } from './parse/decode-source.js'
import { parseDocument } from './parse/parse-document.js'
import { readInput } from './parse/read-input.js'
import { readImages } from './parse/read-images.js'
import { drawCharts, hasChart } from './parse/draw-charts.js'
import { DEFAULT_IMAGE_MAX_BYTES } from './config/config-schema.js'
import { report } from './messages/report.js'
import type { DocumentData, ParsedDocument } from './types.js'

/** Options for loading a document. */
export interface LoadOptions {
  /** Document data the source does not give itself (from the config). */
  defaults?: Partial<DocumentData>
  /** Rule options; omit to skip checks. */
  check?: CheckOptions
  /**
   * Names a document that has no title after its file or folder, with a warning:
   * a pack's cover, page titles and file properties need one. `check` and `ast`
   * leave it out, so they show the source as it is.
   */
  titleFromPath?: boolean
  /** The config's `outline.caseHeading`: the pattern case headings follow, when the source's own style is not found. */
  caseHeading?: string
  /** The largest picture accepted (config `images.maxBytes`). */
  maxImageBytes?: number
}

/** Reads, parses and (optionally) checks an input file or folder. */
export async function loadDocument(input: string, options: LoadOptions = {}): Promise<ParsedDocument> {
  const files = await readInput(input)
  const document = await parseDocument(files, options.defaults, { caseHeading: options.caseHeading })
  // Pictures are read with the source and must lie in its folder: the input folder, or the input file's.
  const root = (await stat(input).catch(() => null))?.isDirectory() ? resolve(input) : dirname(resolve(input))
  document.images = await readImages(document.tree, files, { root, maxBytes: options.maxImageBytes ?? DEFAULT_IMAGE_MAX_BYTES })
  // Charts are drawn once, here: renderers only ever see figures. Vega loads only for a document that has one.
  if (hasChart(document.tree)) await drawCharts(document.tree, files, { root, images: document.images })
  // A file that is no text has said all there is to say; a title warning beside it is noise.
  if (options.titleFromPath && !document.tree.data.title && files[0] && !files.some(isUnreadable)) {
    const title = basename(input, extname(input))
    document.tree.data.title = title
    report(files[0], `No title: the pack is called “${title}” after the ${files.length > 1 || files[0].path !== input ? 'folder' : 'file'}; give one as title: in casebook.yaml or the front matter`, { ruleId: 'missing-title', severity: 'warning' })
  }
  if (options.check) checkDocument(document, options.check)
  return document
}
