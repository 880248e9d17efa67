/**
 * The slide masters (pptxgenjs writes each as a layout under one slide master), styled by the
 * brand: the slide's background colour, the title placeholder, the footer (the deck's title, the
 * classification line) and the slide number, the logo in the top right corner. Editing a layout
 * in PowerPoint's slide master view restyles every slide on it.
 */
import type { ImageProps, Presentation, TextPropsOptions } from './pptxgen.js'
import type { Brand } from '../../config/brand.js'
import type { SlideLayout } from '../deck-view.js'
import { COVER_BAR, COVER_LOGO, coverColumn } from './draw-cover.js'
import { fittingSize, footerTop } from './pen.js'
import { inches, points, type Palette, type RunStyle } from './pptx-style.js'
import { FACE } from './pptx-text.js'

export const MASTER = { content: 'CASEBOOK_CONTENT', cover: 'CASEBOOK_TITLE' } as const

/** Defines both masters on `pptx`. */
export function defineMasters(pptx: Presentation, brand: Brand, colors: Palette, style: RunStyle, deckTitle: string, layout: SlideLayout): void {
  const { width, height, padX, padTop, kickerLine, kickerGap, titleLine, titleSize, titleSide, deckTitleSize } = layout.style
  const footerY = footerTop(layout)
  const contentWidth = layout.contentWidth
  const cover = coverColumn(layout)
  const footer = (text: string, room: number, size: number, floor: number, lines?: number) => fittingSize(layout, text, room, { size }, floor, lines)
  const text = (value: string, size: number, color: string, box: { x: number; y: number; w: number; h: number }, extra: TextPropsOptions = {}) => ({
    text: { text: value, options: { ...position(box), fontFace: FACE.body, fontSize: points(size), color, lang: style.lang, margin: 0, valign: 'middle' as const, ...extra } },
  })
  const classification = brand.classification
  // The deck's title has the footer to itself unless a classification line shares it; a long one wraps to two lines before it gets small.
  const footerWidth = classification ? 560 : contentWidth - 100
  const oneLine = footer(deckTitle, footerWidth, 15, 11)
  const footerSize = oneLine > 11 ? oneLine : footer(deckTitle, footerWidth, 15, 11, 2)
  pptx.defineSlideMaster({
    title: MASTER.content,
    background: { color: colors.background },
    objects: [
      ...logo(brand, { x: width - padX - 200, y: 12, w: 200, h: 36 }),
      {
        placeholder: {
          options: { name: 'title', type: 'title', ...position({ x: padX, y: padTop + kickerLine + kickerGap, w: contentWidth, h: titleLine }), fontFace: FACE.headings, fontSize: points(titleSize), bold: true, color: colors.primary, margin: 0, valign: 'top' },
          text: '',
        },
      },
      text(deckTitle, footerSize, colors.muted, { x: padX, y: footerY, w: footerWidth, h: height - footerY }),
      ...(classification ? [text(classification, footer(classification, 400, 15, 9), colors.accent, { x: padX + footerWidth + 20, y: footerY, w: 400, h: height - footerY }, { bold: true, align: 'right' })] : []),
    ],
    slideNumber: { ...position({ x: width - padX - 80, y: footerY, w: 80, h: height - footerY }), fontFace: FACE.body, fontSize: points(15), color: colors.muted, align: 'right', valign: 'middle', margin: 0 },
  })
  pptx.defineSlideMaster({
    title: MASTER.cover,
    background: { color: colors.background },
    objects: [
      { rect: { ...position({ x: 0, y: 0, w: COVER_BAR, h: height }), fill: { color: colors.accent }, line: { type: 'none' } } },
      { rect: { ...position({ x: width - titleSide, y: 0, w: titleSide, h: height }), fill: { color: colors.primary }, line: { type: 'none' } } },
      ...logo(brand, { x: cover.x, y: COVER_LOGO.y, w: 240, h: COVER_LOGO.h }, true),
      ...(classification ? [text(classification, footer(classification, cover.w, 15, 9), colors.accent, { x: cover.x, y: footerY, w: cover.w, h: height - footerY }, { bold: true })] : []),
      {
        placeholder: {
          options: { name: 'title', type: 'title', ...position({ x: cover.x, y: 240, w: cover.w, h: 140 }), fontFace: FACE.headings, fontSize: points(deckTitleSize), bold: true, color: colors.primary, margin: 0, valign: 'top' },
          text: '',
        },
      },
      {
        placeholder: {
          options: { name: 'subtitle', type: 'body', ...position({ x: cover.x, y: 400, w: cover.w, h: 40 }), fontFace: FACE.body, fontSize: points(28), color: colors.muted, margin: 0, valign: 'top' },
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
function logo(brand: Brand, box: { x: number; y: number; w: number; h: number }, left = false): Array<{ image: ImageProps }> {
  const { logo } = brand
  if (!logo) return []
  const scale = Math.min(box.w / logo.width, box.h / logo.height)
  const w = logo.width * scale
  const h = logo.height * scale
  const x = left ? box.x : box.x + box.w - w
  const data = `${logo.type};base64,${Buffer.from(logo.bytes).toString('base64')}`
  return [{ image: { ...position({ x, y: box.y + (box.h - h) / 2, w, h }), data, altText: brand.organisation ?? 'logo', objectName: 'Logo' } }]
}
