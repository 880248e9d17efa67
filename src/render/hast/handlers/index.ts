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
} as const satisfies Handlers
