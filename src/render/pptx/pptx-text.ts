/**
 * Runs and text boxes as the deck writes them: every run names its language and a role's faces,
 * boxes have no inner margin (the deck's px boxes are the text's own), exact line heights, and
 * shrink-on-overflow, so a viewer whose fonts wrap a line more than estimated shrinks the text
 * rather than spilling it.
 */
import type { TextProps, TextPropsOptions } from './pptxgen.js'
import { xmlSafe } from '../shared/xml-escape.js'
import { inches, points, type RunStyle } from './pptx-style.js'

/**
 * Stand-ins for the two roles' faces. pptxgenjs writes one face for Latin, East Asian and complex
 * scripts alike; the package step (pptx-package.ts) replaces each stand-in with the role's Latin
 * face, East Asian face and character set.
 */
export const FACE = { headings: 'casebook-headings', body: 'casebook-body' } as const
export type Role = keyof typeof FACE

/** A box in canvas px. */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** What a run may set. */
export interface RunLook {
  size: number
  color: string
  role?: Role
  bold?: boolean
  /** Letter spacing in ems, as the stylesheet's `letter-spacing`. */
  spacing?: number
  link?: number
}

/** One run of text in the deck's language. */
export function run(text: string, look: RunLook, style: RunStyle, breakAfter = false): TextProps {
  return {
    // Control characters would make the slide's XML unreadable.
    text: xmlSafe(text),
    options: {
      fontFace: FACE[look.role ?? 'body'],
      fontSize: points(look.size),
      color: look.color,
      bold: look.bold ?? false,
      lang: style.lang,
      ...(look.spacing ? { charSpacing: points(look.spacing * look.size) } : {}),
      ...(look.link ? { hyperlink: { slide: look.link } } : {}),
      ...(breakAfter ? { breakLine: true } : {}),
    },
  }
}

/** Box options: position, exact line height, no inner margin, top-aligned, shrink on overflow. */
export function boxOptions(box: Box, line: number, extra: TextPropsOptions = {}): TextPropsOptions {
  return {
    x: inches(box.x),
    y: inches(box.y),
    w: inches(box.w),
    h: inches(box.h),
    margin: 0,
    valign: 'top',
    lineSpacing: points(line),
    fit: 'shrink',
    ...extra,
  }
}

/**
 * Where a slide's placeholders go, and their line height in px. pptxgenjs puts a placeholder's
 * text where the layout has the placeholder, and drops its line spacing; the deck places its title
 * by the title's length, so the package step moves each placeholder shape to its box and sets its lines.
 */
export type PlaceholderBoxes = Partial<Record<'title' | 'body', Box & { line: number }>>
