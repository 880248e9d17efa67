/** The one timestamp a build writes into artifacts, so equal inputs give equal bytes. */
import { UsageError } from '../errors.js'

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org) wins; then the document's date;
 * then the current time, to the second.
 */
export function sourceDate(documentDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got “${epoch}”`)
    return new Date(Number(epoch) * 1000)
  }
  if (documentDate) return new Date(`${documentDate}T00:00:00Z`)
  return new Date(Math.floor(Date.now() / 1000) * 1000)
}
