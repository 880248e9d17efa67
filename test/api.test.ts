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
