/**
 * README's reference tables say what the code does: the checks are the rule ids
 * casebook can report, the configuration keys are the schema's, the commands and
 * their options are the CLI's, and the exit codes are the ones it ends with.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RULE_IDS } from '../src/messages/rule-ids.js'
import { configSchema } from '../src/config/config-schema.js'
import { INTERNAL_ERROR } from '../src/cli/handle-error.js'
import { casebook, ROOT } from './helpers/cli.js'

const README = readFileSync(`${ROOT}/README.md`, 'utf8')

/** The rows of the first table under `heading` (a `##`/`###` line), as arrays of cells. */
function table(heading: string): string[][] {
  const start = README.indexOf(`\n${heading}\n`)
  if (start < 0) throw new Error(`README has no “${heading}”`)
  const lines = README.slice(start).split('\n')
  const first = lines.findIndex((line) => line.startsWith('|'))
  const rows: string[][] = []
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break
    // Cells split on unescaped pipes (`text\|json` stays one cell).
    rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()))
  }
  return rows
}

/** The `code` spans of a cell. */
const codes = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1])

/** Every key path of a valibot object schema, nested objects as `page.size`. */
function keyPaths(schema: unknown, prefix = ''): string[] {
  let node = schema as { type: string; entries?: Record<string, unknown>; wrapped?: unknown; pipe?: unknown[] }
  while (node.type === 'optional' && node.wrapped) node = node.wrapped as typeof node
  if (!node.entries) return prefix ? [prefix] : []
  return Object.entries(node.entries).flatMap(([key, value]) => keyPaths(value, prefix ? `${prefix}.${key}` : key))
}

/** Long options of `casebook <command> --help`, without the ones every command has. */
function helpOptions(command: string, subcommand?: string): string[] {
  const help = casebook([command, ...(subcommand ? [subcommand] : []), '--help'])
  expect(help.code, help.stderr).toBe(0)
  return [...help.stdout.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1]).filter((option) => option !== '--help')
}

describe('README', () => {
  it('lists every rule id casebook can report in its table of checks, and no other', () => {
    const documented = table('## Checks').flatMap((row) => codes(row[0]))
    expect([...documented].sort()).toEqual([...RULE_IDS].sort())
  })

  it('lists every configuration key in its table, and no other', () => {
    const documented = table('## Configuration')
      .flatMap((row) => codes(row[0]))
      // Rule ids (check.rules.cjk-punctuation) have hyphens.
      .filter((key) => /^[a-z][A-Za-z.-]*$/.test(key))
    expect([...documented].sort()).toEqual(keyPaths(configSchema).sort())
  })

  it('documents every command, and each command’s options', () => {
    const rows = [...table('### Commands'), ...table('### Watching and serving').filter((row) => row[0].startsWith('`casebook'))]
    const documented = new Map<string, string>()
    for (const [usage] of rows) for (const name of usage.matchAll(/`casebook (\w+)/g)) documented.set(name[1], usage)
    const help = casebook(['--help']).stdout
    const commands = [...help.slice(help.indexOf('Commands:')).matchAll(/^ {2}(\w+) /gm)].map((match) => match[1]).filter((name) => name !== 'help')
    expect([...documented.keys()].sort()).toEqual([...commands].sort())
    for (const command of commands) {
      const usage = documented.get(command)!
      // A row that says “same options as build” (or elides them with …) documents them there.
      const source = /same options as build/.test(usage) ? documented.get('build')! : usage
      // `casebook templates eject [DIR]`: the options are the subcommand's.
      const options = helpOptions(command, /`casebook \w+ ([a-z]+)\b/.exec(usage)?.[1])
      const written = new Set([...source.matchAll(/--[a-z-]+/g)].map((match) => match[0]))
      const missing = options.filter((option) => !written.has(option) && !(usage.includes('…') && documented.get('build')!.includes(option)))
      expect(missing, `casebook ${command}`).toEqual([])
      for (const option of written) expect(options, `casebook ${command}: README names ${option}`).toContain(option)
    }
  })

  it('explains the exit codes casebook ends with', () => {
    const documented = table('### Exit codes').map((row) => Number(row[0]))
    // 0, content, usage, environment (errors.ts), a bug, and Ctrl-C.
    expect(documented).toEqual([0, 1, 2, 3, INTERNAL_ERROR, 130])
  })
})
