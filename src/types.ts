/**
 * Types shared between pipeline stages: the case tree (a unist tree, the
 * contract `casebook ast` prints), configuration, locales and renderers.
 */
import type { Position } from 'unist'
import type { VFile } from 'vfile'

export type { Position }

// ---------------------------------------------------------------- phrasing

/** Plain text; `value` is content exactly as written. */
export interface Text {
  type: 'text'
  value: string
  position?: Position
}
export interface Strong {
  type: 'strong'
  children: Phrasing[]
  position?: Position
}
export interface Emphasis {
  type: 'emphasis'
  children: Phrasing[]
  position?: Position
}
export interface Link {
  type: 'link'
  url: string
  title?: string | null
  children: Phrasing[]
  position?: Position
}
export interface InlineCode {
  type: 'inlineCode'
  value: string
  position?: Position
}
export interface Break {
  type: 'break'
  position?: Position
}
/** Inline content, a subset of mdast's phrasing. */
export type Phrasing = Text | Strong | Emphasis | Link | InlineCode | Break

// ------------------------------------------------------------------ blocks

export interface Paragraph {
  type: 'paragraph'
  children: Phrasing[]
  position?: Position
  /** In a locale's tree: shown from the source because the translation lacks it. */
  data?: BlockData
}
/** A key point, written `- label:text`; `label` is null for a bare bullet. */
export interface Point {
  type: 'point'
  label: string | null
  children: Phrasing[]
  position?: Position
  /** In a locale's tree: shown from the source because the translation lacks it. */
  data?: BlockData
}
export interface ListItem {
  type: 'listItem'
  children: Block[]
  position?: Position
}
/** Any list that is not a run of key points (nested or multi-paragraph items). */
export interface List {
  type: 'list'
  ordered: boolean
  children: ListItem[]
  position?: Position
  /** In a locale's tree: shown from the source because the translation lacks it. */
  data?: BlockData
}
export type Block = Paragraph | Point | List

/** Extra data on sections and blocks. */
export interface BlockData {
  /** In a locale's tree: this part shows the source text because the translation lacks it. */
  untranslated?: boolean
}

// ------------------------------------------------------------- structure

export type SectionKind = 'background' | 'analysis' | 'insight' | 'other'

export interface Section {
  type: 'section'
  /** `'2.1'` as written (normalised to ASCII digits and dot), or null. */
  number: string | null
  title: string
  kind: SectionKind
  children: Block[]
  position?: Position
  /** In a locale's tree: shown from the source because the translation lacks it. */
  data?: BlockData
}

export interface Case {
  type: 'case'
  /** 1-based: the number after 案例 (`案例二` is 2); for cases numbered another way (`二、`, `第二章`), the case's place in order. */
  number: number
  /** Exactly as written after the prefix. */
  title: string
  /** The source's prefix as written, e.g. `案例二`, `二、`, `第二章`; null when the heading had none. */
  label: string | null
  children: Section[]
  position?: Position
  data?: NodeData
}

export interface Intro {
  type: 'intro'
  title: string | null
  children: Block[]
  position?: Position
  data?: NodeData
}
export interface Conclusion {
  type: 'conclusion'
  title: string | null
  children: Block[]
  position?: Position
  data?: NodeData
}

/** Extra data on top-level nodes; `file` names the source file in a folder document. */
export interface NodeData {
  file?: string
  /** In a translation: the hash of the source case this case translates. */
  translates?: string
  /** In a locale's tree: this case shows the source text because it has no translation. */
  untranslated?: boolean
}

export interface DocumentData {
  title: string
  subtitle?: string
  author?: string
  /** Who prepared the pack (config `organisation`), kept in the tree so locales can convert or translate it. */
  organisation?: string
  date?: string
  lang: string
}

export interface CaseDocument {
  type: 'document'
  data: DocumentData
  children: Array<Intro | Case | Conclusion>
  position?: Position
}

export type CaseTreeNode =
  | CaseDocument
  | Intro
  | Case
  | Conclusion
  | Section
  | Block
  | ListItem
  | Phrasing

/** A parsed document and the files it came from (messages live on the files). */
export interface ParsedDocument {
  tree: CaseDocument
  files: VFile[]
}
