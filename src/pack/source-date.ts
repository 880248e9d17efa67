/** The one timestamp a build writes into artifacts, so equal inputs give equal bytes. */
import { UsageError } from '../errors.js'
import { calendarDate } from '../text/calendar-date.js'

/** The last instant a timestamp may name: PDF, Word and ISO dates have four-digit years. */
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59)

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org) wins; then the document's date;
 * then today's date: midnight UTC of the day `now` falls on (by default the clock).
 * A day, not the time, so that rebuilding an unchanged document on the same day
 * gives the same artifact keys and bytes and rewrites nothing.
 */
export function sourceDate(documentDate: string | undefined, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got “${epoch}”`)
    const ms = Number(epoch) * 1000
    if (!(ms <= LAST)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 up to the year 9999, got “${epoch}”`)
    return new Date(ms)
  }
  if (documentDate) {
    // The config and the front matter were checked when read; this is a second guard, not a user's message.
    const day = calendarDate(documentDate)
    if (!day.ok) throw new Error(`An unchecked document date reached the build: ${day.reason}`)
    return new Date(`${day.date}T00:00:00Z`)
  }
  if (Number.isNaN(now.getTime())) throw new Error('The build was given an invalid current time')
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}
