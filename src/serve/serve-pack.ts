/**
 * `casebook serve` as a library: watch and rebuild the pack, serve out/ over
 * HTTP on localhost, and tell open pages to reload (or show errors) by server-sent events.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CasebookError, EnvironmentError, UsageError } from '../errors.js'
import { formatDiagnostics } from '../check/diagnostics.js'
import { planWatch } from '../watch/watch-plan.js'
import { watchPack, type WatchEvent, type WatchHandle, type WatchOptions } from '../watch/watch-pack.js'
import { createEventStream } from './event-stream.js'
import { requestHandler, type ServeState } from './request-handler.js'

/** Watch options plus where to listen. */
export interface ServeOptions extends WatchOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Defaults to 127.0.0.1: the pack is served to this machine only. */
  host?: string
}

/** A running server. */
export interface ServeHandle {
  /** The server's address, e.g. `http://127.0.0.1:41234/`. */
  url: string
  /** The output folder served. */
  out: string
  /** Resolves when no build is running or due. */
  idle(): Promise<void>
  /** Stops watching and serving, and closes the browser. */
  close(): Promise<void>
}

/** Starts the server, then the watch (whose first build starts at once). */
export async function servePack(options: ServeOptions = {}): Promise<ServeHandle> {
  const { out } = await planWatch(options)
  const state: ServeState = { generation: 0, error: null }
  const stream = createEventStream()
  const server = createServer(requestHandler(out, stream, () => state))
  const host = options.host ?? '127.0.0.1'
  await listen(server, options.port ?? 0, host)
  const { port } = server.address() as AddressInfo

  const onEvent = (event: WatchEvent): void => {
    if (event.type === 'build-done') {
      if (event.result.written.length > 0) state.generation += 1
      state.error = null
      stream.send({ event: 'reload', data: { generation: state.generation, written: event.result.written } })
    } else if (event.type === 'build-error') {
      state.error = describeFailure(event)
      stream.send({ event: 'build-error', data: { message: state.error } })
    }
    options.onEvent?.(event)
  }

  let watching: WatchHandle
  try {
    watching = await watchPack({ ...options, onEvent })
  } catch (error) {
    await closeServer(server)
    throw error
  }
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    out,
    idle: () => watching.idle(),
    async close() {
      try {
        await watching.close()
      } finally {
        stream.close()
        await closeServer(server)
      }
    },
  }
}

/** The text shown over the page: the diagnostics, or the message of what was thrown. */
function describeFailure(event: Extract<WatchEvent, { type: 'build-error' }>): string {
  if (event.diagnostics.length > 0) return formatDiagnostics(event.diagnostics)
  const { error } = event
  if (error instanceof CasebookError) return error.message
  return `internal error: ${error instanceof Error ? error.message : String(error)}`
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UsageError(`Port ${port} on ${host} is in use; choose another with --port (0 picks a free one)`, { cause: error }))
      else reject(new EnvironmentError(`Cannot listen on ${host}:${port}: ${error.message}`, { cause: error }))
    })
    server.listen(port, host, () => {
      server.removeAllListeners('error')
      resolve()
    })
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    // Event streams never end by themselves.
    server.closeAllConnections()
  })
}
