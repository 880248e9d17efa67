/**
 * The script `serve` adds to HTML responses (never to the files on disk): it
 * listens for rebuilds, reloads its page when that page was rewritten, and
 * shows content errors over the page until the next good build.
 */

/** The event stream's path on the server. */
export const EVENTS_PATH = '/__casebook/events'

/** The overlay element's id, for tests and user styles. */
export const OVERLAY_ID = 'casebook-error-overlay'

/** `html` with the live-reload script before `</body>`; `generation` is the build the page was served from. */
export function injectLiveReload(html: string, generation: number): string {
  const script = `<script>${clientScript(generation)}</script>`
  const at = html.toLowerCase().lastIndexOf('</body>')
  return at === -1 ? html + script : html.slice(0, at) + script + html.slice(at)
}

// Plain ES2020 run in the page. Event names avoid 'error', which EventSource fires for its own connection errors.
function clientScript(generation: number): string {
  return `(() => {
  const self = decodeURIComponent(location.pathname).replace(/^\\//, '') || 'manifest.json'
  let generation = ${JSON.stringify(generation)}
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)})
  const hide = () => document.getElementById(${JSON.stringify(OVERLAY_ID)})?.remove()
  const show = (message) => {
    let host = document.getElementById(${JSON.stringify(OVERLAY_ID)})
    if (!host) {
      host = document.createElement('div')
      host.id = ${JSON.stringify(OVERLAY_ID)}
      host.setAttribute('role', 'alert')
      // A shadow root keeps the report's own (print) styles off the overlay.
      host.attachShadow({ mode: 'open' }).innerHTML = '<style>:host{all:initial;position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.86);color:#fff;font:14px/1.5 ui-monospace,monospace;overflow:auto}h1{font:600 16px/1.4 system-ui,sans-serif;margin:24px 24px 8px;color:#ffb4a8}p{margin:0 24px;font-family:system-ui,sans-serif}pre{margin:16px 24px;white-space:pre-wrap}</style><h1>casebook: the last build failed</h1><p>This page shows the last good build. Fix the source and it reloads.</p><pre></pre>'
      document.body.append(host)
    }
    host.shadowRoot.querySelector('pre').textContent = message
  }
  source.addEventListener('hello', (event) => {
    const state = JSON.parse(event.data)
    // A build finished between serving this page and connecting: catch up.
    if (state.generation !== generation) return location.reload()
    if (state.error) show(state.error)
    else hide()
  })
  source.addEventListener('reload', (event) => {
    const state = JSON.parse(event.data)
    if (state.written.includes(self)) return location.reload()
    generation = state.generation
    hide()
  })
  source.addEventListener('build-error', (event) => show(JSON.parse(event.data).message))
  addEventListener('pagehide', () => source.close())
})()`
}
