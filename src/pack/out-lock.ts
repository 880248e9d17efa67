/**
 * One build at a time per output folder: a lock file created exclusively.
 *
 * The lock says who holds it: the process id, and what tells that process apart
 * from a later one given the same id (its start time, /proc/<pid>/stat field 22,
 * and the machine's boot id, where /proc has them), the host name and a token.
 * A lock whose holder is gone, or whose pid now belongs to another process (pid
 * reuse after a crash, pid 1 in a container), is stale and taken over. A lock
 * written by another host cannot be checked from here and is waited for.
 */
import { readFileSync, rmSync } from 'node:fs'
import { lstat, open, readFile, rm, stat } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { EnvironmentError, UsageError } from '../errors.js'
import { PACK_FILES } from '../parse/source-names.js'
import { isAlive, onInterrupt } from '../process-cleanup.js'
import { outputError } from '../io/fs-errors.js'
import { makeFolders, removeEmptyFolders, removeEmptyFoldersSync } from '../io/make-folders.js'

const LOCK = PACK_FILES.lock
const POLL_MS = 200
/** A lock file without a holder yet may be one another build has just created and is about to write. */
const FRESH_MS = 5_000
/** Stale locks taken over (or output folders made again) before giving up: each try removes one, so more means a fight. */
const MAX_RETRIES = 50

/** Who holds a lock, as its file records it. Locks of older casebooks hold only the pid. */
export interface LockHolder {
  pid: number
  /** The holder's start time in clock ticks after boot (/proc/<pid>/stat field 22), where /proc exists. */
  start?: string
  /** /proc/sys/kernel/random/boot_id of the holder's machine, where it exists. */
  boot?: string
  host?: string
  /** Tells apart two locks taken by one process (two library builds at once). */
  token?: string
}

/** How waiting for another build's lock is told: once per holder, when the wait begins. */
export interface LockOptions {
  /** How long to wait for a live holder before giving up. */
  timeoutMs?: number
  onWait?: (wait: { holder: LockHolder; lock: string; out: string }) => void
}

/** Tokens of the locks this process holds now. */
const heldHere = new Set<string>()

/**
 * Waits for and takes the lock on `out`, creating `out` if needed; returns the
 * function that releases it. Releasing also removes the folders this call
 * created if they are still empty, so a build that fails writes no empty `out/`.
 */
export async function lockOutput(out: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const path = join(out, LOCK)
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000)
  const record: LockHolder = { ...self(), token: randomBytes(8).toString('hex') }
  const content = JSON.stringify(record) + '\n'
  let told = ''
  let created = await makeFolders(out, out)
  for (let retries = 0; ; ) {
    const taken = await tryLock(path, out, content).catch(async (error: unknown) => {
      // Until the lock is ours, a failure leaves no folder behind.
      await removeEmptyFolders(created)
      throw error
    })
    if (taken === 'taken') {
      const folders = created
      heldHere.add(record.token!)
      const forget = onInterrupt(() => {
        try {
          if (readFileSync(path, 'utf8') === content) rmSync(path, { force: true })
        } finally {
          removeEmptyFoldersSync(folders)
        }
      })
      return async () => {
        forget()
        heldHere.delete(record.token!)
        // Only our own lock: one taken over as stale (wrongly, by a confused peer) is not ours to remove.
        if ((await readFile(path, 'utf8').catch(() => null)) === content) await rm(path, { force: true }).catch(() => undefined)
        await removeEmptyFolders(folders)
      }
    }
    if (taken === 'no-folder') {
      // Another build that failed removed the empty folder it had made while we waited.
      if (++retries > MAX_RETRIES) throw new EnvironmentError(`Cannot lock ${out}: the folder keeps disappearing`)
      created = [...created, ...(await makeFolders(out, out))]
      continue
    }
    const found = await lstat(path).catch(() => null)
    if (found && !found.isFile()) {
      await removeEmptyFolders(created)
      throw new UsageError(`${path} is not a file: casebook keeps its lock file there. Remove it, or choose another output folder (--out).`)
    }
    const text = await readFile(path, 'utf8').catch(() => '')
    const holder = parseLock(text)
    const age = found ? Date.now() - found.mtimeMs : Infinity
    const live = holder ? holderIsLive(holder) : age < FRESH_MS
    if (!live) {
      // The build that held it was killed, or its pid now belongs to another process; its lock protects nothing now.
      if (++retries > MAX_RETRIES) throw new EnvironmentError(`Cannot take the lock ${path}: it comes back each time it is removed as stale`)
      // Another waiter may have taken it over meanwhile: remove only the lock judged stale.
      if ((await readFile(path, 'utf8').catch(() => '')) !== text) continue
      await rm(path, { force: true }).catch((error: unknown) => {
        throw outputError(error, out, path)
      })
      continue
    }
    if (holder) {
      const key = JSON.stringify(holder)
      if (key !== told) {
        told = key
        options.onWait?.({ holder, lock: path, out })
      }
    }
    if (Date.now() > deadline) {
      await removeEmptyFolders(created)
      const who = holder ? describeHolder(holder) : 'another casebook build'
      throw new UsageError(`${who[0].toUpperCase()}${who.slice(1)} is still writing to ${out}; its lock is ${path}. If no casebook build is running there, remove that file`)
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

/** A wait as a progress event: the holder's pid, and its host when that is another machine. */
export function waitEvent(wait: { holder: LockHolder; lock: string; out: string }): { type: 'wait'; pid: number; host?: string; out: string; lock: string } {
  const { holder, lock, out } = wait
  return { type: 'wait', pid: holder.pid, ...(holder.host && holder.host !== hostname() ? { host: holder.host } : {}), out, lock }
}

/** “the casebook build (pid 42)”, with the host when it is another one. */
export function describeHolder(holder: LockHolder): string {
  return `the casebook build (pid ${holder.pid}${holder.host && holder.host !== hostname() ? ` on ${holder.host}` : ''})`
}

/** A lock file's holder; null for an empty or half-written file (a lock being created). */
export function parseLock(text: string): LockHolder | null {
  const trimmed = text.trim()
  // Locks of older casebooks: the pid alone.
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) }
  try {
    const value = JSON.parse(trimmed) as Partial<LockHolder>
    if (!Number.isInteger(value.pid)) return null
    return {
      pid: value.pid!,
      ...(typeof value.start === 'string' ? { start: value.start } : {}),
      ...(typeof value.boot === 'string' ? { boot: value.boot } : {}),
      ...(typeof value.host === 'string' ? { host: value.host } : {}),
      ...(typeof value.token === 'string' ? { token: value.token } : {}),
    }
  } catch {
    return null
  }
}

