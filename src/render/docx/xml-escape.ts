/** Escapes text for XML parts written by hand (core properties, font table). */
import { xmlSafe } from './phrasing-runs.js'

/** Text content or attribute value, with control characters dropped. */
export function escapeXml(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
