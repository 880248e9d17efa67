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
/** A call to a footnote (`[^1]`): `identifier` names its `footnoteDefinition` (normalised, as mdast's), `label` as written. */
export interface FootnoteReference {
  type: 'footnoteReference'
  identifier: string
  label: string | null
  position?: Position
}
/** Inline content, a subset of mdast's phrasing. */
export type Phrasing = Text | Strong | Emphasis | Link | InlineCode | Break | FootnoteReference

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
/** Any list that is not a run of key points: numbered lists, and nested or multi-paragraph items. */
export interface List {
  type: 'list'
  ordered: boolean
  /** The first item's number, for an ordered list (`3.` starts at 3); null or absent otherwise. */
  start?: number | null
  children: ListItem[]
  position?: Position
  /** In a locale's tree: shown from the source because the translation lacks it. */
  data?: BlockData
}
/** A cell of a table: one line of phrasing. */
export interface TableCell {
  type: 'tableCell'
  children: Phrasing[]
  position?: Position
}
export interface TableRow {
  type: 'tableRow'
  children: TableCell[]
  position?: Position
}
/** A table (a GFM pipe table): the first row is the header row; `align` has one entry per column. */
export interface Table {
  type: 'table'
  align: Array<'left' | 'right' | 'center' | null>
  children: TableRow[]
  position?: Position
  data?: BlockData
}
/**
 * A picture on a line of its own: `![alt](url "title")`. `url` is as written;
 * `children` is its caption (the title, or a caption line after the image),
 * possibly empty. The picture itself is named by `data` (see FigureData).
 */
export interface Figure {
  type: 'figure'
  url: string
  alt: string
  children: Phrasing[]
  position?: Position
  data?: FigureData
}
/**
 * Where a figure's picture comes from, filled when the document is read: a
 * local file (`source: 'file'`, `path` relative to the input folder), a
 * remote URL that is never fetched (`'remote'`, shown as a link), or bytes
 * made by casebook itself (`'generated'`, e.g. a chart's SVG). `sha256`
 * names the bytes in the document's image store and is part of every hash of
 * the tree, so a changed picture rebuilds what shows it.
 */
export interface FigureData extends BlockData {
  source?: 'file' | 'remote' | 'generated'
  path?: string
  sha256?: string
  mime?: ImageMime
  /** Pixels (CSS pixels for SVG), when the header says. */
  width?: number
  height?: number
}
export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | 'image/svg+xml'
export interface Blockquote {
  type: 'blockquote'
  children: Block[]
  position?: Position
  data?: BlockData
}
/** A fenced or indented code block, verbatim (a `chart` block is one too until charts are drawn). */
export interface Code {
  type: 'code'
  lang: string | null
  value: string
  position?: Position
  data?: BlockData
}
export interface ThematicBreak {
  type: 'thematicBreak'
  position?: Position
  data?: BlockData
}
/** A footnote's text (`[^1]: …`), kept where it is written; renderers show it as a note of the case that calls it. */
export interface FootnoteDefinition {
  type: 'footnoteDefinition'
  identifier: string
  label: string | null
  children: Block[]
  position?: Position
  data?: BlockData
}
export type Block = Paragraph | Point | List | Table | Figure | Blockquote | Code | ThematicBreak | FootnoteDefinition

/** A picture's bytes, by the sha256 a figure's `data` names. */
export interface ImageAsset {
  bytes: Uint8Array
  mime: ImageMime
  width?: number
  height?: number
}

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
  | TableRow
  | TableCell
  | Phrasing

/** A parsed document and the files it came from (messages live on the files). */
export interface ParsedDocument {
  tree: CaseDocument
  files: VFile[]
  /** The pictures its figures show, by sha256 (filled when the document is read). */
  images?: Map<string, ImageAsset>
}
