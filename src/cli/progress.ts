/**
 * Build progress for people: on a terminal, one line redrawn with a bar per
 * artifact; otherwise (pipes, CI=true) plain lines that logs keep readably.
 */
import { relative } from 'node:path'
import type { ProgressEvent } from '../pack/build-pack.js'

/** The line for a build that waits for another one's lock, printed as soon as the wait begins. */
export function waitLine(event: Extract<ProgressEvent, { type: 'wait' }>, cwd = process.cwd()): string {
  const shown = (path: string) => relative(cwd, path) || '.'
  const host = event.host ? ` on ${event.host}` : ''
  return `waiting for the casebook build (pid ${event.pid}${host}) writing to ${shown(event.out)}/ to finish; its lock is ${shown(event.lock)}`
}

/** A progress printer: feed it events, call `done` before printing anything else. */
export interface Progress {
  onEvent(event: ProgressEvent): void
  /** Prints a line of its own (`--timings`' steps, as they end) above the progress. */
  note(line: string): void
  done(): void
}

/** Chooses the terminal or plain printer for `stream`. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  const interactive = Boolean(stream.isTTY) && env.CI !== 'true' && env.TERM !== 'dumb'
  return interactive ? terminalProgress(stream) : plainProgress(stream)
}

function plainProgress(stream: NodeJS.WriteStream): Progress {
  return {
    onEvent(event) {
      if (event.type === 'wait') stream.write(`${waitLine(event)}\n`)
      else if (event.type === 'render') stream.write(`rendering ${event.locale} ${event.format}\n`)
      else if (event.type === 'skip') stream.write(`unchanged ${event.locale} ${event.format}\n`)
    },
    note(line) {
      stream.write(`${line}\n`)
    },
    done() {},
  }
}

function terminalProgress(stream: NodeJS.WriteStream): Progress {
  const finished: string[] = []
  // Two cells may render at once (render-grid.ts): the line names every one running, with the
  // last step each finished (`zh-CN pdf: print part 3 of 9`), so a long print shows it moves.
  const running = new Map<string, string>()
  let timer: NodeJS.Timeout | undefined
  const started = Date.now()
  const draw = () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const spinner = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'[Math.floor(Date.now() / 100) % 10]
    const current = [...running].map(([cell, step]) => (step ? `${cell}: ${step}` : cell)).join(', ')
    const bar = finished.map(() => '█').join('') + '▒'.repeat(running.size)
    stream.write(`\r\x1b[2K${fitted(`${current ? spinner : '✓'} ${bar} `, current || 'done', ` ${seconds}s`, (stream.columns || 80) - 1)}`)
  }
  return {
    onEvent(event) {
      if (event.type === 'wait') {
        // A line of its own that stays, above the bar (which starts after the wait).
        stream.write(`\r\x1b[2K${waitLine(event)}\n`)
        if (running.size || finished.length) draw()
      } else if (event.type === 'render') {
        running.set(`${event.locale} ${event.format}`, '')
        timer ??= setInterval(draw, 100)
        draw()
      } else if (event.type === 'step' && event.locale && running.has(`${event.locale} ${event.format}`)) {
        running.set(`${event.locale} ${event.format}`, event.step)
        draw()
      } else if (event.type === 'rendered' || event.type === 'skip') {
        finished.push(`${event.locale} ${event.format}`)
        running.delete(`${event.locale} ${event.format}`)
        draw()
      }
    },
    note(line) {
      stream.write(`\r\x1b[2K${line}\n`)
      if (running.size || finished.length) draw()
    },
    done() {
      if (timer) clearInterval(timer)
      if (finished.length || running.size) stream.write('\r\x1b[2K')
    },
  }
}

/**
 * `head`, `middle` and `tail` in at most `width` columns, the middle cut short (…) first: a line
 * longer than the terminal wraps, and `\r` then redraws only its last row, leaving the others behind.
 */
export function fitted(head: string, middle: string, tail: string, width: number): string {
  const length = (text: string) => [...text].length
  const room = width - length(head) - length(tail)
  if (length(middle) <= room) return head + middle + tail
  if (room >= 2) return head + [...middle].slice(0, room - 1).join('') + '…' + tail
  return [...(head + middle + tail)].slice(0, Math.max(width, 0)).join('')
}
