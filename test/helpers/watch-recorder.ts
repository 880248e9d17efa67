/** Test helpers for watch and serve: a temp copy of a fixture, and a recorder of watch events to wait on. */
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WatchEvent } from '../../src/watch/watch-pack.js'
import { ROOT } from './cli.js'

/** A writable copy of `test/fixtures/<scenario>/` and an empty output folder beside it. */
export function copyFixture(scenario: string): { dir: string; input: string; config: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), `casebook-${scenario}-`))
  cpSync(join(ROOT, 'test', 'fixtures', scenario), join(dir, 'src'), { recursive: true })
  return { dir, input: join(dir, 'src', 'input.txt'), config: join(dir, 'src', 'casebook.yaml'), out: join(dir, 'out') }
}

/** A watch event and when it arrived (performance.now()). */
export interface Recorded {
  event: WatchEvent
  at: number
}

/** Records watch events, checks builds never overlap, and lets a test wait for the next one of a kind. */
export class WatchRecorder {
  readonly events: Recorded[] = []
  /** The most builds seen running at once; must stay 1. */
  maxConcurrent = 0
  private running = 0
  private waiters: Array<{ from: number; test: (event: WatchEvent) => boolean; resolve: (recorded: Recorded) => void }> = []

  readonly onEvent = (event: WatchEvent): void => {
    if (event.type === 'build-start') this.maxConcurrent = Math.max(this.maxConcurrent, ++this.running)
    if (event.type === 'build-done' || event.type === 'build-error') this.running -= 1
    this.events.push({ event, at: performance.now() })
    for (const waiter of [...this.waiters]) this.settle(waiter)
  }

  /** Index to wait from: events before it are ignored by `next`. */
  mark(): number {
    return this.events.length
  }

  /** The first event at or after `from` of `type`; fails after `timeoutMs` (a hang guard, not a speed check). */
  next<T extends WatchEvent['type']>(type: T | T[], from: number, timeoutMs = 60_000): Promise<Recorded & { event: Extract<WatchEvent, { type: T }> }> {
    const types: string[] = Array.isArray(type) ? type : [type]
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${types.join('/')} event within ${timeoutMs} ms; saw ${this.events.map((recorded) => recorded.event.type).join(', ')}`)), timeoutMs)
      const waiter = {
        from,
        test: (event: WatchEvent) => types.includes(event.type),
        resolve: (recorded: Recorded) => {
          clearTimeout(timer)
          resolve(recorded as Recorded & { event: Extract<WatchEvent, { type: T }> })
        },
      }
      this.waiters.push(waiter)
      this.settle(waiter)
    })
  }

  /** Builds started at or after `from`. */
  startsSince(from: number): number {
    return this.events.slice(from).filter((recorded) => recorded.event.type === 'build-start').length
  }

  private settle(waiter: (typeof this.waiters)[number]): void {
    const found = this.events.slice(waiter.from).find((recorded) => waiter.test(recorded.event))
    if (!found) return
    this.waiters = this.waiters.filter((other) => other !== waiter)
    waiter.resolve(found)
  }
}
