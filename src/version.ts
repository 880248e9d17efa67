/** casebook's version, from its package.json. */
import { readFileSync } from 'node:fs'

/** The running casebook's version. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
