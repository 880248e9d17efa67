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
import { shared, type RenderContext } from '../renderer.js'
import { sharedKey } from '../shared-work.js'
import type { Brand } from '../../config/brand.js'
import type { Locale } from '../../locale/load-locale.js'
import { pageFonts } from '../shared/font-stack.js'
import { charactersOf } from '../shared/render-report.js'
import { loadFontMetrics, type SlideFont } from './font-metrics.js'
import { SlideLayout } from './slide-layout.js'
import { slideStyle } from './slide-style.js'
import { TextMeasure } from './text-lines.js'

/**
 * The fonts the slides' text is set in, in the order the stylesheet falls back through them: the
 * faces `renderWithFonts` embeds for the body (the brand's or casebook's Latin face, then the CJK
 * one). The deck is filled with what this names.
 */
export function slideFonts(context: Pick<RenderContext, 'config' | 'locale'>): SlideFont[] {
  return fontsOf(context.config.brand, context.locale)
}

/** The slide fonts of `locale` under `brand`. */
export function fontsOf(brand: Brand, locale: Locale): SlideFont[] {
  const { faces, body } = pageFonts(brand, locale)
  return body.flatMap((family) => faces.filter((face) => face.family === family).map((face) => ({ source: face.source, excludes: face.excludes })))
}

/** One locale's layout, made once: slides.html and slides.pptx are drawn by the same one. */
const DECK_LAYOUT = sharedKey<SlideLayout>('deck layout')

/** The layout `document`'s deck is filled with in `context`'s locale, made once per locale. */
export function deckLayout(document: CaseDocument, view: DocumentView, context: RenderContext): Promise<SlideLayout> {
  return shared(context, DECK_LAYOUT, () => {
    const text = charactersOf([document, view.title, view.subtitle, view.author, view.organisation, view.dateText, context.locale.messages])
    return slideLayout(context.templateDirs, slideFonts(context), text)
  })
}

/** The layout of a deck whose templates are in `dirs` (the user's first), set in `fonts`, for the characters of `text`. */
export async function slideLayout(dirs: string[], fonts: SlideFont[], text: string): Promise<SlideLayout> {
  const casebook = join(BUILTIN_TEMPLATES, 'slides.css')
  const own = findTemplateFile(dirs, 'slides.css') ?? casebook
  const [css, defaults] = await Promise.all([readFile(own, 'utf8'), own === casebook ? null : readFile(casebook, 'utf8')])
  const style = slideStyle(css, own, defaults ?? css, casebook)
  return new SlideLayout(style, new TextMeasure(await loadFontMetrics(fonts, text)))
}
