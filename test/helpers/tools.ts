/**
 * External tools the tests read artifacts with. A missing tool fails the
 * test with the command that installs it; tests never skip.
 */
import { execFileSync } from 'node:child_process'
import { findBrowser } from '../../src/browser/find-browser.js'

const INSTALL: Record<string, string> = {
  pdftotext: 'apt-get install poppler-utils',
  pdfinfo: 'apt-get install poppler-utils',
  pdffonts: 'apt-get install poppler-utils',
  pdfimages: 'apt-get install poppler-utils',
  qpdf: 'apt-get install qpdf',
  soffice: 'apt-get install --no-install-recommends libreoffice-writer',
}

/** The path of `tool` on PATH; throws (failing the test) when it is missing. */
export function requireTool(tool: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error(`${tool} is required by this test: ${INSTALL[tool] ?? `install ${tool}`} (bash .ci/run installs it)`)
  }
}

/** The Chromium the tests drive; throws when there is none. */
export function requireBrowser(): string {
  const path = findBrowser()
  if (!path) throw new Error('Chromium is required by this test: apt-get install chromium-headless-shell (bash .ci/run installs it)')
  return path
}

/** Runs a tool and returns its stdout as text. */
export function run(tool: string, args: string[]): string {
  return execFileSync(requireTool(tool), args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
}
