/** Generates seed-like documents of any size, in the outline and Markdown formats, for benchmarks. */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const CITIES = ['上海', '杭州', '深圳', '广州', '重庆', '成都', '苏州', '南京', '武汉', '西安', '天津', '厦门']
const TOPICS = ['智慧城市建设', '“城市大脑”', '“互联网+政务服务”', '“海绵城市”建设', '“大数据”应用', '社区治理', '智慧交通', '“互联网+教育”', '垃圾分类', '智慧医疗']
const POINTS = [
  ['数据驱动决策', '通过大数据分析,优化城市规划,提高公共服务效率。'],
  ['跨部门协同', '打破部门壁垒,实现信息共享和协同治理。'],
  ['公众参与', '通过移动端APP,让公众参与城市管理,提升城市治理的透明度。'],
  ['智慧医疗', '利用互联网技术,实现医疗资源的合理配置,提升医疗服务质量。'],
]

function chinese(n) {
  const digits = '零一二三四五六七八九'
  if (n < 10) return digits[n]
  if (n < 20) return '十' + (n % 10 ? digits[n % 10] : '')
  if (n < 100) return digits[Math.floor(n / 10)] + '十' + (n % 10 ? digits[n % 10] : '')
  return String(n)
}

function caseParts(n) {
  const city = CITIES[n % CITIES.length]
  const topic = TOPICS[n % TOPICS.length]
  return {
    title: `${city}${topic}(第${n}号)`,
    background: `${city}市积极推进${topic.replace(/[“”]/g, '')},提升公共服务水平。这是第${n}个案例的背景介绍。`,
    points: [0, 1, 2].map((i) => POINTS[(n + i) % POINTS.length]),
    insight: `${topic.replace(/[“”]/g, '')}是公共服务创新的重要方向,通过信息化手段,提升服务水平。`,
  }
}

/** Outline text (the seed's format) with `count` cases. */
export function generateOutline(count) {
  const lines = ['引言', '公共服务是城市治理的重要组成部分。本文分析典型案例,为城市治理创新提供启示。']
  for (let n = 1; n <= count; n++) {
    const c = caseParts(n)
    lines.push(`${chinese(n)}、案例${chinese(n)}:${c.title}`)
    lines.push(`${n}.1 案例背景`, c.background, `${n}.2 案例分析`)
    for (const [label, text] of c.points) lines.push(`- ${label}:${text}`)
    lines.push(`${n}.3 案例启示`, c.insight)
  }
  lines.push('结论', '公共服务创新需要持续探索,以更好地满足市民需求。')
  return lines.join('\n') + '\n'
}

/** The same document as Markdown, for peers such as pandoc, md-to-pdf and Marp. */
export function generateMarkdown(count) {
  const lines = ['---', 'title: 基准测试文档', 'lang: zh-CN', '---', '', '# 引言', '', '公共服务是城市治理的重要组成部分。本文分析典型案例,为城市治理创新提供启示。', '']
  for (let n = 1; n <= count; n++) {
    const c = caseParts(n)
    lines.push(`# 案例${chinese(n)}:${c.title}`, '', `## ${n}.1 案例背景`, '', c.background, '', `## ${n}.2 案例分析`, '')
    for (const [label, text] of c.points) lines.push(`- **${label}**:${text}`)
    lines.push('', `## ${n}.3 案例启示`, '', c.insight, '')
  }
  lines.push('# 结论', '', '公共服务创新需要持续探索,以更好地满足市民需求。', '')
  return lines.join('\n')
}

/** Writes both forms for `count` cases into `folder` (once) and returns their paths. */
export function writeDocuments(folder, count) {
  mkdirSync(folder, { recursive: true })
  const outline = join(folder, `cases-${count}.txt`)
  const markdown = join(folder, `cases-${count}.md`)
  if (!existsSync(outline)) writeFileSync(outline, generateOutline(count))
  if (!existsSync(markdown)) writeFileSync(markdown, generateMarkdown(count))
  return { outline, markdown }
}
