/**
 * What a build leaves behind if it stops half-way, and how to remove it in a
 * hurry: the output lock, temp files, the browser and its profile folder.
 *
 * The library registers each of these while it holds them; a command that stops
 * on a signal (`casebook build` on Ctrl-C) runs them all before it exits. Most are
 * synchronous; the browser's waits (briefly) for its processes to end, since a
 * dying Chromium could still write into the profile folder being removed. Nothing here installs a signal handler: the library never exits.
 */

type Cleanup = () => void | Promise<void>

/** The longest an interrupted build waits for its cleanups before it exits anyway. */
const CLEANUP_LIMIT_MS = 5_000

const cleanups = new Set<Cleanup>()
let holds = 0
let waiting: (() => void) | undefined

/** Registers `cleanup` to run if the process is interrupted; returns the function that unregisters it. */
export function onInterrupt(cleanup: Cleanup): () => void {
  cleanups.add(cleanup)
  return () => void cleanups.delete(cleanup)
}

/**
 * Runs every registered cleanup, the most recent first (temp files before the lock that
 * guards their folder), and waits for those that wait, up to a limit.
 */
export async function runCleanups(): Promise<void> {
  const pending = [...cleanups].reverse()
  cleanups.clear()
  const waits: Array<Promise<void>> = []
  for (const cleanup of pending) {
    try {
      const result = cleanup()
      // Best effort: the next build removes what is left (stale temps, dead owners' locks and folders).
      if (result) waits.push(result.catch(() => undefined))
    } catch {
      // As above.
    }
  }
  if (waits.length === 0) return
  let timer: NodeJS.Timeout | undefined
  await Promise.race([Promise.all(waits), new Promise((resolve) => (timer = setTimeout(resolve, CLEANUP_LIMIT_MS)))])
  clearTimeout(timer)
}

/**
 * Asks an interruption to wait while a short step that must not stop half-way runs
 * (renaming a pack's temp files into place). Returns the function that ends the hold.
 */
export function holdInterrupts(): () => void {
  holds++
  let released = false
  return () => {
    if (released) return
    released = true
    holds--
    if (holds === 0 && waiting) {
      const then = waiting
      waiting = undefined
      then()
    }
  }
}

let interrupted = false

/** Whether the process is being interrupted (Ctrl-C was taken): a step that must not begin then checks. */
export function isInterrupted(): boolean {
  return interrupted
}

/** Runs `then` now, or as soon as no step holds interruptions off. */
export function whenInterruptible(then: () => void): void {
  interrupted = true
  if (holds === 0) then()
  else waiting = then
}

/** Whether process `pid` is running (on this machine's process table). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
