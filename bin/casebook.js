#!/usr/bin/env node
// CommonJS (bin/package.json says so): `casebook --version` then answers before Node
// starts its ES module loader, let alone loads the CLI. Scripts and CI call it to probe
// the install; loading the CLI (commander and its commands) costs more than Node itself.
'use strict'
const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(require('../package.json').version + '\n')
} else {
  // --debug shows stack traces; they should name src/ files, not bundle chunks.
  if (args.includes('--debug')) process.setSourceMapsEnabled(true)
  import('../dist/bundle/casebook.js').then(
    (cli) => cli.main(process.argv),
    (error) => {
      process.stderr.write(`casebook: cannot load its build in dist/: ${args.includes('--debug') ? error.stack : error.message}\nRun npm run build (npm install does it).\n`)
      process.exitCode = 3
    },
  )
}
