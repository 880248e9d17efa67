/**
 * One deck's layout: the sizes of the slides.css it will be shown with (the user's copy first,
 * casebook's for what that leaves out) and the advances of the fonts it inlines, for every
 * character the deck can show.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BUILTIN_TEMPLATES, findTemplateFile } from '../../config/template-dirs.js'
import type { CaseDocument } from '../../types.js'
import type { DocumentView } from '../document-view.js'
import type { RenderContext } from '../renderer.js'
import { loadFontMetrics, type SlideFont } from './font-metrics.js'
import { SlideLayout } from './slide-layout.js'
import { slideStyle } from './slide-style.js'
import { TextMeasure } from './text-lines.js'

/**
 * The fonts the slides are set in, in the order the stylesheet falls back through them: the
 * locale's font package, the one `renderWithFonts` inlines for `--font-serif`.
 */
export function slideFonts(context: RenderContext): SlideFont[] {
  return [{ fontsource: context.locale.rules.fonts.fontsource }]
}

/** The layout `document`'s deck is filled with in `context`'s locale. */
export function deckLayout(document: CaseDocument, view: DocumentView, context: RenderContext, problems: string[] = []): Promise<SlideLayout> {
  const text = charactersOf([document, view.title, view.subtitle, view.author, view.organisation, view.dateText, context.locale.messages])
  return slideLayout(context.templateDirs, slideFonts(context), text, problems)
}

/** The layout of a deck whose templates are in `dirs` (the user's first), set in `fonts`, for the characters of `text`. */
export async function slideLayout(dirs: string[], fonts: SlideFont[], text: string, problems: string[] = []): Promise<SlideLayout> {
  const casebook = join(BUILTIN_TEMPLATES, 'slides.css')
  const own = findTemplateFile(dirs, 'slides.css') ?? casebook
  const [css, defaults] = await Promise.all([readFile(own, 'utf8'), own === casebook ? null : readFile(casebook, 'utf8')])
  const style = slideStyle(css, own, defaults ?? css, casebook, problems)
  return new SlideLayout(style, new TextMeasure(await loadFontMetrics(fonts, text)))
}

/** Every character of every string in `values`, walked deeply (positions and bytes skipped), plus printable ASCII. */
function charactersOf(values: unknown[]): string {
  const seen = new Set<string>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const char of value) seen.add(char)
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item)
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      for (const key in value) if (key !== 'position') visit((value as Record<string, unknown>)[key])
    }
  }
  visit(values)
  for (let code = 0x20; code < 0x7f; code++) seen.add(String.fromCharCode(code))
  return [...seen].join('')
}
