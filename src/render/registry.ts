/** Every renderer by format. Adding a format means adding a renderer here, not editing a switch. */
import type { Format } from '../config/config-schema.js'
import { UsageError } from '../errors.js'
import type { Renderer } from './renderer.js'
import { EMBEDDED_TYPES } from './template-images.js'

/** Loads the renderer for `format`; heavy ones (puppeteer, docx) load only when asked for. */
export const renderers = {
  html: async () => (await import('./html/html-renderer.js')).htmlRenderer,
  pdf: async () => (await import('./pdf/pdf-renderer.js')).pdfRenderer,
  slides: async () => (await import('./slides/slides-renderer.js')).slidesRenderer,
  handout: async () => (await import('./slides/handout-renderer.js')).handoutRenderer,
  docx: async () => (await import('./docx/docx-renderer.js')).docxRenderer,
  pptx: async () => (await import('./pptx/pptx-renderer.js')).pptxRenderer,
} as const satisfies Partial<Record<Format, () => Promise<Renderer>>>

/**
 * Whether each format prints through a browser, known without loading its renderer (whose
 * `usesBrowser` says the same, as a test holds): a build that will print starts the browser first.
 */
export const printsInBrowser = { html: false, pdf: true, slides: false, handout: true, docx: false, pptx: false } as const satisfies Record<keyof typeof renderers, boolean>

/** Whether each format embeds its fonts (subset, inlined): the Office formats name fonts the reader's machine has. */
export const embedsFonts = { html: true, pdf: true, slides: true, handout: true, docx: false, pptx: false } as const satisfies Record<keyof typeof renderers, boolean>

/**
 * Whether each format's bytes carry the build's date (`SOURCE_DATE_EPOCH`, or the document's
 * date): PDF metadata, Office core properties and zip entry times. A format that does not is
 * keyed without it, so a new date alone leaves its artifacts current (a test holds this to the bytes).
 */
export const stampsSourceDate = { html: false, pdf: true, slides: false, handout: true, docx: true, pptx: true } as const satisfies Record<keyof typeof renderers, boolean>

/**
 * What each format reads from the template folders, as paths relative to one (`report.css`),
 * folders ending in `/` or kinds of file (`*.png`, at any depth): its artifacts are rebuilt when one of these changes, and only then. Known
 * without loading the renderer, so a build can tell whether an earlier build's artifacts of a
 * format it does not make are still current.
 */
// Images and fonts a template or stylesheet embeds (template-images.ts), by their kind (`*.png`), at any depth.
const EMBEDDED = Object.keys(EMBEDDED_TYPES).map((extension) => `*${extension}`)
const REPORT_TEMPLATES = ['report.hbs', 'report.css', 'partials/', 'locales/', ...EMBEDDED]
const DECK_TEMPLATES = ['slides.hbs', 'slides.css', 'slides.js', 'partials/', 'locales/', ...EMBEDDED]
export const templatesRead = {
  html: REPORT_TEMPLATES,
  // It prints the report's HTML.
  pdf: REPORT_TEMPLATES,
  slides: DECK_TEMPLATES,
  // It prints the deck's HTML.
  handout: DECK_TEMPLATES,
  // Its styles are code (docx-styles.ts); only the catalogs' labels come from the templates.
  docx: ['locales/'],
  // Its look is code and the brand (or pptx.template); from the templates come the catalogs' labels and fonts, and
  // slides.css's `--slide-…` sizes, which the deck is paginated and the slides drawn at.
  pptx: ['slides.css', 'locales/'],
} as const satisfies Record<keyof typeof renderers, readonly string[]>

/** Whether `read`, an entry of `templatesRead`, covers the template file `name` (relative to its folder, `/`-separated). */
export function templateReads(read: string, name: string): boolean {
  if (read.startsWith('*')) return name.toLowerCase().endsWith(read.slice(1))
  return read.endsWith('/') ? name.startsWith(read) : name === read
}

/** The renderer for `format`, loaded; a format this casebook lacks is a usage error. */
export async function loadRenderer(format: Format): Promise<Renderer> {
  const load = (renderers as Partial<Record<Format, () => Promise<Renderer>>>)[format]
  if (!load) throw new UsageError(`Format “${format}” is not available in this casebook`)
  return load()
}

/** Whether any of `formats` prints through a browser. */
export function needsBrowser(formats: readonly Format[]): boolean {
  return formats.some((format) => (printsInBrowser as Partial<Record<Format, boolean>>)[format] === true)
}
