/**
 * What each template is rendered with: its view and what the renderer adds. The types the
 * variables of docs/templates.md and the checks of a user's templates (template-fields.ts) come from.
 */
import type { ReportView } from './report-view.js'
import type { DeckView } from './slides/slide-types.js'
import type { BrandView } from './brand-view.js'

/** What `report.hbs` receives (report.html and report.pdf). */
export interface ReportTemplateData extends ReportView {
  /** `report.css`, its relative images inlined: put it inside a `<style>` with `{{{styles}}}`. */
  styles: string
  /** The PDF's page rules (page size, margins, running heads); unset in report.html. */
  pageCss?: string
  /** The `@font-face` rules of the subset fonts, the `--font-body`/`--font-serif` and `--font-headings` variables and the brand's `--brand-*` colours: put inside a `<style>` with `{{{fonts}}}`. */
  fonts: string
  /** The house style: logo, organisation, classification line, colours. */
  brand: BrandView
}

/** What `slides.hbs` receives (slides.html and slides.pdf). */
export interface DeckTemplateData extends DeckView {
  /** `slides.css`, its relative images inlined. */
  styles: string
  /** `slides.js`, the deck's runtime, safe inside a `<script>`. */
  script: string
  /** As for the report. */
  fonts: string
  /** As for the report. */
  brand: BrandView
}
