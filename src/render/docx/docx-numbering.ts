/** Numbering definitions: real Word lists, so bullets and numbers survive editing. */
import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from 'docx'

/** Reference of the bullet list that key points and unordered lists use. */
export const BULLETS = 'casebook-bullets'
/** Reference of the numbered list; each list gets its own instance, so numbering restarts. */
export const NUMBERS = 'casebook-numbers'

const BULLET_MARKS = ['•', '◦', '▪']
const DEPTH = 9

/** Word's numbering.xml as the docx library builds it. */
export function docxNumbering(): INumberingOptions {
  return {
    config: [
      { reference: BULLETS, levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLET_MARKS[level % BULLET_MARKS.length] })) },
      { reference: NUMBERS, levels: levels((level) => ({ format: level % 2 === 0 ? LevelFormat.DECIMAL : LevelFormat.LOWER_LETTER, text: `%${level + 1}.` })) },
    ],
  }
}

function levels(mark: (level: number) => Pick<ILevelsOptions, 'format' | 'text'>): ILevelsOptions[] {
  return Array.from({ length: DEPTH }, (_, level) => ({
    level,
    ...mark(level),
    alignment: AlignmentType.LEFT,
    // Hanging indent: the mark sits in the margin of the item's own text.
    style: { paragraph: { indent: { left: 420 * (level + 1), hanging: 300 } } },
  }))
}
