/** Quotes text as a CSS string that is safe inside an HTML <style> element. */
export function cssString(text: string): string {
  // Escapes end with a space so a following hex digit is not read as part of them.
  const body = text.replace(/[\\"<>\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)
  return `"${body}"`
}
