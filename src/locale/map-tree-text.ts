/**
 * A case tree with every piece of its words passed through one function: titles, labels, text,
 * alt text and link titles, and the document's title, subtitle, author and organisation. Code, URLs
 * and numbers are left as they are. What script conversion and the zh-* packs' punctuation share.
 */
import type { Block, CaseDocument, Intro, Conclusion, Case, Phrasing, Section } from '../types.js'

/** Converts one piece of text; `before` is the paragraph's words before it (a link's text before `),然后`), for context. */
type Convert = (text: string, before?: string) => string

/** `tree` with `text` applied to each of its words; `tree` is not changed. */
export function mapTreeText(tree: CaseDocument, text: Convert): CaseDocument {
  const data = { ...tree.data, title: text(tree.data.title) }
  if (data.subtitle !== undefined) data.subtitle = text(data.subtitle)
  if (data.author !== undefined) data.author = text(data.author)
  if (data.organisation !== undefined) data.organisation = text(data.organisation)
  return {
    ...tree,
    data,
    children: tree.children.map((node) => convertTopLevel(node, text)),
  }
}

function convertTopLevel(node: Intro | Case | Conclusion, text: Convert): Intro | Case | Conclusion {
  if (node.type === 'case') {
    return { ...node, title: text(node.title), label: node.label === null ? null : text(node.label), children: node.children.map((section) => convertSection(section, text)) }
  }
  return { ...node, title: node.title === null ? null : text(node.title), children: node.children.map((block) => convertBlock(block, text)) }
}

function convertSection(section: Section, text: Convert): Section {
  return { ...section, title: text(section.title), children: section.children.map((block) => convertBlock(block, text)) }
}

function convertBlock(block: Block, text: Convert): Block {
  switch (block.type) {
    case 'paragraph':
      return { ...block, children: convertPhrasing(block.children, text) }
    case 'point':
      return { ...block, label: block.label === null ? null : text(block.label), children: convertPhrasing(block.children, text) }
    case 'list':
      return { ...block, children: block.children.map((item) => ({ ...item, children: item.children.map((child) => convertBlock(child, text)) })) }
    case 'table':
      return { ...block, children: block.children.map((row) => ({ ...row, children: row.children.map((cell) => ({ ...cell, children: convertPhrasing(cell.children, text) })) })) }
    case 'figure':
      // The picture is the same; its words (alt text and caption) are converted.
      return { ...block, alt: text(block.alt), children: convertPhrasing(block.children, text) }
    case 'blockquote':
    case 'footnoteDefinition':
      return { ...block, children: block.children.map((child) => convertBlock(child, text)) }
    // Code is quoted verbatim, and a rule has no text.
    case 'code':
    case 'thematicBreak':
      return block
  }
}

function convertPhrasing(nodes: Phrasing[], text: Convert, read = { words: '' }): Phrasing[] {
  return nodes.map((node): Phrasing => {
    switch (node.type) {
      case 'text': {
        const value = text(node.value, read.words)
        read.words += node.value
        return { ...node, value }
      }
      case 'strong':
      case 'emphasis':
        return { ...node, children: convertPhrasing(node.children, text, read) }
      case 'link':
        return { ...node, title: node.title ? text(node.title) : node.title, children: convertPhrasing(node.children, text, read) }
      // Code is quoted verbatim (and is context for what follows); a break and a footnote's call have no text.
      case 'inlineCode':
        read.words += node.value
        return node
      case 'break':
      case 'footnoteReference':
        return node
    }
  })
}
