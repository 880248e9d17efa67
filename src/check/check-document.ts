/** Runs every rule over a parsed document; results are messages on its files. */
import type { ParsedDocument } from '../types.js'
import { createRuleContext, type CheckOptions } from './rule-context.js'
import { rules } from './rules/index.js'

/** The defaults when the config says nothing. */
export const defaultCheckOptions: CheckOptions = { expectedSections: ['background', 'analysis', 'insight'] }

/** Checks `document`, adding messages to its files. */
export function checkDocument(document: ParsedDocument, options: CheckOptions = defaultCheckOptions): void {
  const context = createRuleContext(document.files, options)
  for (const rule of Object.values(rules)) rule(document.tree, context)
}
