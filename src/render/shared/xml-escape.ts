/** Escapes text for XML parts written by hand (the .docx and .pptx packages). */

/** Removes control characters that would make document.xml unreadable. */
export function xmlSafe(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}

/** Text content or attribute value, with control characters dropped. */
export function escapeXml(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Text content of a run, escaped as the docx library escapes it (apostrophes too); control characters are dropped by the caller. */
export function escapeXmlText(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char])
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
