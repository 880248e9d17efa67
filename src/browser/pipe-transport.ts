/**
 * Chrome's DevTools protocol over the pipe it opens with `--remote-debugging-pipe` (it reads
 * commands on fd 3 and writes answers on fd 4, each message ended by a NUL), for
 * `puppeteer.connect`. casebook starts Chromium itself so that Chromium starts while puppeteer
 * loads; puppeteer's own launch can start it only after (see launch-browser.ts).
 */
import type { Readable, Writable } from 'node:stream'
import type { ConnectionTransport } from 'puppeteer-core'

/** A transport on a spawned browser's fds 3 (to it) and 4 (from it). */
export function pipeTransport(toBrowser: Writable, fromBrowser: Readable): ConnectionTransport {
  let pending: Buffer[] = []
  let closed = false
  let ended = false
  let onclose: (() => void) | undefined
  const transport: ConnectionTransport = {
    send(message: string) {
      if (closed) return
      toBrowser.write(message)
      toBrowser.write('\0')
    },
    close() {
      closed = true
      toBrowser.end()
    },
    // A browser that exits before puppeteer connects has closed the pipe already: puppeteer is
    // told at once, or its first call would wait for the protocol timeout.
    get onclose() {
      return onclose
    },
    set onclose(listener) {
      onclose = listener
      if (ended) setImmediate(() => listener?.())
    },
  }
  fromBrowser.on('data', (chunk: Buffer) => {
    // A printed PDF comes back as one message of many megabytes in many chunks: joined once, at its end.
    let end = chunk.indexOf(0)
    if (end < 0) return void pending.push(chunk)
    let message: Buffer = Buffer.concat([...pending, chunk.subarray(0, end)])
    pending = []
    for (;;) {
      const text = message.toString('utf8')
      // As puppeteer's own PipeTransport: each message on its own turn of the event loop.
      setImmediate(() => transport.onmessage?.(text))
      const start = end + 1
      end = chunk.indexOf(0, start)
      if (end < 0) {
        if (start < chunk.length) pending.push(chunk.subarray(start))
        break
      }
      message = chunk.subarray(start, end)
    }
  })
  fromBrowser.on('close', () => {
    closed = true
    ended = true
    onclose?.()
  })
  // Node closes a child's pipes once it has exited: a program that was gone before this transport was made.
  if (fromBrowser.destroyed) closed = ended = true
  // A browser that exits mid-write is the close above; the errors themselves add nothing.
  fromBrowser.on('error', () => undefined)
  toBrowser.on('error', () => undefined)
  return transport
}
