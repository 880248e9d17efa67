/**
 * Errors that are not content problems: misuse, bad configuration, a broken
 * environment. Each carries the exit code the CLI should end with.
 */

/** Base class; `exitCode` follows DESIGN.md (2 usage/config, 3 environment). */
export class CasebookError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode: number, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.exitCode = exitCode
  }
}

/** Wrong arguments, a missing input, an unknown format or locale. */
export class UsageError extends CasebookError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options)
  }
}

/** A configuration file, template or catalog the user supplied is invalid. */
export class ConfigError extends CasebookError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options)
  }
}

/** Something the machine lacks or that broke under us: no browser, a crash, a timeout. */
export class EnvironmentError extends CasebookError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 3, options)
  }
}

/**
 * The process is being interrupted (Ctrl-C): thrown by a step that must not begin then, such as
 * writing a pack whose other formats the killed browser cut short. The signal handler says so and exits.
 */
export class InterruptedError extends CasebookError {
  constructor() {
    super('interrupted', 130)
  }
}
