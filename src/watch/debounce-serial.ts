/**
 * Runs a task after a quiet spell, never two at once: changes that arrive
 * while it runs are gathered and run once more after it.
 */

/** A trigger for a debounced, serial task. */
export interface DebouncedTask {
  /** Notes `reason` (a changed path) and runs the task once `delayMs` pass without another trigger. */
  trigger(reason: string, delayMs?: number): void
  /** Resolves when no run is due, waiting or going. */
  idle(): Promise<void>
  /** Stops taking triggers and waits for a running task to end. */
  close(): Promise<void>
}

/** Wraps `task`, which receives the reasons gathered since its last run. It must not throw. */
export function debounceSerial(task: (reasons: string[]) => Promise<void>, delayMs: number): DebouncedTask {
  let reasons = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let due = false
  let running: Promise<void> | undefined
  let closed = false

  const kick = (): void => {
    if (running || !due || closed) return
    running = (async () => {
      while (due && !closed) {
        due = false
        const batch = [...reasons]
        reasons = new Set()
        await task(batch)
      }
    })().finally(() => {
      running = undefined
    })
  }

  return {
    trigger(reason, delay = delayMs) {
      if (closed) return
      reasons.add(reason)
      clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        due = true
        kick()
      }, delay)
    },
    async idle() {
      while (running || timer || due) {
        await (running ?? new Promise((resolve) => setTimeout(resolve, delayMs)))
      }
    },
    async close() {
      closed = true
      clearTimeout(timer)
      timer = undefined
      due = false
      await running
    },
  }
}
