/**
 * Splits a case's pieces over as many slides as they need, never overfilling one and never
 * dropping a word: a piece taller than a whole slide continues on the next (text at a line, a
 * table at a row, its header repeated), and a table whose single row is too tall steps down to
 * the floor size. What still cannot fit is reported, naming the slide.
 */
import type { SlideLayout } from './slide-layout.js'
import type { CaseItem } from './slide-types.js'

type Heading = Extract<CaseItem, { type: 'heading' }>
type Table = Extract<CaseItem, { type: 'table' }>

/** The pages, and what does not fit even alone on a slide at the floor size. */
export interface Pagination {
  pages: CaseItem[][]
  /** Each a sentence naming the page (1-based within the case) and the piece. */
  overflows: Array<{ page: number; what: string }>
}

/**
 * Greedy page filling within `budget` px. A heading never ends a page, and a group that runs onto
 * a new page repeats its heading, marked as continued; `continued` is the catalog's “(continued)”.
 */
export function paginateItems(items: CaseItem[], budget: number, layout: SlideLayout, continued: string): Pagination {
  const height = (item: CaseItem) => layout.itemHeight(item, continued)
  const pages: CaseItem[][] = []
  const overflows: Pagination['overflows'] = []
  let page: CaseItem[] = []
  let used = 0
  let group: Heading | null = null
  const startPage = () => {
    if (page.length > 0) pages.push(page)
    page = []
    used = 0
    if (group) {
      const repeated: CaseItem = { ...group, continued: true }
      page.push(repeated)
      used += height(repeated)
    }
  }
  const place = (item: CaseItem) => {
    page.push(item)
    used += height(item)
  }
  items.forEach((item, index) => {
    if (item.type === 'heading') {
      const next = items[index + 1]
      const needed = height(item) + (next && next.type !== 'heading' ? Math.min(height(next), firstLineHeight(next, layout, continued)) : 0)
      group = null
      if (used + needed > budget && page.length > 0) startPage()
      group = item
      return place(item)
    }
    if (item.type === 'lead' || item.type === 'insight') group = null
    let rest: CaseItem | null = item
    while (rest) {
      if (used + height(rest) <= budget) {
        place(rest)
        break
      }
      // Whole on the next slide when it fits there; split only what no slide can hold.
      const fresh = budget - (group ? height({ ...group, continued: true }) : 0)
      if (height(rest) <= fresh) {
        startPage()
        continue
      }
      const split = splitItem(rest, budget - used, layout, continued)
      if (split) {
        place(split[0])
        rest = split[1]
        startPage()
        continue
      }
      if (!isEmptyish(page, group)) {
        startPage()
        continue
      }
      // Not even a line or a row fits a fresh slide: a table steps down, then it is shown as it is, and said.
      if (rest.type === 'table' && !rest.floor) {
        rest = { ...rest, floor: true }
        continue
      }
      place(rest)
      overflows.push({ page: pages.length + 1, what: describe(rest) })
      rest = null
    }
  })
  if (page.length > 0 || pages.length === 0) pages.push(page)
  balanceLast(pages, budget, height)
  return { pages, overflows }
}

/**
 * A last slide holding a single piece (the insight alone under “(continued)”) takes the piece
 * before it from the slide before, under its heading repeated, when it fits there: a briefing
 * reads better as two shared slides than as a full one and a lone box.
 */
