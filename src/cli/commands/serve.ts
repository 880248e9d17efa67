/** `casebook serve`: watch, serve out/ on localhost with live reload, until Ctrl-C. */
import { UsageError } from '../../errors.js'
import { servePack } from '../../serve/serve-pack.js'
import { toWatchOptions, printWatchEvent, untilSignal, type WatchCliOptions } from './watch.js'

interface ServeCliOptions extends WatchCliOptions {
  port?: string
  host?: string
}

/** Serves until SIGINT, SIGTERM or SIGHUP, printing the URL and each build's outcome. */
export async function serve(input: string | undefined, options: ServeCliOptions): Promise<void> {
  const handle = await servePack({ ...toWatchOptions(input, options), port: toPort(options.port ?? '0'), host: options.host, onEvent: printWatchEvent })
  try {
    process.stdout.write(`casebook: serving ${handle.out} at ${handle.url}\n`)
    await untilSignal()
  } finally {
    await handle.close()
  }
}

function toPort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not “${value}”`)
  return port
}
