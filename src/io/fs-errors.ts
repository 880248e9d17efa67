/**
 * File-system errors met while writing a pack, in words a user can act on:
 * where casebook writes, an errno error becomes a UsageError (a path that
 * cannot be a pack folder, exit 2) or an EnvironmentError (the machine: a full
 * disk, no permission, a read-only or failing disk, exit 3), naming the path.
 */
import { dirname } from 'node:path'
import { CasebookError, EnvironmentError, UsageError } from '../errors.js'

/** The errno code of a Node error: `EACCES`; `EISDIR` for fs.rm's `ERR_FS_EISDIR`. */
export function errnoCode(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined
  return typeof code === 'string' ? /^(?:ERR_FS_)?(E[A-Z0-9]+)$/.exec(code)?.[1] : undefined
}

const MEANINGS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'it already exists',
  ENOENT: 'no such file or folder',
  EMFILE: 'too many open files in this process',
  ENFILE: 'too many open files on this machine',
  EIO: 'an input/output error (a failing disk or a lost network drive)',
  EBUSY: 'the file is busy',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EXDEV: 'it is on another disk',
}

/** `permission denied (EACCES)`: what an errno code means, with the code. */
export function errnoMeaning(code: string): string {
  return `${MEANINGS[code] ?? 'a system error'} (${code})`
}

/**
 * The error to throw for `error`, met while writing `path` (a file or folder of
 * the pack) into the output folder `out`. Errors that are not errno errors, and
 * casebook's own, pass through. `unchanged` says nothing in `out` was changed
 * (false once a pack's files are being renamed into place).
 */
export function outputError(error: unknown, out: string, path?: string, unchanged = true): unknown {
  const code = errnoCode(error)
  if (error instanceof CasebookError || !code) return error
  const where = path ?? (error as NodeJS.ErrnoException).path ?? out
  const cause = { cause: error }
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new EnvironmentError(
        `The disk is full: could not write ${where} (${code}). Free some space, or choose an output folder on another disk (--out), and build again.${unchanged ? ` Nothing in ${out} was changed.` : ''}`,
        cause,
      )
    case 'EACCES':
    case 'EPERM':
      return new EnvironmentError(`Cannot write ${where}: ${errnoMeaning(code)}. Choose an output folder you can write to (--out), or get write permission on ${dirname(where)}.`, cause)
    case 'EROFS':
      return new EnvironmentError(`Cannot write ${where}: ${errnoMeaning(code)}. Choose an output folder on a writable disk (--out).`, cause)
    case 'ENOTDIR':
    case 'EEXIST':
    case 'EISDIR':
      return new UsageError(`Cannot write the pack to ${out}: at ${where}, ${errnoMeaning(code)}. Choose another output folder (--out), or move what is in the way.`, cause)
    case 'ENOENT':
      // A folder that exists but takes no new entries (/proc, /sys), or one removed during the build.
      return new UsageError(`Cannot create ${where}: the file system there does not take new files or folders (ENOENT). Choose another output folder (--out).`, cause)
    case 'ENAMETOOLONG':
    case 'ELOOP':
      return new UsageError(`Cannot write the pack to ${out}: at ${where}, ${errnoMeaning(code)}. Choose another output folder (--out).`, cause)
    default:
      return new EnvironmentError(`Could not write ${where}: ${errnoMeaning(code)}.`, cause)
  }
}
