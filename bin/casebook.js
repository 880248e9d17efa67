#!/usr/bin/env node
// `casebook --version` answers before any module loads: scripts and CI call it to
// probe the install, and loading the CLI (commander and its commands) costs more than node itself.
const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs')
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n')
} else {
  // --debug shows stack traces; they should name src/ files, not bundle chunks.
  if (args.includes('--debug')) process.setSourceMapsEnabled(true)
  const cli = await import('../dist/bundle/casebook.js')
  await cli.main(process.argv)
}
