/**
 * The footnotes of one part of the document (a case, the introduction, the
 * conclusion): each note is numbered by its first call in that part, and
 * shown once at the part's end. A call to the same note again gets the same
 * number, so rendering a part's blocks twice (in runs, for a partial
 * translation) numbers them alike.
 */
import type { FootnoteDefinition } from '../../types.js'

/** One note shown at the end of a part. */
export interface ScopedNote {
  number: number
  /** The note's element id, and its first call's. */
  id: string
  callId: string
  definition: FootnoteDefinition
}

/** Numbers the notes a part calls, in the order it calls them. */
export class FootnoteScope {
  private readonly numbers = new Map<string, ScopedNote>()

  /** `prefix` keeps ids unique in the page (the part's id); `definitions` are the document's, by identifier. */
  constructor(
    readonly prefix: string,
    private readonly definitions: ReadonlyMap<string, FootnoteDefinition>,
  ) {}

  /** The note a call to `identifier` shows, numbered on its first call; null when the document defines no such note. */
  call(identifier: string): ScopedNote | null {
    let note = this.numbers.get(identifier)
    if (note) return note
    const definition = this.definitions.get(identifier)
    if (!definition) return null
    const number = this.numbers.size + 1
    note = { number, id: `${this.prefix}-fn-${number}`, callId: `${this.prefix}-fnref-${number}`, definition }
    this.numbers.set(identifier, note)
    return note
  }

  /** The notes called so far, in number order. */
  notes(): ScopedNote[] {
    return [...this.numbers.values()]
  }
}
