/** Answers the server's requests: the event stream, the index, and files from out/ with live reload added to HTML. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { readManifest } from '../pack/manifest.js'
import { contentType } from './content-type.js'
import type { EventStream } from './event-stream.js'
import { indexPage } from './index-page.js'
import { EVENTS_PATH, injectLiveReload } from './live-reload-script.js'
import { resolveOutPath } from './resolve-out-path.js'

/** What the open pages need to know about the builds so far. */
export interface ServeState {
  /** Counts the builds that wrote something, so a page can tell it is stale. */
  generation: number
  /** The last build's failure, shown over the page; null after a good build. */
  error: string | null
}

/**
 * Pages may load nothing but themselves (their styles, fonts and scripts are inline)
 * and may connect only to this server, for the event stream.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; font-src data:; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const COMMON_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' }

/** A node:http request listener serving `out`. */
export function requestHandler(out: string, stream: EventStream, state: () => ServeState) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(out, stream, state, request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal server error\n', request.method)
      else response.end()
    })
  }
}

async function handle(out: string, stream: EventStream, state: () => ServeState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD')
    return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', request.method)
  }
  // Read before the file, so a build that lands in between makes the page stale, never silently old.
  const { generation, error } = state()
  // Not `new URL(url, base)`: a path starting with `//` would parse as a host.
  const path = (request.url ?? '/').split(/[?#]/)[0]
  if (path === EVENTS_PATH) {
    return stream.connect(request, response, [{ event: 'hello', data: { generation, error } }])
  }
  if (path === '/' || path === '/index.html') {
    return send(response, 200, contentType('index.html'), injectLiveReload(indexPage(await readManifest(out)), generation), request.method)
  }
  const file = await resolveOutPath(out, path)
  const bytes = file && (await readFile(file).catch(() => null))
  if (!file || !bytes) return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', request.method)
  const type = contentType(file)
  const body = type.startsWith('text/html') ? injectLiveReload(bytes.toString('utf8'), generation) : bytes
  return send(response, 200, type, body, request.method)
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, method: string | undefined): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  response.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': type,
    'Content-Length': bytes.length,
    ...(type.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
  })
  response.end(method === 'HEAD' ? undefined : bytes)
}
