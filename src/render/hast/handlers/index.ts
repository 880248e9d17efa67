/** Every case-tree node's handler, by node type: adding a node type means adding its handler here. */
import type { Handlers } from '../state.js'
import { hardBreak } from './hard-break.js'
import { emphasis } from './emphasis.js'
import { inlineCode } from './inline-code.js'
import { link } from './link.js'
import { list } from './list.js'
import { listItem } from './list-item.js'
import { paragraph } from './paragraph.js'
import { point } from './point.js'
import { strong } from './strong.js'
import { text } from './text.js'
import { table, tableCell, tableRow } from './table.js'
import { figure } from './figure.js'
import { blockquote } from './blockquote.js'
import { code } from './code.js'
import { thematicBreak } from './thematic-break.js'
import { footnoteDefinition } from './footnote-definition.js'
import { footnoteReference } from './footnote-reference.js'

/** The handler of each node type. */
export const handlers = {
  paragraph,
  point,
  list,
  listItem,
  text,
  strong,
  emphasis,
  link,
  inlineCode,
  break: hardBreak,
  table,
  tableRow,
  tableCell,
  figure,
  blockquote,
  code,
  thematicBreak,
  footnoteDefinition,
  footnoteReference,
} as const satisfies Handlers
