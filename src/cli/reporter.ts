/** How commands print diagnostics: plain lines, JSON (check) or GitHub annotations. */
import { formatDiagnostics, type Diagnostic } from '../check/diagnostics.js'
import { formatGithubAnnotations } from '../check/github-annotations.js'

/** A way to print diagnostics. */
export type Reporter = 'text' | 'json' | 'github'

/** The reporter a command uses when none is named: annotations under GitHub Actions (with CI=true), else text. */
export function defaultReporter(env: NodeJS.ProcessEnv = process.env): Reporter {
  return env.CI === 'true' && env.GITHUB_ACTIONS === 'true' ? 'github' : 'text'
}

/** `diagnostics` in `reporter`'s shape (without a final newline); empty when there are none, except JSON's `[]`. */
export function formatReport(diagnostics: Diagnostic[], reporter: Reporter, env: NodeJS.ProcessEnv = process.env): string {
  if (reporter === 'json') return JSON.stringify(diagnostics, null, 2)
  // Annotation paths are relative to the checkout, where GitHub looks for the files.
  if (reporter === 'github') return formatGithubAnnotations(diagnostics, env.GITHUB_WORKSPACE || process.cwd())
  return formatDiagnostics(diagnostics)
}
