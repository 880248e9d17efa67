/**
 * The edition notes in one locale's words, as CHANGES.md, the report's notes page, the deck's
 * notes slides and the .docx chapter all say them: the document's title, subtitle and date
 * when they changed, then one group of cases for each thing that happened to them.
 */
import type { Locale } from '../locale/load-locale.js'
import { isUnchanged, type MetadataChange, type SectionChanges, type TreeChanges } from './diff-trees.js'
import type { BaselineLabel } from './snapshot.js'

/** A case named in the notes: its label (or old → new labels), its title (or old → new titles) and what happened inside it. */
export interface NotedCase {
  label: string
  title: string
  /** For a changed case: its sections added, removed, changed and moved, each said as such. */
  sections?: string
}

/** One kind of change and the cases it happened to. */
export interface NotesGroup {
  kind: 'added' | 'changed' | 'renamed' | 'moved' | 'renumbered' | 'removed' | 'pending'
  /** The group's heading, from the catalog (`changesAdded`, `changesRenamed`, …). */
  heading: string
  cases: NotedCase[]
}

/** Everything the notes say, in order. */
export interface EditionNotes {
  /** What the notes compare with: `Compared with edition v1 of 1 November 2026.` */
  since: string | null
  /** One line per changed title, subtitle or date: `Title: old → new`. */
  metadata: string[]
  groups: NotesGroup[]
  /** `The introduction changed.`, `The conclusion changed.` */
  frames: string[]
}

const HEADINGS: Record<NotesGroup['kind'], string> = {
  added: 'changesAdded',
  changed: 'changesChanged',
  renamed: 'changesRenamed',
  moved: 'changesMoved',
  renumbered: 'changesRenumbered',
  removed: 'changesRemoved',
  pending: 'changesPending',
}

/** The notes for `changes`, or null when there is nothing to say (a first edition, or nothing changed). */
export function editionNotes(changes: TreeChanges | null | undefined, locale: Locale): EditionNotes | null {
  if (!changes || isUnchanged(changes)) return null
  const { t } = locale
  const fromTo = (before: string, after: string) => t('changesFromTo', { before, after })
  const chinese = locale.code.startsWith('zh')
  const listSeparator = chinese ? '、' : ', '
  const partSeparator = chinese ? '；' : '; '
  const sections = (found: SectionChanges): string | undefined => {
    const parts = [
      ['changesSectionsAdded', found.added],
      ['changesSectionsRemoved', found.removed],
      ['changesSections', found.changed],
      ['changesSectionsMoved', found.moved],
    ] as const
    const said = parts.filter(([, names]) => names.length).map(([key, names]) => t(key, { sections: names.join(listSeparator) }))
    return said.length ? said.join(partSeparator) : undefined
  }
  const groups: NotesGroup[] = []
  const group = (kind: NotesGroup['kind'], cases: NotedCase[]) => {
    if (cases.length) groups.push({ kind, heading: t(HEADINGS[kind]), cases })
  }
  group('added', changes.added.map((node) => ({ label: locale.caseLabel(node.number), title: node.title })))
  group('changed', changes.changed.map((node) => ({ label: locale.caseLabel(node.number), title: node.title, sections: sections(node.sections) })))
  group('renamed', changes.renamed.map((node) => ({ label: locale.caseLabel(node.number), title: fromTo(node.previousTitle, node.title) })))
  const moved = (node: { number: number; previousNumber: number; title: string }): NotedCase => ({
    label: fromTo(locale.caseLabel(node.previousNumber), locale.caseLabel(node.number)),
    title: node.title,
  })
  group('moved', changes.moved.map(moved))
  group('renumbered', changes.renumbered.map(moved))
  group('removed', changes.removed.map((node) => ({ label: locale.caseLabel(node.number), title: node.title })))
  group('pending', changes.pending.map((node) => ({ label: locale.caseLabel(node.number), title: node.title, sections: node.sections.length ? node.sections.join(listSeparator) : undefined })))
  const frames = [...(changes.introChanged ? [t('changesIntro')] : []), ...(changes.conclusionChanged ? [t('changesConclusion')] : [])]
  return { since: sinceLine(changes, locale), metadata: changes.metadata.map((change) => metadataLine(change, locale)), groups, frames }
}

/** The sentence naming what `changes` compare with, in the locale's words; null when the build did not say. */
export function sinceLine(changes: Pick<TreeChanges, 'since'>, locale: Locale): string | null {
  const since: BaselineLabel | undefined = changes.since
  if (!since) return null
  const day = (iso: string) => locale.formatDate(iso.slice(0, 10))
  switch (since.kind) {
    case 'edition':
      return locale.t('changesSinceEdition', { name: since.name, date: day(since.date) })
    case 'first-build':
      return locale.t('changesSinceFirstBuild', { date: day(since.date) })
    case 'manifest':
    case 'source':
      return locale.t('changesSinceFile', { path: since.path })
    case 'git':
      return locale.t('changesSinceRevision', { revision: since.revision, commit: since.commit.slice(0, 7) })
  }
}

const META_KEYS: Record<MetadataChange['field'], string> = { title: 'changesMetaTitle', subtitle: 'changesMetaSubtitle', date: 'changesMetaDate' }

function metadataLine(change: MetadataChange, locale: Locale): string {
  const say = (value: string | null) => {
    if (value === null || value === '') return locale.t('changesMetaNone')
    return change.field === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? locale.formatDate(value) : value
  }
  return locale.t(META_KEYS[change.field], { before: say(change.before), after: say(change.after) })
}
