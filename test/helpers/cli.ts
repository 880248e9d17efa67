/** Runs the built CLI as a user would, capturing output and exit code. */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The seed document as shipped in content/. */
export const SEED = fileURLToPath(new URL('../../content/000_26baee1053dad71d.txt', import.meta.url))

/** Result of one CLI run. */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs `casebook ...args` in `cwd` (the repo root by default). */
export function casebook(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [fileURLToPath(new URL('../../bin/casebook.js', import.meta.url)), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}
