/** Every renderer by format. Adding a format means adding a renderer here, not editing a switch. */
import type { Format } from '../config/config-schema.js'
import type { Renderer } from './renderer.js'

/** Loads the renderer for `format`; heavy ones (puppeteer, docx) load only when asked for. */
export const renderers = {
  html: async () => (await import('./html/html-renderer.js')).htmlRenderer,
  pdf: async () => (await import('./pdf/pdf-renderer.js')).pdfRenderer,
  slides: async () => (await import('./slides/slides-renderer.js')).slidesRenderer,
  docx: async () => (await import('./docx/docx-renderer.js')).docxRenderer,
} as const satisfies Partial<Record<Format, () => Promise<Renderer>>>
