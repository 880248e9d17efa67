/** Turns a thrown error into a message and an exit code; stack traces only with --debug. */
import { errnoCode, errnoMeaning } from '../io/fs-errors.js'
import { CasebookError, InterruptedError } from '../errors.js'

/** Exit code for an unexpected failure: a bug in casebook, not the user's mistake. */
export const INTERNAL_ERROR = 70
/** Exit code for a fault of the machine (DESIGN.md): a full disk, a folder that cannot be written. */
export const ENVIRONMENT_ERROR = 3

/** Prints `error` for a person and returns the exit code to end with. */
export function handleError(error: unknown, debug: boolean): number {
  // Ctrl-C's own handler says so and exits; a step it stopped has nothing to add.
  if (error instanceof InterruptedError) return error.exitCode
  if (error instanceof CasebookError) {
    process.stderr.write(`casebook: ${error.message}\n`)
    if (debug) process.stderr.write(`${error.stack}\n${error.cause instanceof Error ? `Caused by: ${error.cause.stack}\n` : ''}`)
    return error.exitCode
  }
  const code = errnoCode(error)
  if (code) {
    // Where casebook writes, fs errors become CasebookErrors with advice (io/fs-errors.ts); one that
    // gets here anyway is still the machine's doing (a full disk, permissions, a failing drive), not a bug.
    const { syscall, path } = error as NodeJS.ErrnoException
    const what = path ? `${syscall ? `${syscall} ` : ''}${path}` : (syscall ?? 'a file operation')
    process.stderr.write(`casebook: could not ${what}: ${errnoMeaning(code)}\n`)
    if (debug) process.stderr.write(`${(error as Error).stack}\n`)
    return ENVIRONMENT_ERROR
  }
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`casebook: internal error: ${message}\n`)
  process.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug for details, and please report it.\n')
  return INTERNAL_ERROR
}