function balanceLast(pages: CaseItem[][], budget: number, height: (item: CaseItem) => number): void {
  if (pages.length < 2) return
  const last = pages[pages.length - 1]
  const before = pages[pages.length - 2]
  const pieces = (page: CaseItem[]) => page.filter((item) => item.type !== 'heading')
  if (pieces(last).length !== 1 || pieces(before).length < 2) return
  const moved = before[before.length - 1]
  const previous = before[before.length - 2]
  // Only a whole piece that leaves another under its heading; never half of a split point or table.
  if (moved.type === 'heading' || previous.type === 'heading' || pieces(last)[0] === undefined || ('continued' in moved && moved.continued) || ('continued' in pieces(last)[0] && (pieces(last)[0] as { continued?: boolean }).continued)) return
  const group = [...before].reverse().find((item): item is Heading => item.type === 'heading')
  const inLead = before.slice(before.lastIndexOf(group as CaseItem)).some((item) => item.type === 'lead' || item.type === 'insight')
  const heading = group && !inLead && !(last[0].type === 'heading' && last[0].text === group.text) ? [{ ...group, continued: true }] : []
  const rest = last[0].type === 'heading' && group && last[0].text === group.text ? [last[0], moved, ...last.slice(1)] : [...heading, moved, ...last]
  if (rest.reduce((sum, item) => sum + height(item), 0) > budget) return
  before.pop()
  pages[pages.length - 1] = rest
}

/** Whether `page` holds nothing but its repeated heading. */
function isEmptyish(page: CaseItem[], group: Heading | null): boolean {
  return page.length === 0 || (page.length === 1 && group !== null && page[0].type === 'heading')
}

/** The height of the first line or row of `item`: what must follow a heading on its slide. */
function firstLineHeight(item: CaseItem, layout: SlideLayout, continued: string): number {
  const split = splitItem(item, 0, layout, continued, true)
  return split ? layout.itemHeight(split[0], continued) : layout.itemHeight(item, continued)
}

/**
 * `item` as a first part at most `room` px tall and the rest, cut between lines (text) or rows
 * (a table); null when not even one line or row fits. `smallest` takes one line or row whatever the room.
 */
function splitItem(item: CaseItem, room: number, layout: SlideLayout, continued: string, smallest = false): [CaseItem, CaseItem] | null {
  const fits = (part: CaseItem) => smallest || layout.itemHeight(part, continued) <= room
  if (item.type === 'table') {
    let count = 0
    if (smallest) count = Math.min(1, item.rows.length - 1)
    else while (count < item.rows.length - 1 && fits({ ...item, rows: item.rows.slice(0, count + 1) })) count++
    if (count === 0) return null
    const first: Table = { ...item, rows: item.rows.slice(0, count) }
    return [first, { ...item, rows: item.rows.slice(count), continued: true }]
  }
  if (item.type !== 'text' && item.type !== 'point' && item.type !== 'lead' && item.type !== 'insight') return null
  const lines = textLines(item, layout)
  if (lines.length < 2) return null
  const withText = <T extends CaseItem>(part: T, text: string): T => ({ ...part, text: text.trim() })
  for (let count = smallest ? 1 : lines.length - 1; count >= 1; count--) {
    const first = withText(item, lines.slice(0, count).join(''))
    if (fits(first)) {
      const rest = withText(item, lines.slice(count).join(''))
      return [first, rest.type === 'point' ? { ...rest, continued: true } : rest]
    }
  }
  return null
}

/** The lines of a text piece's text, as itemHeight measures them. */
function textLines(item: Extract<CaseItem, { type: 'text' | 'point' | 'lead' | 'insight' }>, layout: SlideLayout): string[] {
  const { style, font, contentWidth, measure } = layout
  switch (item.type) {
    case 'text':
      return measure.lines(item.text, contentWidth - (item.bullet ? style.bulletIndent : 0), font.text)
    case 'point': {
      const widths = layout.pointWidths()
      return measure.lines(item.text, item.label === null ? widths.whole : widths.text, font.text)
    }
    case 'lead':
      return measure.lines(item.text, contentWidth, font.lead)
    case 'insight':
      return measure.lines(item.text, contentWidth - 2 * style.insightPadX, font.text)
  }
}

/** A piece named for a warning: its kind and the start of its text. */
function describe(item: CaseItem): string {
  const text = item.type === 'table' ? [item.label, ...item.header.map((cell) => cell.text)].filter(Boolean).join(' ') : item.type === 'figure' ? item.caption || item.alt : 'text' in item ? item.text : ''
  const start = text.length > 40 ? `${text.slice(0, 40)}…` : text
  return `${item.type === 'table' ? 'a table row' : `a ${item.type}`}${start ? ` (“${start}”)` : ''}`
}
