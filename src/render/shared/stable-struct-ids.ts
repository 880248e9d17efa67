/**
 * Chromium names tagged-PDF structure elements after its internal DOM node
 * ids (`/ID (node00000463)`), which depend on what the browser did before.
 * Renumbering them keeps the tags and makes the bytes reproducible.
 */

/**
 * Relabels every structure element /ID as `node00000001`, `node00000002`, …
 * in the order of the original ids, in place and at the same width, and with
 * it every place that cites one (/Headers, the /IDTree's /Names and /Limits).
 * Keeping the order keeps the name tree sorted; keeping the width keeps every
 * byte offset, so the xref table stays valid. `text` is `bytes` as latin1.
 */
export function stabiliseStructIds(bytes: Uint8Array, text: string): void {
  const ids = new Set<string>()
  for (const match of text.matchAll(/\/ID\s*\((node\d+)\)/g)) ids.add(match[1])
  if (ids.size === 0) return
  // Chromium pads its ids to equal width, so text order is numeric order.
  const sorted = [...ids].sort()
  const renamed = new Map(sorted.map((id, index) => [id, `node${String(index + 1).padStart(id.length - 4, '0')}`]))
  for (const match of text.matchAll(/\((node\d+)\)/g)) {
    const name = renamed.get(match[1])
    // With ids of equal width, n distinct ids always fit n in that width; anything else is left alone.
    if (name === undefined || name.length !== match[1].length) continue
    const at = match.index + 1
    for (let index = 0; index < name.length; index++) bytes[at + index] = name.charCodeAt(index)
  }
}
