/** Report HTML from a view: the template, its stylesheet and the subset fonts, in one file. */
import type { RenderContext } from '../renderer.js'
import type { ReportView } from '../report-view.js'
import { loadTemplate, readTemplateAsset } from '../template-engine.js'
import { inlineFontFaces } from '../fonts/font-faces.js'

/** Extra inputs the print path adds: page rules and page numbers already in the view. */
export interface ReportOptions {
  pageCss?: string
}

/** Renders `report.hbs` for `view`, with CSS and fonts inlined so the file needs no network. */
export async function renderReport(view: ReportView, context: RenderContext, options: ReportOptions = {}): Promise<string> {
  const template = await loadTemplate(context.templateDirs, 'report.hbs', context.locale)
  const styles = await readTemplateAsset(context.templateDirs, 'report.css')
  const html = template({ ...view, styles, pageCss: options.pageCss })
  return injectFonts(html, context)
}

/** Adds `@font-face` rules for exactly the characters `html` holds, before `</head>`. */
export async function injectFonts(html: string, context: RenderContext): Promise<string> {
  const { fonts } = context.locale.rules
  const faces = await inlineFontFaces(fonts.fontsource, charactersOf(html))
  const family = fonts.serif.map((name) => `'${name}'`).join(',')
  const style = `<style>:root{--font-serif:${family},serif}\n${faces}</style>`
  const head = html.indexOf('</head>')
  return head < 0 ? style + html : html.slice(0, head) + style + html.slice(head)
}

/**
 * The characters a page can show: everything outside tags, style and script,
 * plus printable ASCII. One pass, no copies: pages reach 20 MB.
 */
function charactersOf(html: string): string {
  // A bitmap over the BMP is ~20× faster than a Set at 20 MB; astral code points are rare.
  const seen = new Uint8Array(0x10000)
  const astral = new Set<number>()
  for (let index = 0; index < html.length; index++) {
    const code = html.charCodeAt(index)
    if (code === 60 /* < */) {
      const skipTo = html.startsWith('<style', index) ? html.indexOf('</style>', index) : html.startsWith('<script', index) ? html.indexOf('</script>', index) : index
      const close = html.indexOf('>', skipTo)
      if (close < 0) break
      index = close
    } else if (code >= 0xd800 && code <= 0xdbff) {
      astral.add(html.codePointAt(index)!)
      index++
    } else {
      seen[code] = 1
    }
  }
  // Printable ASCII always: entities such as &#x22; and page numbers print characters the text may not hold.
  for (let code = 0x20; code < 0x7f; code++) seen[code] = 1
  let result = ''
  for (let code = 0; code < seen.length; code++) if (seen[code]) result += String.fromCharCode(code)
  for (const code of astral) result += String.fromCodePoint(code)
  return result
}
