/**
 * Numbering: real Word lists, so bullets and numbers survive editing. The
 * docx library writes the list definitions (w:abstractNum); the instances
 * (w:num) are written here, because the body is written without the library.
 */
// Types only: the library's enums are these strings, and the body path must not load the library.
import type { ILevelsOptions, INumberingOptions } from 'docx'

const BULLET_MARKS = ['•', '◦', '▪']
const DEPTH = 9
/** The library numbers definitions in order: its own default bullets (1), then ours. */
const BULLETS_DEFINITION = 2
const NUMBERS_DEFINITION = 3

/** Numbering instance of every bullet: key points and unordered lists (1 is the library's default). */
export const BULLETS_ID = 2

/** Numbering instance of the n-th numbered list (from 1); each has its own, so it starts again at 1. */
export function orderedListId(n: number): number {
  return BULLETS_ID + n
}

/** Word's list definitions, for `new Document({ numbering })`. */
export function docxNumbering(): INumberingOptions {
  return {
    config: [
      { reference: 'casebook-bullets', levels: levels((level) => ({ format: 'bullet', text: BULLET_MARKS[level % BULLET_MARKS.length] })) },
      { reference: 'casebook-numbers', levels: levels((level) => ({ format: level % 2 === 0 ? 'decimal' : 'lowerLetter', text: `%${level + 1}.` })) },
    ],
  }
}

/**
 * The w:num elements for the bullets and the numbered lists, one per list:
 * `starts` (one entry per list; a number of lists means each starts at 1)
 * gives its first level's first number (`3.` starts at 3), the others start at 1.
 */
export function numberingInstancesXml(starts: number | readonly number[]): string {
  const firsts = typeof starts === 'number' ? Array.from({ length: starts }, () => 1) : starts
  const restart = (first: number) => Array.from({ length: DEPTH }, (_, level) => `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${level === 0 ? first : 1}"/></w:lvlOverride>`).join('')
  const instance = (id: number, definition: number, first = 1): string => `<w:num w:numId="${id}"><w:abstractNumId w:val="${definition}"/>${restart(first)}</w:num>`
  return [instance(BULLETS_ID, BULLETS_DEFINITION), ...firsts.map((first, index) => instance(orderedListId(index + 1), NUMBERS_DEFINITION, first))].join('')
}

function levels(mark: (level: number) => Pick<ILevelsOptions, 'format' | 'text'>): ILevelsOptions[] {
  return Array.from({ length: DEPTH }, (_, level) => ({
    level,
    ...mark(level),
    alignment: 'left',
    // Hanging indent: the mark sits in the margin of the item's own text.
    style: { paragraph: { indent: { left: 420 * (level + 1), hanging: 300 } } },
  }))
}
