/**
 * One folder per scenario under test/fixtures/parse-*: `input.txt`, `input.md`
 * or an `input/` folder, the expected case tree (`tree.json`) and the expected
 * diagnostics (`messages.txt`, exact lines). UPDATE_FIXTURES=1 rewrites them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDocument } from '../src/load-document.js'
import { defaultCheckOptions } from '../src/check/check-document.js'
import { collectDiagnostics, formatDiagnostics } from '../src/check/diagnostics.js'
import type { CheckOptions } from '../src/check/rule-context.js'

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname
const scenarios = readdirSync(FIXTURES).filter((name) => name.startsWith('parse-'))
const update = process.env.UPDATE_FIXTURES === '1'

describe.each(scenarios)('%s', (scenario) => {
  const folder = join(FIXTURES, scenario)
  const input = ['input.txt', 'input.md', 'input'].map((name) => join(folder, name)).find(existsSync)!
  const optionsFile = join(folder, 'options.json')
  const check: CheckOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : defaultCheckOptions

  it('gives the expected tree and diagnostics', async () => {
    const document = await loadDocument(input, { check, defaults: { title: 'Fixture', lang: 'zh-CN' } })
    // Paths relative to the fixture, so expectations do not depend on where the repo lives.
    const tree = JSON.parse(JSON.stringify(document.tree).replaceAll(folder + '/', ''))
    const messages = formatDiagnostics(collectDiagnostics(document.files).map((d) => ({ ...d, file: relative(folder, d.file) })))
    if (update) {
      writeFileSync(join(folder, 'tree.json'), JSON.stringify(tree, null, 2) + '\n')
      writeFileSync(join(folder, 'messages.txt'), messages ? messages + '\n' : '')
    }
    expect(tree).toEqual(JSON.parse(readFileSync(join(folder, 'tree.json'), 'utf8')))
    expect(messages ? messages + '\n' : '').toBe(readFileSync(join(folder, 'messages.txt'), 'utf8'))
  })
})
