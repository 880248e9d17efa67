/** The public API is pinned by listing its exports, so a change to it is deliberate. */
import { expect, it } from 'vitest'
import * as casebook from '../src/index.js'

it('exports exactly the documented API', () => {
  expect(Object.keys(casebook).sort()).toEqual([
    'CasebookError', 'ConfigError', 'EnvironmentError', 'FORMATS', 'UsageError', 'VERSION',
    'buildPack', 'checkDocument', 'collectDiagnostics', 'decodeSource', 'defaultCheckOptions', 'findConfig',
    'formatDiagnostics', 'hasErrors', 'hasWarnings', 'loadConfig', 'loadDocument', 'loadLocale',
    'packZips', 'parseDocument', 'parseFile', 'readInput', 'renderers', 'rules', 'servePack', 'watchPack',
  ])
})

// The library as a user's code imports it: the compiled package under plain Node
// (no bundler or test transform to resolve what Node itself would not).
it('builds the seed report through the compiled package', async () => {
  const { execFileSync } = await import('node:child_process')
  const { mkdtempSync, readFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join, resolve } = await import('node:path')
  const out = mkdtempSync(join(tmpdir(), 'casebook-api-'))
  const root = resolve(import.meta.dirname, '..')
  const script = `import { buildPack } from 'casebook'
const result = await buildPack({ input: 'content', out: ${JSON.stringify(out)}, formats: ['html', 'docx'], force: true })
console.log(JSON.stringify(result.written))`
  const written = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as string[]
  expect(written).toEqual(expect.arrayContaining(['zh-CN/report.html', 'zh-CN/report.docx']))
  expect(readFileSync(join(out, 'zh-CN', 'report.html'), 'utf8')).toContain('杭州“城市大脑”')
})
