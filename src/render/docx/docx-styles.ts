/**
 * The document's styles under Word's built-in names and ids (Normal, Title,
 * Heading 1–3, List Bullet, TOC 1/2, Caption, Header, Footer), so an
 * organisation's template applies to them. Every colour is the brand's
 * (docx-look.ts), and only here: document.xml names styles, never colours.
 *
 * Line heights are exact (`w:lineRule="exact"`) wherever a paragraph holds
 * only text. Without a rule Word reads `w:line` as a multiple of the font's
 * own line height and LibreOffice as an exact height, so the two laid pages
 * out differently and a wrapped 28 pt title overprinted itself in
 * LibreOffice at 13.8 pt. An exact height is the same in both, and it is
 * what makes the contents' page numbers computable (estimate-pages.ts).
 */
import type { IParagraphStyleOptions, IStylesOptions } from 'docx'
import type { DocxFonts } from './docx-fonts.js'
import type { HeadingFonts, StyleLook } from './docx-look.js'

/** Half-points, as Word stores font sizes. */
const pt = (points: number): number => points * 2

/** The document default font size, in half-points. */
export const DEFAULT_SIZE = pt(11)
/** The document default paragraph spacing: lines of 15.6 pt for 11 pt text, airier than single spacing for Han text, whose glyphs fill the em box. */
export const DEFAULT_PARAGRAPH = { spacing: { before: 0, after: 120, line: 312, lineRule: 'exact' as const } }

