/**
 * Block content to HTML through remark-rehype → rehype-sanitize →
 * rehype-stringify, so text is escaped and unsafe URLs are dropped. Batches of
 * only text, emphasis, code, breaks, paragraphs and lists skip the sanitizer:
 * nothing in them can carry a URL or an attribute the schema would remove.
 * Loaded only for documents with content plain text cannot cover (blocks-to-html.ts writes that itself).
 */
import { unified } from 'unified'
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype'
import rehypeSanitize from 'rehype-sanitize'
import type { Schema } from 'hast-util-sanitize'
import rehypeStringify from 'rehype-stringify'
import type * as Mdast from 'mdast'
import type * as Hast from 'hast'
import type { Block, Phrasing } from '../types.js'

/**
 * Exactly what the case tree's blocks can become, and nothing else (GitHub's
 * default schema allows some 50 elements and protocols such as irc: and xmpp:).
 */
export const sanitizeSchema: Schema = {
  tagNames: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'a', 'br'],
  attributes: {
    a: ['href', 'title'],
    // Key-point lists carry a class for styling; nothing else may set one.
    ul: [['className', 'points']],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: ['script'],
}

/**
 * A section's blocks, held outside `children`: mdast-util-to-hast first walks
 * the whole tree with unist-util-visit looking for link definitions (which the
 * case tree never has), at a cost of some 2 µs a node in a fresh process (~65 ms
 * of a 1,000-case build). Behind a group node the walk sees one node a section;
 * the group's handler hands its blocks to the usual handlers.
 */
interface BlockGroup {
  type: 'casebookGroup'
  blocks: Mdast.Root
}
type Handler = NonNullable<NonNullable<RemarkRehypeOptions['handlers']>['root']>
const groupHandler: Handler = (state, node: BlockGroup) => state.all(node.blocks)
const toHastUnsanitized = unified()
  .use(remarkRehype, { handlers: { casebookGroup: groupHandler } as RemarkRehypeOptions['handlers'] })
  .freeze()
const toHast = toHastUnsanitized().use(rehypeSanitize, sanitizeSchema).freeze()
const toHtml = unified().use(rehypeStringify).freeze()

/**
 * Renders groups of blocks (one group per section); returns one HTML string
 * per group. Groups go through the pipeline in batches: one pass per group
 * costs too much at 10,000 cases, and one pass for the whole document keeps a
 * hast tree of every block alive at once, which the garbage collector pays for.
 */
export function pipelineHtml(groups: Block[][], pointSeparator: string): string[] {
  const html: string[] = []
  let batch: Mdast.RootContent[][] = []
  let batchBlocks = 0
  const found: Found = { unsafe: false }
  const flush = () => {
    html.push(...batchToHtml(batch, found.unsafe))
    batch = []
    batchBlocks = 0
    found.unsafe = false
  }
  for (const group of groups) {
    const blocks = toMdastBlocks(group, pointSeparator, found)
    batch.push(blocks)
    batchBlocks += blocks.length
    if (batchBlocks >= BATCH_BLOCKS) flush()
  }
  if (batch.length > 0) flush()
  return html
}

// Big enough that per-pass costs vanish, small enough that a batch's trees die before
// the next scavenge: at 10,000 cases, 2,000 blocks took twice as long, mostly in the GC,
// and 500 blocks fell into a slow mode (60 MiB more heap, +60 % time) in five runs of eight.
const BATCH_BLOCKS = 100

/** Whether a batch holds a node the sanitizer must see (a link: see `bare`). */
interface Found {
  unsafe: boolean
}

function batchToHtml(mdastGroups: Mdast.RootContent[][], sanitize: boolean): string[] {
  const groups = mdastGroups.map((blocks): BlockGroup => ({ type: 'casebookGroup', blocks: { type: 'root', children: blocks } }))
  const root = { type: 'root', children: groups } as unknown as Mdast.Root
  // The sanitizer walks every node of the batch: a quarter of this module's time at 1,000 cases.
  const hast = (sanitize ? toHast : toHastUnsanitized).runSync(root) as Hast.Root
  const elements = hast.children.filter((node) => node.type === 'element')
  // One stringify for the batch, groups separated by a comment that
  // sanitized, escaped content can never contain.
  const children: Hast.RootContent[] = []
  let next = 0
  mdastGroups.forEach((group, index) => {
    if (index > 0) children.push({ type: 'comment', value: SPLIT })
    children.push(...elements.slice(next, (next += group.length)))
  })
  return toHtml.stringify({ type: 'root', children }).split(`<!--${SPLIT}-->`)
}

const SPLIT = 'casebook:group'

// One shared object marks key-point lists, so a following point joins the same list.
const POINTS: Mdast.ListData = { hProperties: { className: ['points'] } }

function toMdastBlocks(blocks: Block[], pointSeparator: string, found: Found): Mdast.RootContent[] {
  const result: Mdast.RootContent[] = []
  for (const block of blocks) {
    if (block.type === 'point') {
      const last = result.at(-1)
      const item = pointItem(block, pointSeparator, found)
      if (last?.type === 'list' && last.data === POINTS) last.children.push(item)
      else result.push({ type: 'list', ordered: false, spread: false, children: [item], data: POINTS })
    } else if (block.type === 'list') {
      result.push({
        type: 'list',
        ordered: block.ordered,
        spread: false,
        children: block.children.map((item) => ({ type: 'listItem', spread: false, children: toMdastBlocks(item.children, pointSeparator, found) as Mdast.BlockContent[] })),
      })
    } else {
      result.push({ type: 'paragraph', children: bare(block.children, found) })
    }
  }
  return result
}

function pointItem(point: Extract<Block, { type: 'point' }>, separator: string, found: Found): Mdast.ListItem {
  const children = bare(point.children, found)
  const label: Mdast.PhrasingContent[] = point.label === null ? [] : [{ type: 'strong', children: [{ type: 'text', value: point.label }] }, { type: 'text', value: separator }]
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [...label, ...children] }] }
}

/**
 * Phrasing without positions: HTML needs none, and mdast-util-to-hast would
 * copy each one onto the hast tree (six objects a node at 10,000 cases).
 */
function bare(nodes: Phrasing[], found: Found): Mdast.PhrasingContent[] {
  return nodes.map((node): Mdast.PhrasingContent => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return { type: node.type, value: node.value }
      case 'break':
        return { type: 'break' }
      case 'strong':
      case 'emphasis':
        return { type: node.type, children: bare(node.children, found) }
      case 'link':
        // Its URL is the sanitizer's to judge. (A kind added to Phrasing fails to compile
        // here until it is given a case, and it should be marked unsafe unless proven otherwise.)
        found.unsafe = true
        return { type: 'link', url: node.url, title: node.title, children: bare(node.children, found) }
    }
  })
}
