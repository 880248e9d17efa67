/**
 * Link URLs for HTML, percent-encoded as mdast-util-to-hast writes them and
 * filtered as rehype-sanitize filtered them: a URL whose scheme is not listed
 * (javascript:, data:, vbscript:, and any spelling but lower case) is dropped.
 */
import { normalizeUri } from 'micromark-util-sanitize-uri'

/** The schemes a link may have (GitHub's schema also allows irc, ircs and xmpp, which no case study needs). */
export const SAFE_PROTOCOLS: readonly string[] = ['http', 'https', 'mailto']

/** `url` as an href, or undefined when it names a scheme that is not safe; relative URLs and fragments are kept. */
export function safeHref(url: string): string | undefined {
  const href = normalizeUri(url)
  const colon = href.indexOf(':')
  if (colon < 0 || isBefore(href, '/', colon) || isBefore(href, '?', colon) || isBefore(href, '#', colon)) return href
  return SAFE_PROTOCOLS.includes(href.slice(0, colon)) ? href : undefined
}

/** Whether `mark` comes before `index`: a colon after `/`, `?` or `#` starts no scheme. */
function isBefore(href: string, mark: string, index: number): boolean {
  const at = href.indexOf(mark)
  return at > -1 && at < index
}