/** Styles for `new Document({ styles })`; fonts live in the document defaults so each style inherits them per script. */
export function docxStyles(fonts: DocxFonts, look: StyleLook): IStylesOptions {
  const { colors } = look
  return {
    default: {
      document: {
        run: {
          font: { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.eastAsia, cs: fonts.latin },
          language: { value: fonts.lang, eastAsia: fonts.eastAsiaLang },
          size: DEFAULT_SIZE,
          color: colors.text,
        },
        paragraph: DEFAULT_PARAGRAPH,
      },
    },
    paragraphStyles: paragraphStyles(look),
    characterStyles: [
      { id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', uiPriority: 99, run: { color: colors.primary, underline: { type: 'single' } } },
      // Secondary text inside a paragraph: the untranslated note, the overview's dash for no key points.
      { id: 'Muted', name: 'Muted', basedOn: 'DefaultParagraphFont', uiPriority: 99, run: { color: colors.muted } },
    ],
  }
}

/** Exact line spacing of `twips`. */
const exact = (line: number) => ({ line, lineRule: 'exact' as const })

/** w:rFonts for a heading's own faces, or nothing when the brand names none. */
function headingFont(fonts: HeadingFonts): { font?: { ascii?: string; hAnsi?: string; eastAsia?: string; cs?: string } } {
  if (!fonts.latin && !fonts.eastAsia) return {}
  return { font: { ...(fonts.latin ? { ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin } : {}), ...(fonts.eastAsia ? { eastAsia: fonts.eastAsia } : {}) } }
}

/**
 * Every paragraph style casebook defines. The page estimator reads their sizes
 * and spacing with no look (they do not depend on it); the scaffold with the brand's.
 */
export function paragraphStyles(look?: StyleLook): IParagraphStyleOptions[] {
  const color = (name: keyof StyleLook['colors']) => (look ? { color: look.colors[name] } : {})
  const faces = look ? headingFont(look.headingFonts) : {}
  const heading = (id: string, name: string, level: number, size: number, spacing: { before: number; after: number; line: number }): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    uiPriority: 9,
    run: { bold: true, size: pt(size), ...color('primary'), ...faces },
    paragraph: { alignment: 'left', keepNext: true, keepLines: true, outlineLevel: level, spacing: { before: spacing.before, after: spacing.after, ...exact(spacing.line) } },
  })
  return [
    { id: 'Normal', name: 'Normal', quickFormat: true, paragraph: { alignment: 'both' } },
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      uiPriority: 10,
      run: { bold: true, size: pt(28), ...color('primary'), ...faces },
      // 38 pt lines for 28 pt type: a wrapped title keeps its lines apart.
      paragraph: { alignment: 'left', spacing: { before: 2400, after: 360, ...exact(760) }, ...(look ? { border: { bottom: { style: 'single', size: 18, color: look.colors.accent, space: 12 } } } : {}) },
    },
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      uiPriority: 11,
      run: { size: pt(16), ...color('muted') },
      paragraph: { alignment: 'left', spacing: { after: 240, ...exact(440) } },
    },
    heading('Heading1', 'heading 1', 0, 20, { before: 0, after: 360, line: 520 }),
    heading('Heading2', 'heading 2', 1, 14, { before: 360, after: 120, line: 400 }),
    heading('Heading3', 'heading 3', 2, 12, { before: 240, after: 80, line: 340 }),
    { id: 'ListBullet', name: 'List Bullet', basedOn: 'Normal', uiPriority: 99, paragraph: { alignment: 'left', spacing: { after: 80 } } },
    {
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Heading1',
      next: 'Normal',
      uiPriority: 39,
      // Not an outline level, so the contents never lists its own heading.
      paragraph: { outlineLevel: 9 },
    },
    // Contents entries: one exact line each and no spacing, so
    // the contents' own length is a sum Word and LibreOffice both get.
    { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', uiPriority: 39, run: { bold: true }, paragraph: { alignment: 'left', spacing: { before: 0, after: 0, ...exact(440) } } },
    { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', uiPriority: 39, run: { ...color('muted') }, paragraph: { alignment: 'left', indent: { left: 440 }, spacing: { before: 0, after: 0, ...exact(340) } } },
    { id: 'CoverMeta', name: 'Cover Meta', basedOn: 'Normal', run: { size: pt(12), ...color('muted') }, paragraph: { alignment: 'left', spacing: { after: 60, ...exact(340) } } },
    // The brand's logo on the cover: the line grows to the picture.
    { id: 'CoverLogo', name: 'Cover Logo', basedOn: 'Normal', paragraph: { alignment: 'left', spacing: { after: 240, line: 240, lineRule: 'auto' } } },
    { id: 'Classification', name: 'Classification', basedOn: 'Normal', run: { bold: true, size: pt(10), ...color('accent') }, paragraph: { alignment: 'left', spacing: { after: 0, ...exact(300) } } },
    // The running header may hold the logo, so its line is at least, not exactly, one line high.
    { id: 'Header', name: 'header', basedOn: 'Normal', uiPriority: 99, run: { size: pt(9), ...color('muted') }, paragraph: { alignment: 'left', spacing: { after: 0, line: 240, lineRule: 'atLeast' } } },
    { id: 'Footer', name: 'footer', basedOn: 'Normal', uiPriority: 99, run: { size: pt(9), ...color('muted') }, paragraph: { alignment: 'center', spacing: { after: 0, ...exact(260) } } },
    // Word's built-in Quote, so a reference document's quote look applies.
    { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, uiPriority: 29, run: { italics: true, ...color('muted') }, paragraph: { alignment: 'left', indent: { left: 567, right: 567 }, spacing: { before: 120, after: 120 } } },
    { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, uiPriority: 35, run: { italics: true, size: pt(9), ...color('muted') }, paragraph: { spacing: { after: 200, ...exact(280) } } },
    {
      id: 'CodeBlock',
      name: 'Code Block',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: 'Consolas', size: pt(9.5) },
      paragraph: { alignment: 'left', indent: { left: 284 }, spacing: { before: 60, after: 120, ...exact(240) }, ...(look ? { shading: { type: 'clear', fill: look.colors.shade, color: 'auto' } } : {}) },
    },
    { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: pt(10) }, paragraph: { alignment: 'left', spacing: { after: 0, ...exact(264) } } },
    // A picture's paragraph: the line grows to the picture, which stays with its caption.
    { id: 'Figure', name: 'Figure', basedOn: 'Normal', next: 'Caption', paragraph: { alignment: 'center', keepNext: true, spacing: { line: 240, lineRule: 'auto' } } },
    // A thematic break: an empty paragraph with a rule under it.
    { id: 'HorizontalRule', name: 'Horizontal Rule', basedOn: 'Normal', next: 'Normal', paragraph: look ? { border: { bottom: { style: 'single', size: 6, space: 1, color: look.colors.rule } } } : {} },
  ]
}
