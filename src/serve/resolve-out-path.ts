/** Maps a request path to a file inside the output folder, refusing anything that would leave it. */
import { realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { isInside } from '../watch/watch-plan.js'

/** The real path of the file `urlPath` names inside `out`, or null (missing, hidden, or outside `out`). */
export async function resolveOutPath(out: string, urlPath: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  // Dot segments (`..`, and hidden files such as the build lock and temp files) are never served.
  const segments = decoded.split(/[/\\]/).filter((segment) => segment !== '')
  if (decoded.includes('\0') || segments.some((segment) => segment.startsWith('.'))) return null
  const root = await realpath(out).catch(() => null)
  if (!root) return null
  // realpath also follows symlinks, so a link inside out/ cannot point elsewhere.
  const full = await realpath(join(root, ...segments)).catch(() => null)
  return full && full !== root && isInside(root, full) ? full : null
}
