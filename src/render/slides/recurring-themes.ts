/**
 * Themes that recur across cases, found in their key-point labels: a label
 * two cases share (智慧医疗), then words or CJK terms several labels share
 * (医疗, 信息化), so the overview can compare cases in a matrix.
 */

/** A theme and the cases (by index) whose key-point labels mention it. */
export interface Theme {
  term: string
  cases: Set<number>
}

const MIN_TERM = 2
const MAX_TERM = 6

/** Up to `max` recurring themes over cases given as their key-point labels; fewer than two means there is nothing to compare. */
export function recurringThemes(labelsByCase: string[][], max: number): Theme[] {
  const caseCount = labelsByCase.length
  const whole = new Map<string, Theme>()
  const parts = new Map<string, Theme>()
  labelsByCase.forEach((labels, index) => {
    for (const label of labels) {
      const normal = normalise(label)
      if (normal) add(whole, normal, index)
      for (const term of terms(normal)) add(parts, term, index)
    }
  })
  // A theme (nearly) every case has compares little: it comes after the ones that tell cases apart.
  const ceiling = caseCount >= 4 ? Math.ceil(caseCount * 0.8) : caseCount
  const recurring = (themes: Map<string, Theme>, telling: boolean) =>
    [...themes.values()].filter((theme) => theme.cases.size >= 2 && theme.cases.size <= ceiling === telling).sort(byStrength)
  const ranked = [...recurring(whole, true), ...recurring(parts, true), ...recurring(whole, false), ...recurring(parts, false)]
  const chosen: Theme[] = []
  for (const theme of ranked) {
    if (chosen.length >= max) break
    if (chosen.some((other) => other.term === theme.term || theme.term.includes(other.term))) continue
    // A part of a chosen theme is worth a column only when it reaches more cases.
    if (chosen.some((other) => other.term.includes(theme.term) && isSubset(theme.cases, other.cases))) continue
    chosen.push(theme)
  }
  return chosen
}

/** Whether `label` mentions `theme` (the matrix cells). */
export function mentions(label: string, theme: string): boolean {
  return normalise(label).includes(theme)
}

function normalise(label: string): string {
  return label.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ').trim()
}

/** CJK substrings of 2–6 characters and Latin words of four letters or more. */
function terms(normal: string): Set<string> {
  const found = new Set<string>()
  for (const [run] of normal.matchAll(/\p{Script=Han}+/gu)) {
    // Where each character starts (a Han character may be astral: two code units), then
    // slices of the run: joining arrays of characters made two objects a term.
    const starts: number[] = []
    for (let index = 0; index < run.length; index += run.codePointAt(index)! > 0xffff ? 2 : 1) starts.push(index)
    starts.push(run.length)
    const chars = starts.length - 1
    for (let start = 0; start < chars; start++) {
      for (let length = MIN_TERM; length <= MAX_TERM && start + length <= chars; length++) {
        found.add(run.slice(starts[start], starts[start + length]))
      }
    }
  }
  for (const [word] of normal.matchAll(/[\p{L}\p{N}]{4,}/gu)) if (!/\p{Script=Han}/u.test(word)) found.add(word)
  return found
}

function add(themes: Map<string, Theme>, term: string, index: number): void {
  let theme = themes.get(term)
  if (!theme) themes.set(term, (theme = { term, cases: new Set() }))
  theme.cases.add(index)
}

// Map order is first appearance, and sort is stable, so ties keep document order.
function byStrength(a: Theme, b: Theme): number {
  return b.cases.size - a.cases.size || Array.from(b.term).length - Array.from(a.term).length
}

function isSubset(small: Set<number>, large: Set<number>): boolean {
  for (const item of small) if (!large.has(item)) return false
  return true
}
