/**
 * Every rule id casebook can put on a file. `report()` takes only these, so a new
 * kind of message cannot ship without a name here, and a test holds README's
 * table of checks to this list.
 */
export const RULE_IDS = [
  'case-number-duplicate',
  'case-number-gap',
  'case-number-order',
  'case-number-mismatch',
  'case-after-conclusion',
  'section-case-mismatch',
  'section-number-order',
  'empty-case',
  'empty-section',
  'empty-intro',
  'empty-conclusion',
  'empty-point',
  'empty-title',
  'missing-section',
  'text-before-heading',
  'content-outside-section',
  'duplicate-intro',
  'duplicate-conclusion',
  'unrecognised-line',
  'unrecognised-heading',
  'unsupported-markdown',
  'markdown-too-deep',
  'binary-file',
  'invalid-utf8',
  'control-character',
  'front-matter',
  'skipped-file',
  'no-cases',
  'missing-title',
  'translation-missing',
  'translation-stale',
  'translation-renumbered',
  'translation-extra',
  'locale-missing-key',
  'template-unknown-variable',
  'template-unknown-label',
  'template-css',
  'template-image',
  'template-unused-file',
  'manifest-unreadable',
] as const

/** The name of one kind of content problem. */
export type RuleId = (typeof RULE_IDS)[number]
