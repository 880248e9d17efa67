/** Server-sent events: the open pages listening for rebuilds, and how to tell them all. */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** One server-sent event. */
export interface StreamEvent {
  event: string
  data: unknown
}

/** The set of listening pages. */
export interface EventStream {
  /** Holds `response` open as an event stream, first sending `initial` (the current state). */
  connect(request: IncomingMessage, response: ServerResponse, initial: StreamEvent[]): void
  /** Sends `event` to every listening page. */
  send(event: StreamEvent): void
  /** Ends every stream, so the server can close. */
  close(): void
}

/** Creates an empty event stream hub. */
export function createEventStream(): EventStream {
  const clients = new Set<ServerResponse>()
  const write = (response: ServerResponse, { event, data }: StreamEvent): void => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  return {
    connect(request, response, initial) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      })
      // Reconnect quickly after the page reloads or the server restarts.
      response.write('retry: 300\n\n')
      for (const event of initial) write(response, event)
      clients.add(response)
      request.on('close', () => clients.delete(response))
    },
    send(event) {
      for (const response of clients) write(response, event)
    },
    close() {
      for (const response of clients) response.end()
      clients.clear()
    },
  }
}
