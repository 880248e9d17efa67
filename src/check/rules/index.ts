/** Every check rule, by name. Adding a rule means adding a file and a line here. */
import type { Rule } from '../rule-context.js'
import { caseNumbering } from './case-numbering.js'
import { emptyContent } from './empty-content.js'
import { expectedSections } from './expected-sections.js'
import { sectionNumbering } from './section-numbering.js'
import { imageAlt } from './image-alt.js'
import { cjkPunctuation } from './cjk-punctuation.js'
import { cjkSpacing } from './cjk-spacing.js'

/** The rules `check` and `build` run, in order. */
export const rules = { caseNumbering, sectionNumbering, emptyContent, expectedSections, imageAlt, cjkPunctuation, cjkSpacing } as const satisfies Record<string, Rule>
