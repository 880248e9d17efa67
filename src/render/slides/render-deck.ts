/** Deck HTML from a deck view: the template with its stylesheet, runtime and subset fonts inlined. */
import type { RenderContext } from '../renderer.js'
import { loadTemplate, readTemplateAsset } from '../template-engine.js'
import { renderWithFonts } from '../shared/render-report.js'
import type { DeckView } from './slide-types.js'

/** Renders `slides.hbs` for `view` into one HTML file that needs no network. */
export async function renderDeck(view: DeckView, context: RenderContext): Promise<string> {
  const template = await loadTemplate(context.templateDirs, 'slides.hbs', context.locale)
  const styles = await readTemplateAsset(context.templateDirs, 'slides.css')
  // `</script` inside the runtime would end the inline script early.
  const script = (await readTemplateAsset(context.templateDirs, 'slides.js')).replace(/<\/script/gi, '<\\/script')
  return renderWithFonts(template, { ...view, styles, script }, context)
}
