/** out/CHANGES.md: the edition notes as Markdown, for people and CI logs. */
import type { Locale } from '../locale/load-locale.js'
import type { TreeChanges } from './diff-trees.js'
import { editionNotes, sinceLine } from './edition-notes.js'

/** Renders what changed since the previous edition, with the labels of `locale`; `edition` names this one when it is recorded. */
export function changesMarkdown(title: string, changes: TreeChanges | null, locale: Locale, edition?: string): string {
  const separator = locale.t('pointSeparator')
  // `# 本版更新：标题（v2）`, `# Edition notes: Title (v2)`: the locale's colon and brackets.
  const detail = (entry: string, value: string | undefined) => (value ? locale.t('changesDetail', { entry, detail: value }) : entry)
  const lines = [`# ${detail(`${locale.t('editionNotes')}${separator}${title}`, edition)}`, '']
  if (!changes) return [...lines, locale.t('changesFirst'), ''].join('\n')
  const since = sinceLine(changes, locale)
  if (since) lines.push(since, '')
  const notes = editionNotes(changes, locale)
  if (!notes) return [...lines, locale.t('changesNone'), ''].join('\n')
  if (notes.metadata.length) {
    lines.push(`## ${locale.t('changesMetadata')}`, '')
    for (const line of notes.metadata) lines.push(`- ${line}`)
    lines.push('')
  }
  for (const group of notes.groups) {
    lines.push(`## ${group.heading}`, '')
    for (const node of group.cases) {
      const entry = `${node.label}${separator}${node.title}`
      lines.push(`- ${detail(entry, node.sections)}`)
    }
    lines.push('')
  }
  for (const line of notes.frames) lines.push(line, '')
  return lines.join('\n')
}
