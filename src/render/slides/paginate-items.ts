/** Splits a case's pieces over as many slides as they need, never overfilling one. */
import { itemHeight } from './slide-metrics.js'
import type { CaseItem } from './slide-types.js'

/**
 * Greedy page filling within `budget` px. A heading never ends a page, and a
 * group that runs onto a new page repeats its heading, marked as continued.
 */
export function paginateItems(items: CaseItem[], budget: number): CaseItem[][] {
  const pages: CaseItem[][] = []
  let page: CaseItem[] = []
  let used = 0
  let group: Extract<CaseItem, { type: 'heading' }> | null = null
  const startPage = () => {
    if (page.length > 0) pages.push(page)
    page = []
    used = 0
  }
  items.forEach((item, index) => {
    if (item.type === 'heading') {
      group = item
      const next = items[index + 1]
      const needed = itemHeight(item) + (next && next.type !== 'heading' ? itemHeight(next) : 0)
      if (used + needed > budget) startPage()
    } else {
      if (item.type === 'lead' || item.type === 'insight') group = null
      if (used + itemHeight(item) > budget && page.length > 0) {
        startPage()
        if (group) {
          const repeated: CaseItem = { ...group, continued: true }
          page.push(repeated)
          used += itemHeight(repeated)
        }
      }
    }
    page.push(item)
    used += itemHeight(item)
  })
  if (page.length > 0 || pages.length === 0) pages.push(page)
  return pages
}
