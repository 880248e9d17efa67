/**
 * Ctrl-C (and SIGTERM, SIGHUP) for the commands that write a pack: stop at once,
 * but leave nothing behind. The library registers what it holds (the output
 * lock, temp files, the browser and its /tmp folders; process-cleanup.ts); on a
 * signal they are all removed, the previous pack stays as it was, and the
 * process exits 128 + the signal's number (130 for Ctrl-C).
 */
import { runCleanups, whenInterruptible } from '../process-cleanup.js'

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }
let depth = 0

/** Runs `work` with the signal handlers installed (once, however deeply nested: `pack` runs `build`). */
export async function interruptible<T>(work: () => Promise<T>): Promise<T> {
  if (depth++ > 0) {
    try {
      return await work()
    } finally {
      depth--
    }
  }
  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    const code = EXIT_CODES[signal] ?? 130
    const exit = (): void => {
      void runCleanups().finally(() => {
        process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}casebook: interrupted (${signal}); the lock, temporary files and browser are cleaned up\n`)
        process.exit(code)
      })
    }
    // A second signal does not wait for the renames that hold the first one off.
    if (stopping) return exit()
    stopping = true
    whenInterruptible(exit)
  }
  const signals = Object.keys(EXIT_CODES) as NodeJS.Signals[]
  for (const signal of signals) process.on(signal, stop)
  try {
    return await work()
  } finally {
    depth--
    for (const signal of signals) process.off(signal, stop)
  }
}