/**
 * Whether the build that wrote a lock still runs. A live pid is not enough: after a
 * crash or a reboot, or in a container, the pid may belong to another process by now.
 */
export function holderIsLive(holder: LockHolder): boolean {
  const me = self()
  // Another machine's process cannot be looked at from here: wait for it (the wait is told, and times out).
  if (holder.host !== undefined && holder.host !== me.host) return true
  if (holder.boot && me.boot && holder.boot !== me.boot) return false
  if (holder.pid === process.pid) {
    // This very process: a lock it holds now (a second library build waits), or one left by
    // an earlier process that had the same pid (a container's pid 1 after a restart).
    return holder.token !== undefined && heldHere.has(holder.token) && (holder.start === undefined || holder.start === me.start)
  }
  if (!isAlive(holder.pid)) return false
  if (holder.start !== undefined) {
    const start = startTime(holder.pid)
    // Where /proc/<pid>/stat cannot be read (no /proc, or hidden), a live pid is all there is to go on.
    return start === undefined || start === holder.start
  }
  // An older lock with the pid alone: the process must at least be a casebook or a node.
  const command = commandLine(holder.pid)
  return command === undefined || /casebook|node/i.test(command)
}

let selfRecord: Omit<LockHolder, 'token'> | undefined

/** This process, as its locks record it. */
function self(): Omit<LockHolder, 'token'> {
  selfRecord ??= {
    pid: process.pid,
    ...optional('start', startTime(process.pid)),
    ...optional('boot', readText('/proc/sys/kernel/random/boot_id')),
    host: hostname(),
  }
  return selfRecord
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>)
}

/** Field 22 of /proc/<pid>/stat, the process's start time after boot; undefined without /proc. */
export function startTime(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`)
  if (!stat) return undefined
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its last `)`.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return fields[22 - 3]
}

/** /proc/<pid>/cmdline with spaces between the arguments; undefined without /proc. */
function commandLine(pid: number): string | undefined {
  const text = readText(`/proc/${pid}/cmdline`)
  return text === undefined ? undefined : text.replaceAll('\0', ' ')
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim()
  } catch {
    return undefined
  }
}

/** Creates the lock file with our record: 'taken', 'held' (it exists) or 'no-folder'; other failures throw, mapped. */
async function tryLock(path: string, out: string, content: string): Promise<'taken' | 'held' | 'no-folder'> {
  let handle
  try {
    handle = await open(path, 'wx')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return 'held'
    if (code === 'ENOENT') return (await stat(out).then((found) => found.isDirectory(), () => false)) ? Promise.reject(outputError(error, out, path)) : 'no-folder'
    throw outputError(error, out, path)
  }
  try {
    await handle.writeFile(content)
    await handle.close()
    return 'taken'
  } catch (error) {
    // Created but not written (a full disk): it is ours, and must not stay.
    await handle.close().catch(() => undefined)
    await rm(path, { force: true }).catch(() => undefined)
    throw outputError(error, out, path)
  }
}
