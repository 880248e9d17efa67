/**
 * Where in `text` a JSON syntax error is, as an offset. V8's messages do not always give a
 * position, so it is found as the shortest start of the text that fails for another reason than
 * ending early: every shorter one is JSON cut short, not wrong. Undefined when `text` parses, or
 * fails only by ending early.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const endsEarly = (length: number) => {
    try {
      JSON.parse(text.slice(0, length))
      return true
    } catch (error) {
      const message = (error as Error).message
      // Cut short, V8 may also say what it expected next, at the very end.
      const at = /position (\d+)/.exec(message)
      return /end of JSON input|Unterminated string/.test(message) || (at !== null && Number(at[1]) >= length)
    }
  }
  let low = 0
  let high = text.length
  if (endsEarly(high)) return undefined
  while (low < high) {
    const middle = (low + high) >> 1
    if (endsEarly(middle)) low = middle + 1
    else high = middle
  }
  return Math.max(0, low - 1)
}
