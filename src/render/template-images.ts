/**
 * Images (and fonts) a template or stylesheet names by a relative path, `<img src="logo.png">` or
 * `url(logo.png)`, read from the template folder and written into it as data URIs: report.html
 * and the decks are single files that need nothing beside them, and the PDF's browser, which
 * loads the page offline, gets every byte from the page itself.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { locate } from '../text/locate.js'

/** What each file kind a template may embed is, as a data URI says it. */
export const EMBEDDED_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
}

/** A reference that could not be embedded, at its place in the file. */
export interface ImageProblem {
  line: number
  column: number
  reference: string
  reason: string
}

// `src="…"` in a template, `url(…)` in a template or stylesheet; a value holding `{{` is the view's, not a file.
const CSS_REFERENCE = /(\burl\(\s*)(["']?)([^"'()\s{}]*)\2(?=\s*\))/g
const HTML_OR_CSS_REFERENCE = /(\bsrc\s*=\s*)(["'])([^"'{}]*)\2|(\burl\(\s*)(["']?)([^"'()\s{}]*)\5(?=\s*\))/g

/** `text` with every relative (or `file:`) reference embedded; `base` is the folder they are relative to. */
export function inlineTemplateImages(text: string, base: string, kind: 'html' | 'css'): { text: string; problems: ImageProblem[] } {
  const problems: ImageProblem[] = []
  const pointAt = locate(text)
  const embed = (match: string, lead: string, quote: string, reference: string, offset: number): string => {
    const problem = (reason: string) => {
      const point = pointAt(offset + lead.length + quote.length)
      problems.push({ line: point.line, column: point.column, reference, reason })
      return match
    }
    // The PDF's browser loads nothing but the page (browser/load-offline.ts): a web address would print as nothing.
    if (/^(?:https?:)?\/\//i.test(reference)) return problem(`“${reference}” is on the web, and the PDF's browser loads nothing from outside the page; save the file in the templates folder and name it by its relative path`)
    const path = localPath(reference, base)
    if (path === null) return match
    const mime = EMBEDDED_TYPES[extname(path).toLowerCase()]
    if (!existsSync(path) || !statSync(path).isFile()) return problem(`“${reference}” is not there (looked for ${path}); put the file in the templates folder, or fix the name`)
    if (!mime) return problem(`“${reference}” is not an image or font casebook can embed (${Object.keys(EMBEDDED_TYPES).join(', ')})`)
    return `${lead}${quote}data:${mime};base64,${readFileSync(path).toString('base64')}${quote}`
  }
  // One pass, so every offset is the file's own.
  const pattern = kind === 'html' ? HTML_OR_CSS_REFERENCE : CSS_REFERENCE
  const result = text.replace(pattern, (match: string, ...groups: Array<string | number | undefined>) => {
    const offset = groups.find((group) => typeof group === 'number') as number
    const [lead, quote, reference] = groups[0] !== undefined ? groups.slice(0, 3) : groups.slice(3, 6)
    return embed(match, lead as string, quote as string, reference as string, offset)
  })
  return { text: result, problems }
}

/** The file a reference names, or null when it names no local file (a data URI, a web address, an anchor, an empty value). */
function localPath(reference: string, base: string): string | null {
  if (reference === '' || reference.startsWith('#')) return null
  if (/^file:/i.test(reference)) return fileURLToPath(reference)
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) return null
  const path = decodeURI(reference.split(/[?#]/)[0])
  return isAbsolute(path) ? path : join(base, path)
}

