/**
 * casebook's consume for micromark's edit map (src/parse/linear-edit-map.ts) gives the events the
 * original gives, for edits anywhere, and is the one micromark uses once Markdown is parsed.
 */
import { describe, expect, it } from 'vitest'
import { EditMap } from 'micromark-util-edit-map'
import { consumeFromFirstEdit } from '../src/parse/linear-edit-map.js'
import '../src/parse/parse-markdown.js'

type Events = Parameters<EditMap['consume']>[0]

/** micromark-util-edit-map 1.0.0's consume, as published: every event copied out and back. */
function originalConsume(this: EditMap, events: Events): undefined {
  this.map.sort((a, b) => a[0] - b[0])
  if (this.map.length === 0) return
  let index = this.map.length
  const vecs: Events[] = []
  while (index > 0) {
    index -= 1
    vecs.push(events.slice(this.map[index][0] + this.map[index][1]), this.map[index][2])
    events.length = this.map[index][0]
  }
  vecs.push(events.slice())
  events.length = 0
  let slice = vecs.pop()
  while (slice) {
    for (const element of slice) events.push(element)
    slice = vecs.pop()
  }
  this.map.length = 0
  this.index.clear()
}

/** A deterministic pseudo-random sequence (so a failure reproduces). */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
}

/** Events stand-ins: micromark's are tuples; the edit map only moves them. */
const event = (name: string) => ['enter', { type: name }, {}] as unknown as Events[number]

describe('the edit map micromark uses', () => {
  it('applies edits anywhere exactly as micromark-util-edit-map 1.0.0 does', () => {
    const next = random(7)
    for (let trial = 0; trial < 300; trial++) {
      const length = Math.floor(next() * 40)
      const events = Array.from({ length }, (_, index) => event(`e${index}`))
      const edits: Array<[number, number, Events]> = []
      for (let count = Math.floor(next() * 6); count > 0; count--) {
        const at = Math.floor(next() * (length + 1))
        edits.push([at, Math.min(Math.floor(next() * 3), length - at), Array.from({ length: Math.floor(next() * 3) }, (_, index) => event(`add${trial}-${count}-${index}`))])
      }
      const [ours, theirs] = [new EditMap(), new EditMap()]
      for (const [at, remove, add] of edits) {
        ours.add(at, remove, add)
        theirs.add(at, remove, add)
      }
      const [mine, original] = [[...events], [...events]]
      consumeFromFirstEdit.call(ours, mine)
      originalConsume.call(theirs, original)
      expect(mine).toEqual(original)
      expect(ours.map).toEqual([])
    }
  })

  it('is installed once the Markdown parser is loaded', () => {
    expect(EditMap.prototype.consume).toBe(consumeFromFirstEdit)
  })
})
