/**
 * The slide's geometry from its stylesheet's sizes (slide-style.ts) and its text measured with
 * its font (text-lines.ts): how tall a header, a key point or a table row is, as Chromium will
 * lay it out, so slides are filled in Node. The deck tests check the result in Chromium.
 */
import type { SlideStyle } from './slide-style.js'
import { TextMeasure, type TextFont } from './text-lines.js'
import type { CaseItem, SlideCell } from './slide-types.js'

/** Room kept free on every slide against sub-pixel rounding in the browser. */
const SLACK = 4

/** One deck's sizes, fonts and measure. */
export class SlideLayout {
  readonly contentWidth: number
  readonly font: Record<'kicker' | 'title' | 'text' | 'label' | 'heading' | 'lead' | 'caption' | 'table' | 'tableHead' | 'tableFloor' | 'tableFloorHead' | 'frame', TextFont>

  constructor(
    readonly style: SlideStyle,
    readonly measure: TextMeasure,
  ) {
    this.contentWidth = style.width - 2 * style.padX
    this.font = {
      kicker: { size: style.kickerSize, bold: true, spacing: style.kickerSpacing },
      title: { size: style.titleSize, bold: true, spacing: style.titleSpacing },
      text: { size: style.textSize },
      label: { size: style.textSize, bold: true },
      heading: { size: style.headingSize, bold: true, spacing: style.headingSpacing },
      lead: { size: style.leadSize },
      caption: { size: style.captionSize },
      table: { size: style.tableSize },
      tableHead: { size: style.tableSize, bold: true },
      tableFloor: { size: style.tableFloorSize },
      tableFloorHead: { size: style.tableFloorSize, bold: true },
      frame: { size: style.frameSize },
    }
  }

  /** The same deck at the compact sizes (`.slide.compact`): smaller body type, down to the stylesheet's floor. */
  compact(): SlideLayout {
    const { style } = this
    return new SlideLayout(
      { ...style, ...Object.fromEntries((['textSize', 'textLine', 'leadSize', 'leadLine', 'itemGap', 'pointPadY'] as const).map((field) => [field, style[field] * style.compactScale])) },
      this.measure,
    )
  }

  /** Lines `text` takes `width` px wide in `font`. */
  lines(text: string, width: number, font: TextFont, indent = 0): number {
    return this.measure.count(text, width, font, indent)
  }

  /** The header's height: the kicker (with what follows it, such as “(continued)”) over the title. */
  headerHeight(kicker: string, title: string): number {
    const { style } = this
    return (
      style.kickerLine * this.lines(kicker, this.contentWidth, this.font.kicker) +
      style.kickerGap +
      style.titleLine * this.lines(title, this.contentWidth, this.font.title) +
      style.headerGap +
      style.headerRule +
      style.headerMargin
    )
  }

  /** The body's height under a header of `kicker` and `title`. */
  bodyHeight(kicker: string, title: string): number {
    const { style } = this
    return style.height - style.padTop - style.footer - this.headerHeight(kicker, title) - SLACK
  }

  /** The text column of a key point, beside its label or across the whole box. */
  pointWidths(): { label: number; text: number; whole: number } {
    const { style } = this
    const whole = this.contentWidth - style.pointRule - 2 * style.pointPadX
    return { label: style.labelWidth, text: whole - style.labelWidth - style.labelGap, whole }
  }

  /** The width of a table cell among `columns` equal ones. */
  cellWidth(columns: number): number {
    return this.contentWidth / columns - 2 * this.style.tablePadX
  }

  /** The height of one table row: its tallest cell, at least a row's height. */
  rowHeight(cells: SlideCell[], floor: boolean, head: boolean): number {
    const { style } = this
    const font = floor ? (head ? this.font.tableFloorHead : this.font.tableFloor) : head ? this.font.tableHead : this.font.table
    const line = floor ? style.tableFloorLine : style.tableLine
    const width = this.cellWidth(cells.length || 1)
    const lines = Math.max(1, ...cells.map((cell) => this.lines(cell.text, width, font)))
    // The cell's bottom border counts inside a row's set height, and under the lines when they are taller.
    return Math.max(style.tableRow, lines * line + 1)
  }

  /** Height in px of one case-slide piece, margins included. */
  itemHeight(item: CaseItem, continuedText: string): number {
    const { style, font, contentWidth } = this
    const headingLines = (text: string) => this.lines(text, contentWidth, font.heading)
    switch (item.type) {
      case 'heading':
        return style.headingAbove + style.headingLine * headingLines(item.continued ? `${item.text} ${continuedText}` : item.text) + style.headingBelow
      case 'lead':
        return style.headingLine * headingLines(item.heading) + style.headingGap + style.leadLine * this.lines(item.text, contentWidth, font.lead) + style.leadGap
      case 'point': {
        const widths = this.pointWidths()
        const labelLines = item.label === null ? 0 : this.lines(item.label, widths.label, font.label) + (item.continued ? 1 : 0)
        const textLines = this.lines(item.text, item.label === null ? widths.whole : widths.text, font.text)
        return 2 * style.pointPadY + style.itemGap + style.textLine * Math.max(labelLines, textLines)
      }
      case 'text':
        return style.itemGap + style.textLine * this.lines(item.text, contentWidth - (item.bullet ? style.bulletIndent : 0), font.text)
      case 'insight':
        return style.insightAbove + 2 * style.insightPadY + style.headingLine * this.lines(item.heading, contentWidth - 2 * style.insightPadX, font.heading) + style.headingGap + style.textLine * this.lines(item.text, contentWidth - 2 * style.insightPadX, font.text)
      case 'figure':
        return item.height + (item.caption ? style.captionLine * this.lines(item.caption, contentWidth, font.caption) : 0) + style.figureGap
      case 'table': {
        const label = item.label ? style.captionLine * this.lines(item.continued ? `${item.label} ${continuedText}` : item.label, contentWidth, font.caption) : 0
        const floor = Boolean(item.floor)
        return label + this.rowHeight(item.header, floor, true) + item.rows.reduce((sum, row) => sum + this.rowHeight(row, floor, false), 0) + style.tableGap
      }
    }
  }
}
