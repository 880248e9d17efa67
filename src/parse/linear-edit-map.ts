/**
 * Makes micromark's edit map apply its edits in time proportional to what
 * follows the first edit, not to the whole list of events.
 *
 * micromark-util-edit-map 1.0.0 copies every event out and back on each
 * `consume`, the ones before the first edit too. micromark's document
 * tokenizer consumes an edit map on the document's events each time a list
 * or block quote ends after a lazy line, so a Markdown file of many cases
 * with lists took time by the square of its length: 5 of the 8.6 s a
 * 1,500-case file took to check. Same edits, same events, same order; only
 * the untouched prefix now stays where it is. The package is pinned to the
 * version this replaces; test/linear-edit-map.test.ts holds the result to
 * the original's.
 */
import { EditMap } from 'micromark-util-edit-map'

type Events = Parameters<EditMap['consume']>[0]

/** `EditMap.prototype.consume` without the copy of the events before the first edit. */
export function consumeFromFirstEdit(this: EditMap, events: Events): undefined {
  this.map.sort((a, b) => a[0] - b[0])
  if (this.map.length === 0) return
  // From the last edit back: keep what follows it and its additions, then cut the list there.
  const tails: Events[] = []
  for (let index = this.map.length - 1; index >= 0; index--) {
    const [at, remove, add] = this.map[index]
    tails.push(events.slice(at + remove), add)
    events.length = at
  }
  // The events before the first edit are in place; the rest goes back on, in order.
  for (let tail = tails.pop(); tail; tail = tails.pop()) {
    for (const event of tail) events.push(event)
  }
  this.map.length = 0
  this.index.clear()
}

EditMap.prototype.consume = consumeFromFirstEdit
