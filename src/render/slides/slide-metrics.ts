/**
 * The slide layout in numbers, mirroring templates/slides.css, so pages are
 * filled in TypeScript without a browser. The tests check the result in
 * Chromium: if the stylesheet changes, change these with it.
 */
import { lineCount } from '../text-width.js'
import type { CaseItem } from './slide-types.js'

/** The design canvas; the runtime scales it to the window. */
export const CANVAS = { width: 1280, height: 720 }
const PAD_TOP = 56
const PAD_X = 80
const FOOTER = 48
/** Room kept free on every page against estimates that run short. */
const SLACK = 6

/** Width of the slide's content column in px. */
export const CONTENT_WIDTH = CANVAS.width - 2 * PAD_X

/** Slide title: 40px type on 50px lines. */
export const TITLE = { size: 40, line: 50, maxLines: 2 }

/** Height of the slide body under a title of `titleLines` lines. */
export function bodyHeight(titleLines: number): number {
  const header = 28 + 6 + TITLE.line * titleLines + 18 + 3 + 24
  return CANVAS.height - PAD_TOP - FOOTER - header - SLACK
}

/** Case-slide pieces: font size, line height and the text column in ems. */
export const ITEM = {
  lead: { size: 24, line: 38, ems: CONTENT_WIDTH / 24, maxLines: 3 },
  point: { size: 22, line: 34, ems: (CONTENT_WIDTH - 4 - 40 - 240 - 28) / 22, maxLines: 2 },
  label: { ems: 240 / 22, maxLines: 2 },
  text: { size: 22, line: 34, ems: (CONTENT_WIDTH - 28) / 22, maxLines: 3 },
  insight: { size: 22, line: 34, ems: (CONTENT_WIDTH - 48) / 22, maxLines: 3 },
} as const

/**
 * A figure: at most this tall (so a heading and a line of text can share its
 * slide), its caption on one 30px line, 16px of margins. A table: 40px rows
 * of 20px type, its label on a 30px line; at most `maxRows` body rows a slide.
 */
export const FIGURE = { maxHeight: 340, caption: 30, margin: 16, captionEms: CONTENT_WIDTH / 18 }
export const TABLE = { row: 40, label: 30, margin: 12, size: 20, maxRows: 8 }

/** Height in px of one case-slide piece, margins included. */
export function itemHeight(item: CaseItem): number {
  switch (item.type) {
    case 'heading':
      return 48
    case 'lead':
      return 48 + ITEM.lead.line * lineCount(item.text, ITEM.lead.ems)
    case 'point': {
      const lines = Math.max(lineCount(item.text, ITEM.point.ems), item.label ? lineCount(item.label, ITEM.label.ems) : 1)
      return 30 + ITEM.point.line * lines
    }
    case 'text':
      return 10 + ITEM.text.line * lineCount(item.text, ITEM.text.ems)
    case 'insight':
      return 78 + ITEM.insight.line * lineCount(item.text, ITEM.insight.ems)
    case 'figure':
      return item.height + FIGURE.caption + FIGURE.margin
    case 'table':
      return TABLE.label + TABLE.row * (item.rows.length + 1) + TABLE.margin
  }
}

/** Introduction and conclusion text: 26px type on 46px lines, 18px between paragraphs. */
export const FRAME = { size: 26, line: 46, gap: 18, ems: CONTENT_WIDTH / 26 }

/** Agenda entries per column, and columns per slide. */
export const AGENDA = { rows: 8, columns: 2 }

/**
 * Overview rows per slide, the most theme columns that stay readable, and the
 * one-line cells: 19px type, 8px side padding, 118px theme columns, the case
 * column 42% wide beside the key points, and its 16px bold label 12px before the title.
 */
export const OVERVIEW = { rows: 10, maxThemes: 6, size: 19, padding: 8, themeWidth: 118, caseShare: 0.42, label: { size: 16, gap: 12 } }
