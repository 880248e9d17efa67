/** Turns a thrown error into a message and an exit code; stack traces only with --debug. */
import { CasebookError } from '../errors.js'

/** Exit code for an unexpected failure: a bug in casebook, not the user's mistake. */
export const INTERNAL_ERROR = 70

/** Prints `error` for a person and returns the exit code to end with. */
export function handleError(error: unknown, debug: boolean): number {
  if (error instanceof CasebookError) {
    process.stderr.write(`casebook: ${error.message}\n`)
    if (debug) process.stderr.write(`${error.stack}\n${error.cause instanceof Error ? `Caused by: ${error.cause.stack}\n` : ''}`)
    return error.exitCode
  }
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`casebook: internal error: ${message}\n`)
  process.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug for details, and please report it.\n')
  return INTERNAL_ERROR
}
