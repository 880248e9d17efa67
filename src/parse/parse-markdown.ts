/**
 * The Markdown source format: remark-parse (+ CJK-friendly emphasis and YAML
 * front matter) then the case-tree transform. Loaded only when a document has
 * Markdown files, as the remark stack costs more to load than an outline takes to parse.
 */
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkCjkFriendly from 'remark-cjk-friendly'
import remarkGfm from 'remark-gfm'
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { CaseDocument } from '../types.js'
import { structureMarkdown } from './markdown-structure.js'
import { report } from '../messages/report.js'
import { findExcessiveNesting } from './markdown-limits.js'
import type { CaseHeadingOptions } from './case-heading-rules.js'
// Before any parse: micromark's edit maps then apply edits in linear time.
import './linear-edit-map.js'

// remark-gfm: tables, footnotes, strikethrough, autolinks. remark-cjk-friendly: `**标签:**文字` is bold in Chinese
// text, which plain CommonMark refuses. The case tree is built by calling structureMarkdown, which takes the document's heading options.
const markdownProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).use(remarkFrontmatter, ['yaml']).freeze()

/** Parses one Markdown file; runaway nesting is an error message, not a crash. */
export function parseMarkdown(file: VFile, options: CaseHeadingOptions = {}): CaseDocument {
  const excessive = findExcessiveNesting(String(file.value))
  if (excessive) {
    const place = { line: excessive.line, column: excessive.column }
    report(file, `Markdown nested too deeply to parse safely: ${excessive.reason}; the file was not read`, { place: { start: place, end: place }, ruleId: 'markdown-too-deep', severity: 'error' })
    return emptyDocument()
  }
  try {
    return structureMarkdown(markdownProcessor.parse(file) as Root, file, options)
  } catch (error) {
    // A nesting the line scan did not foresee: still a message, not a crash.
    if (!(error instanceof RangeError)) throw error
    report(file, `Markdown too complex to parse: ${error.message}`, { ruleId: 'markdown-too-deep', severity: 'error' })
    return emptyDocument()
  }
}

function emptyDocument(): CaseDocument {
  return { type: 'document', data: {} as CaseDocument['data'], children: [] }
}
