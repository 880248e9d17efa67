/**
 * The slide masters (pptxgenjs writes each as a layout under one slide master), styled by the
 * brand: the slide's background colour, the title placeholder, the footer (the deck's title, the
 * classification line) and the slide number, the logo in the top right corner. Editing a layout
 * in PowerPoint's slide master view restyles every slide on it.
 */
import type { ImageProps, Presentation, TextPropsOptions } from './pptxgen.js'
import type { Brand } from '../../config/brand.js'
import { CANVAS, CONTENT_WIDTH, TITLE } from '../deck-view.js'
import { COVER } from './draw-cover.js'
import { FOOTER_TOP, PAD_TOP, PAD_X, fittingSize } from './pen.js'
import { inches, points, type Palette, type RunStyle } from './pptx-style.js'
import { FACE } from './pptx-text.js'

export const MASTER = { content: 'CASEBOOK_CONTENT', cover: 'CASEBOOK_TITLE' } as const

/** Defines both masters on `pptx`. */
export function defineMasters(pptx: Presentation, brand: Brand, colors: Palette, style: RunStyle, deckTitle: string): void {
  const text = (value: string, size: number, color: string, box: { x: number; y: number; w: number; h: number }, extra: TextPropsOptions = {}) => ({
    text: { text: value, options: { ...position(box), fontFace: FACE.body, fontSize: points(size), color, lang: style.lang, margin: 0, valign: 'middle' as const, ...extra } },
  })
  const classification = brand.classification
  // The deck's title has the footer to itself unless a classification line shares it; a long one wraps to two lines before it gets small.
  const footerWidth = classification ? 560 : CONTENT_WIDTH - 100
  const oneLine = fittingSize(deckTitle, footerWidth, 15, 11)
  const footerSize = oneLine > 11 ? oneLine : fittingSize(deckTitle, footerWidth, 15, 11, 2)
  pptx.defineSlideMaster({
    title: MASTER.content,
    background: { color: colors.background },
    objects: [
      ...logo(brand, { x: CANVAS.width - PAD_X - 200, y: 12, w: 200, h: 36 }),
      {
        placeholder: {
          options: { name: 'title', type: 'title', ...position({ x: PAD_X, y: PAD_TOP + 34, w: CONTENT_WIDTH, h: TITLE.line }), fontFace: FACE.headings, fontSize: points(TITLE.size), bold: true, color: colors.primary, margin: 0, valign: 'top' },
          text: '',
        },
      },
      text(deckTitle, footerSize, colors.muted, { x: PAD_X, y: FOOTER_TOP, w: footerWidth, h: 48 }),
      ...(classification ? [text(classification, fittingSize(classification, 400, 15, 9), colors.accent, { x: PAD_X + footerWidth + 20, y: FOOTER_TOP, w: 400, h: 48 }, { bold: true, align: 'right' })] : []),
    ],
    slideNumber: { ...position({ x: CANVAS.width - PAD_X - 80, y: FOOTER_TOP, w: 80, h: 48 }), fontFace: FACE.body, fontSize: points(15), color: colors.muted, align: 'right', valign: 'middle', margin: 0 },
  })
  pptx.defineSlideMaster({
    title: MASTER.cover,
    background: { color: colors.background },
    objects: [
      { rect: { ...position({ x: 0, y: 0, w: COVER.bar, h: CANVAS.height }), fill: { color: colors.accent }, line: { type: 'none' } } },
      { rect: { ...position({ x: CANVAS.width - COVER.side, y: 0, w: COVER.side, h: CANVAS.height }), fill: { color: colors.primary }, line: { type: 'none' } } },
      ...logo(brand, { x: COVER.left, y: 32, w: 240, h: 56 }),
      ...(classification ? [text(classification, fittingSize(classification, CANVAS.width - COVER.side - COVER.left - COVER.right, 15, 9), colors.accent, { x: COVER.left, y: FOOTER_TOP, w: CANVAS.width - COVER.side - COVER.left - COVER.right, h: 48 }, { bold: true })] : []),
      {
        placeholder: {
          options: { name: 'title', type: 'title', ...position({ x: COVER.left, y: 240, w: CANVAS.width - COVER.side - COVER.left - COVER.right, h: 140 }), fontFace: FACE.headings, fontSize: points(56), bold: true, color: colors.primary, margin: 0, valign: 'top' },
          text: '',
        },
      },
      {
        placeholder: {
          options: { name: 'subtitle', type: 'body', ...position({ x: COVER.left, y: 400, w: CANVAS.width - COVER.side - COVER.left - COVER.right, h: 40 }), fontFace: FACE.body, fontSize: points(28), color: colors.muted, margin: 0, valign: 'top' },
          text: '',
        },
      },
    ],
  })
}

function position(box: { x: number; y: number; w: number; h: number }) {
  return { x: inches(box.x), y: inches(box.y), w: inches(box.w), h: inches(box.h) }
}

/** The brand's logo scaled into `box`, flush with its right edge (its top left on the cover), or nothing. */
function logo(brand: Brand, box: { x: number; y: number; w: number; h: number }): Array<{ image: ImageProps }> {
  const { logo } = brand
  if (!logo) return []
  const scale = Math.min(box.w / logo.width, box.h / logo.height)
  const w = logo.width * scale
  const h = logo.height * scale
  const x = box.x === COVER.left ? box.x : box.x + box.w - w
  const data = `${logo.type};base64,${Buffer.from(logo.bytes).toString('base64')}`
  return [{ image: { ...position({ x, y: box.y + (box.h - h) / 2, w, h }), data, altText: brand.organisation ?? 'logo', objectName: 'Logo' } }]
}
