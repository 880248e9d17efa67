/** out/CHANGES.md: the edition notes as Markdown, for people and CI logs. */
import type { Locale } from '../locale/load-locale.js'
import type { TreeChanges } from './diff-trees.js'
import { isUnchanged } from './diff-trees.js'

/** Renders what changed since the previous edition, with the labels of `locale`. */
export function changesMarkdown(title: string, changes: TreeChanges | null, locale: Locale): string {
  const lines = [`# ${locale.t('editionNotes')}: ${title}`, '']
  if (!changes) return [...lines, locale.t('changesFirst'), ''].join('\n')
  if (isUnchanged(changes)) return [...lines, locale.t('changesNone'), ''].join('\n')
  const heading = (key: string) => lines.push(`## ${locale.t(key)}`, '')
  const item = (number: number, title: string) => `${locale.caseLabel(number)}${locale.t('pointSeparator')}${title}`
  if (changes.added.length) {
    heading('changesAdded')
    for (const node of changes.added) lines.push(`- ${item(node.number, node.title)}`)
    lines.push('')
  }
  if (changes.removed.length) {
    heading('changesRemoved')
    for (const node of changes.removed) lines.push(`- ${item(node.number, node.title)}`)
    lines.push('')
  }
  if (changes.changed.length) {
    heading('changesChanged')
    for (const node of changes.changed) {
      const sections = node.sections.length ? ` (${locale.t('changesSections', { sections: node.sections.join(', ') })})` : ''
      lines.push(`- ${item(node.number, node.title)}${sections}`)
    }
    lines.push('')
  }
  if (changes.introChanged) lines.push(locale.t('changesIntro'), '')
  if (changes.conclusionChanged) lines.push(locale.t('changesConclusion'), '')
  return lines.join('\n')
}
