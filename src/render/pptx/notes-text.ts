/**
 * Speaker notes as PowerPoint holds them: plain paragraphs. The deck view carries the full text
 * behind each slide as the sanitized HTML the report is made of (casebook's own markup, never a
 * user's), so paragraphs are read off its block elements and the rest of the markup is dropped.
 */
import type { SlideNotes } from '../deck-view.js'

/** Elements whose end ends a paragraph of the notes (a list item's start begins one, with its mark). */
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'figcaption', 'blockquote', 'div', 'dt', 'dd', 'caption', 'pre'])

/** The notes' paragraphs: the title, then each section's title and text. */
export function notesParagraphs(notes: SlideNotes): string[] {
  const paragraphs = notes.title ? [notes.title] : []
  for (const section of notes.sections) {
    if (section.title) paragraphs.push(section.title)
    paragraphs.push(...htmlParagraphs(section.html))
  }
  return paragraphs
}

/** The text of an HTML fragment, a paragraph per block element; list items keep a bullet or their number, table cells a separator. */
export function htmlParagraphs(html: string): string[] {
  const paragraphs: string[] = []
  const lists: Array<{ ordered: boolean; next: number }> = []
  let line = ''
  let cells = 0
  const end = () => {
    const text = line.replace(/\s+/g, ' ').trim()
    if (text) paragraphs.push(text)
    line = ''
    cells = 0
  }
  for (const [, closing, name, attributes, text] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>|([^<]+)/g)) {
    if (text !== undefined) {
      line += decodeEntities(text)
      continue
    }
    const tag = name.toLowerCase()
    if (tag === 'br') end()
    else if (tag === 'ul' || tag === 'ol') {
      end()
      if (closing) lists.pop()
      else lists.push({ ordered: tag === 'ol', next: Number(/\bstart="(\d+)"/.exec(attributes)?.[1] ?? 1) })
    } else if (tag === 'li' && !closing) {
      end()
      const list = lists.at(-1)
      line = list?.ordered ? `${list.next++}. ` : '• '
    } else if ((tag === 'td' || tag === 'th') && !closing) {
      if (cells++ > 0) line += ' · '
    } else if (tag === 'img' && !closing) {
      // A picture in the notes is named by its description: the notes are text.
      const alt = /\balt="([^"]*)"/.exec(attributes)?.[1]
      if (alt) line += `[${decodeEntities(alt)}]`
    } else if (BLOCKS.has(tag) && closing) end()
  }
  end()
  return paragraphs
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') return String.fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1)))
    return NAMED[body.toLowerCase()] ?? entity
  })
}
