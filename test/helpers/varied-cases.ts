/**
 * A case document made like a tester's own, the same for the same seed: each
 * case has one to six background paragraphs of 20 to 400 characters (four in
 * ten ending in English words), one to five `label：text` points and an
 * insight. Paragraph ends fall anywhere on a line, on a comma, a full stop, a
 * doubled full stop or a Latin word, so the page estimate meets hanging
 * punctuation, widows and orphans, and headings kept with short paragraphs.
 */

/** A small seeded generator (mulberry32): the same numbers for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CHINESE = '城市治理需要多部门协同，数据共享与流程再造是关键环节，基层实践表明制度创新能够显著提升公共服务效率。'
const ENGLISH = 'Mixed English text such as open data platforms and one-stop services appears in many reports and reviews'
const ENDINGS = ['。', '。', '。。', '；', '！']

/** `count` cases under `title`, with an introduction and a conclusion. */
export function variedCases(seed: number, count: number): string {
  const random = seededRandom(seed)
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1))
  const chinese = (length: number, from = between(0, CHINESE.length - 1)): string => CHINESE.repeat(Math.ceil((length + from) / CHINESE.length) + 1).slice(from, from + length)
  const paragraph = (length: number): string => {
    const ending = ENDINGS[between(0, ENDINGS.length - 1)]
    if (random() >= 0.4) return chinese(Math.max(1, length - ending.length)) + ending
    const tail = ENGLISH.slice(0, between(3, ENGLISH.length))
    return `${chinese(Math.max(1, length - tail.length - ending.length - 1))} ${tail}${ending}`
  }
  const lines = ['引言', paragraph(between(40, 200))]
  for (let n = 1; n <= count; n++) {
    lines.push(`案例${n}：第${n}号地方治理实践`, `${n}.1 案例背景`)
    for (let k = between(1, 6); k > 0; k--) lines.push(paragraph(between(20, 400)))
    lines.push(`${n}.2 案例分析`)
    for (let k = 1, points = between(1, 5); k <= points; k++) lines.push(`- 要点${k}：${paragraph(between(10, 200))}`)
    lines.push(`${n}.3 案例启示`, paragraph(between(20, 200)))
  }
  return [...lines, '结论', paragraph(between(40, 200))].join('\n')
}
