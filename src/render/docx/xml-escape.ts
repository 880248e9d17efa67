/** Escapes text for XML parts written by hand. */
import { xmlSafe } from './phrasing-runs.js'

/** Text content or attribute value, with control characters dropped. */
export function escapeXml(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Text content of a run, escaped as the docx library escapes it (apostrophes too); control characters are dropped by the caller. */
export function escapeText(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char])
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
