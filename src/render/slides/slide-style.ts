/**
 * The deck's sizes as its stylesheet sets them: the `--slide-…` custom properties of `:root` in
 * slides.css (the user's copy first), read with lightningcss. Pagination fills slides with these,
 * so a house style with larger type gets slides filled for it, and no size lives in code twice.
 */
import { transform } from 'lightningcss'

/** Every size the deck is filled with, each a `--slide-…` property (`kickerSize` is `--slide-kicker-size`). */
const FIELDS = [
  'width',
  'height',
  'padTop',
  'padX',
  'footer',
  'kickerSize',
  'kickerLine',
  'kickerGap',
  'kickerSpacing',
  'titleSize',
  'titleLine',
  'titleSpacing',
  'headerGap',
  'headerRule',
  'headerMargin',
  'textSize',
  'textLine',
  'itemGap',
  'bulletIndent',
  'pointPadY',
  'pointPadX',
  'pointRule',
  'labelWidth',
  'labelGap',
  'headingSize',
  'headingLine',
  'headingSpacing',
  'headingAbove',
  'headingBelow',
  'headingGap',
  'leadSize',
  'leadLine',
  'leadGap',
  'insightAbove',
  'insightPadY',
  'insightPadX',
  'compactScale',
  'captionSize',
  'captionLine',
  'figureGap',
  'figureHeight',
  'tableSize',
  'tableLine',
  'tableRow',
  'tablePadX',
  'tableGap',
  'tableFloorSize',
  'tableFloorLine',
  'frameSize',
  'frameLine',
  'frameGap',
  'agendaSize',
  'agendaLine',
  'agendaPad',
  'agendaLabelSize',
  'agendaLabelWidth',
  'agendaNumberSize',
  'agendaNumberWidth',
  'agendaGap',
  'agendaColumnGap',
  'overviewSize',
  'overviewLine',
  'overviewPadY',
  'overviewPadX',
  'overviewHeadSize',
  'overviewHeadLine',
  'overviewHeadHeight',
  'overviewThemeWidth',
  'overviewLabelSize',
  'overviewLabelGap',
  'overviewCaseShare',
  'deckTitleSize',
  'deckTitleLine',
  'deckTitleLongSize',
  'deckTitleLongLine',
  'deckTitleFloorSize',
  'deckTitleFloorLine',
  'deckTitleSpacing',
  'titleSide',
  'titlePadY',
  'titlePadLeft',
  'titlePadRight',
] as const

/** The deck's sizes in px (the `…Spacing` ones in em, `overviewCaseShare` a fraction). */
export type SlideStyle = Record<(typeof FIELDS)[number], number>

/** `--slide-kicker-size` → `kickerSize`. */
const fieldOf = (property: string) => property.slice('--slide-'.length).replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())

/** A `--slide-…` property whose value casebook cannot read (`calc()`, `rem`, `var()`), where it is set. */
export interface UnreadableSize {
  name: string
  /** 1-based, of the declaration in the stylesheet. */
  line: number
  column: number
}

/**
 * The `--slide-…` properties of `css`'s top-level `:root` rules, by field name, the last
 * declaration winning as in a browser, and those whose last declaration casebook cannot read
 * (so a `2rem` after a `26px` is not filled for 26px while the browser draws 32px). Values are
 * px, em (for spacings), % (for shares, as a fraction) or plain numbers.
 */
export function slideProperties(css: string, path: string): { sizes: Map<string, number>; unreadable: UnreadableSize[] } {
  const sizes = new Map<string, number>()
  const unreadable = new Map<string, UnreadableSize>()
  const lineStarts = [0, ...Array.from(css.matchAll(/\n/g), (match) => match.index + 1)]
  try {
    transform({
      filename: path,
      code: Buffer.from(css),
      errorRecovery: true,
      visitor: {
        Rule: {
          style(rule) {
            const isRoot = rule.value.selectors.some((selector) => selector.length === 1 && selector[0].type === 'pseudo-class' && selector[0].kind === 'root')
            if (!isRoot) return
            // lightningcss gives the rule's place (line from 0, column from 1), not its declarations'.
            const ruleStart = lineStarts[rule.value.loc.line] + rule.value.loc.column - 1
            for (const declaration of rule.value.declarations?.declarations ?? []) {
              if (declaration.property !== 'custom' || !declaration.value.name.startsWith('--slide-')) continue
              const { name } = declaration.value
              const value = numberOf(declaration.value.value)
              if (value !== null) {
                sizes.set(fieldOf(name), value)
                unreadable.delete(name)
              } else {
                sizes.delete(fieldOf(name))
                unreadable.set(name, placeOf(css, lineStarts, ruleStart, name))
              }
            }
          },
        },
      },
    })
  } catch {
    // A stylesheet lightningcss cannot read at all is reported by the template checks; its sizes are casebook's.
  }
  return { sizes, unreadable: [...unreadable.values()] }
}

/** Where `name` is last declared in the rule starting at `ruleStart`: the last declaration is the one that counts. */
function placeOf(css: string, lineStarts: number[], ruleStart: number, name: string): UnreadableSize {
  const ruleEnd = css.indexOf('}', ruleStart)
  const offset = css.lastIndexOf(name, ruleEnd === -1 ? css.length : ruleEnd)
  const at = offset >= ruleStart ? offset : ruleStart
  let line = 0
  while (line + 1 < lineStarts.length && lineStarts[line + 1] <= at) line++
  return { name, line: line + 1, column: at - lineStarts[line] + 1 }
}

/** A token list holding one length, percentage or number, as a number (a % as a fraction); null for anything else. */
function numberOf(tokens: unknown): number | null {
  if (!Array.isArray(tokens) || tokens.length !== 1) return null
  const token = tokens[0] as { type: string; value: { unit?: string; value?: unknown; type?: string } }
  const round = (value: number) => Math.round(value * 10_000) / 10_000
  if (token.type === 'length' && (token.value.unit === 'px' || token.value.unit === 'em')) return round(Number(token.value.value))
  if (token.type === 'token' && token.value.type === 'number') return round(Number(token.value.value))
  if (token.type === 'token' && token.value.type === 'percentage') return round(Number(token.value.value))
  return null
}

/**
 * The deck's sizes: the user's stylesheet's, each one it does not set, or sets to a value casebook
 * cannot read, taken from casebook's own (`defaults`, the slides.css casebook ships), so an older
 * copy of the stylesheet still paginates. The template checks report the unreadable ones, at their line.
 */
export function slideStyle(css: string, path: string, defaults: string, defaultsPath: string): SlideStyle {
  const base = slideProperties(defaults, defaultsPath).sizes
  const own = css === defaults ? base : slideProperties(css, path).sizes
  const style = Object.fromEntries([...base, ...own]) as unknown as SlideStyle
  for (const field of FIELDS) {
    if (typeof style[field] !== 'number') throw new Error(`${defaultsPath} lacks --slide-${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: casebook's slides.css is incomplete`)
  }
  return style
}

/** The template checks' words for a size casebook cannot read. */
export function unreadableSizeMessage(name: string): string {
  return `${name} is not a plain px, em or % value; the slides are filled for casebook's ${name} instead, which the browser does not use`
}
