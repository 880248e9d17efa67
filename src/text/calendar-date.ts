/**
 * The one check of a document date, for the config and for front matter: a real
 * calendar day written YYYY-MM-DD (no 2026-13-45, no 2026-02-30 rolled over to 2 March).
 */

/** What to tell a user whose date is not one. */
export const DATE_ADVICE = 'write it as YYYY-MM-DD, e.g. 2026-03-01'

/** A date as YYYY-MM-DD, or why the value is not a calendar date. */
export type CalendarDate = { ok: true; date: string } | { ok: false; reason: string }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * A YAML timestamp (yaml.org/type/timestamp): a day, optionally with a time and a zone.
 * The day as written is the date; the time and zone are dropped, never converted,
 * so `2026-01-15T23:30:00-05:00` stays the 15th.
 */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/

/**
 * Reads a date as YAML or JSON give it: a string (`2026-01-15`, or a timestamp with a
 * time), or a Date (YAML 1.1 parsers turn unquoted timestamps into one, in UTC).
 */
export function calendarDate(value: unknown): CalendarDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: 'is not a date' }
    const year = value.getUTCFullYear()
    if (year < 1 || year > 9999) return { ok: false, reason: `“${value.toISOString()}” is outside the years 0001 to 9999` }
    return { ok: true, date: value.toISOString().slice(0, 10) }
  }
  if (typeof value !== 'string') return { ok: false, reason: `${describe(value)} is not a date` }
  const text = value.trim()
  const match = TIMESTAMP.exec(text)
  if (!match) return { ok: false, reason: `“${value}” is not a date` }
  const [, yearText, monthText, dayText, hour, minute, second] = match
  const year = Number(yearText)
  const month = Number(monthText)
  const day = Number(dayText)
  if (year < 1) return { ok: false, reason: `“${value}” is not a real date: there is no year 0000` }
  if (month < 1 || month > 12) return { ok: false, reason: `“${value}” is not a real date: there is no month ${monthText}` }
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) return { ok: false, reason: `“${value}” is not a real date: ${MONTHS[month - 1]} ${yearText} has ${days} days` }
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60)) {
    return { ok: false, reason: `“${value}” has no such time of day` }
  }
  return { ok: true, date: `${yearText}-${monthText}-${dayText}` }
}

/** Days in a month of the proleptic Gregorian calendar (leap years: every 4th, not every 100th, every 400th). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function describe(value: unknown): string {
  if (value === null) return 'an empty value'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return typeof value === 'number' ? `the number ${value}` : `“${String(value)}”`
}
