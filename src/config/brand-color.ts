/**
 * A brand colour as the config writes it, a CSS hex colour (`#1f3864`, `#fc0`) or a CSS colour
 * name (`navy`, `gold`), made the `#rrggbb` every renderer takes. Names come from color-name
 * (CSS Color 4's list), so `goldenrod` works in Word as it does in CSS.
 */
import colorNames from 'color-name'
import { editDistance } from '../text/edit-distance.js'

/** `#rrggbb` in lower case, or why `value` is no colour (with the nearest name when it looks like a typo). */
export function parseBrandColor(value: string): { color: string } | { problem: string } {
  const text = value.trim().toLowerCase()
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((digit) => digit + digit).join('') : hex[1]
    return { color: `#${digits}` }
  }
  if (Object.hasOwn(colorNames, text)) return { color: '#' + colorNames[text as keyof typeof colorNames].map((part) => part.toString(16).padStart(2, '0')).join('') }
  if (/^#[0-9a-f]{4}$|^#[0-9a-f]{8}$/.test(text)) return { problem: `“${value}” has an alpha channel; brand colours are opaque: write #rrggbb` }
  const near = text.startsWith('#') ? undefined : nearestName(text)
  return { problem: `“${value}” is not a colour; write #rrggbb, #rgb or a CSS colour name such as navy${near ? ` (did you mean “${near}”?)` : ''}` }
}

/** The colour name a typo most likely meant: within two edits (one for short names). */
function nearestName(text: string): string | undefined {
  let best: { name: string; distance: number } | undefined
  for (const name of Object.keys(colorNames)) {
    const distance = editDistance(text, name)
    if (distance <= (name.length > 4 ? 2 : 1) && (!best || distance < best.distance)) best = { name, distance }
  }
  return best?.name
}
