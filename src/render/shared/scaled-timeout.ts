/**
 * `browser.timeout` is per step, sized for an ordinary document; a page of
 * several megabytes takes proportionally longer to load and print. A hang
 * still fails, just later for bigger pages.
 */

/** Bytes of HTML each `browser.timeout` covers. */
const BYTES_PER_TIMEOUT = 1_000_000

/** `timeout` times the started megabytes of `html` (at least once). */
export function scaledTimeout(timeout: number, html: string): number {
  return timeout * Math.max(1, Math.ceil(Buffer.byteLength(html) / BYTES_PER_TIMEOUT))
}
