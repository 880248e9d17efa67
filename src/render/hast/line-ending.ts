/** The line-ending text node that mdast-util-to-hast puts between a list's items and around block content in an item. */
import type { Text } from 'hast'

/** A new `\n` text node. */
export function lineEnding(): Text {
  return { type: 'text', value: '\n' }
}
