/**
 * The document's styles under Word's built-in names and ids (Normal, Title,
 * Heading 1–3, List Bullet, TOC 1/2), so an organisation's template applies to them.
 */
import type { IParagraphStyleOptions, IStylesOptions } from 'docx'
import type { DocxFonts } from './docx-fonts.js'

/** Colours of the house design: ink for text, navy for headings, a muted accent for rules. */
export const PALETTE = { ink: '1A1A1A', heading: '1F3864', accent: '8E2A2A', muted: '595959', rule: 'BFBFBF', band: 'EEF1F6' } as const

/** Half-points, as Word stores font sizes. */
const pt = (points: number): number => points * 2

/** The document default font size, in half-points. */
export const DEFAULT_SIZE = pt(11)
/** The document default paragraph spacing: 1.3 lines reads better than single spacing for Han text, whose glyphs fill the em box. */
export const DEFAULT_PARAGRAPH = { spacing: { before: 0, after: 120, line: 312 } }

/** Styles for `new Document({ styles })`; fonts live in the document defaults so each style inherits them per script. */
export function docxStyles(fonts: DocxFonts): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.eastAsia, cs: fonts.latin },
          language: { value: fonts.lang, eastAsia: fonts.eastAsiaLang },
          size: DEFAULT_SIZE,
          color: PALETTE.ink,
        },
        paragraph: DEFAULT_PARAGRAPH,
      },
    },
    paragraphStyles: PARAGRAPH_STYLES,
  }
}

const heading = (id: string, name: string, level: number, size: number, spacing: { before: number; after: number }): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  uiPriority: 9,
  run: { bold: true, size: pt(size), color: PALETTE.heading },
  paragraph: { alignment: 'left', keepNext: true, keepLines: true, outlineLevel: level, spacing: { ...spacing, line: 300 } },
})

/** Every paragraph style casebook defines; the page estimator reads their sizes and spacing too. */
export const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  { id: 'Normal', name: 'Normal', quickFormat: true, paragraph: { alignment: 'both' } },
  {
    id: 'Title',
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    uiPriority: 10,
    run: { bold: true, size: pt(28), color: PALETTE.heading },
    paragraph: { alignment: 'left', spacing: { before: 2400, after: 360, line: 276 }, border: { bottom: { style: 'single', size: 18, color: PALETTE.accent, space: 12 } } },
  },
  {
    id: 'Subtitle',
    name: 'Subtitle',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    uiPriority: 11,
    run: { size: pt(16), color: PALETTE.muted },
    paragraph: { alignment: 'left', spacing: { after: 240 } },
  },
  heading('Heading1', 'heading 1', 0, 20, { before: 0, after: 360 }),
  heading('Heading2', 'heading 2', 1, 14, { before: 360, after: 120 }),
  heading('Heading3', 'heading 3', 2, 12, { before: 240, after: 80 }),
  {
    id: 'ListBullet',
    name: 'List Bullet',
    basedOn: 'Normal',
    uiPriority: 99,
    paragraph: { alignment: 'left', spacing: { after: 80 } },
  },
  {
    id: 'TOCHeading',
    name: 'TOC Heading',
    basedOn: 'Heading1',
    next: 'Normal',
    uiPriority: 39,
    // Not an outline level, so the contents never lists its own heading.
    paragraph: { outlineLevel: 9 },
  },
  { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', uiPriority: 39, run: { bold: true }, paragraph: { alignment: 'left', spacing: { before: 160, after: 40 } } },
  { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', uiPriority: 39, run: { color: PALETTE.muted }, paragraph: { alignment: 'left', indent: { left: 440 }, spacing: { after: 20 } } },
  { id: 'CoverMeta', name: 'Cover Meta', basedOn: 'Normal', run: { size: pt(12), color: PALETTE.muted }, paragraph: { alignment: 'left', spacing: { after: 60 } } },
  { id: 'Header', name: 'header', basedOn: 'Normal', uiPriority: 99, run: { size: pt(9), color: PALETTE.muted }, paragraph: { alignment: 'right', spacing: { after: 0 } } },
  { id: 'Footer', name: 'footer', basedOn: 'Normal', uiPriority: 99, run: { size: pt(9), color: PALETTE.muted }, paragraph: { alignment: 'center', spacing: { after: 0 } } },
  // Word's built-in Quote, so a reference document's quote look applies.
  { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, uiPriority: 29, run: { italics: true, color: PALETTE.muted }, paragraph: { alignment: 'left', indent: { left: 567, right: 567 }, spacing: { before: 120, after: 120 } } },
  { id: 'CodeBlock', name: 'Code Block', basedOn: 'Normal', next: 'Normal', run: { font: 'Consolas', size: pt(9.5) }, paragraph: { alignment: 'left', indent: { left: 284 }, spacing: { before: 60, after: 120, line: 240 }, shading: { type: 'clear', fill: 'F4F5F7', color: 'auto' } } },
  { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: pt(10) }, paragraph: { alignment: 'left', spacing: { after: 0, line: 264 } } },
]
