/**
 * The variables templates receive, kept in step with the view types: template-fields.ts (what a
 * user's template is checked against) and docs/templates.md's tables are generated from the types,
 * and casebook's own templates use no variable the types lack. UPDATE=1 rewrites both files.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import handlebars from 'handlebars'
import { describe, expect, it } from 'vitest'
import { BUILTIN_TEMPLATES } from '../src/config/template-dirs.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { checkTemplateVariables, type HbsNode, type ParsedTemplate } from '../src/render/check-template-variables.js'
import { TEMPLATE_HELPERS } from '../src/render/check-templates.js'
import { TEMPLATE_FIELDS } from '../src/render/template-fields.js'
import { TEMPLATE_TYPES, templateFieldsModule, variablesMarkdown } from './helpers/template-variables.js'

const FIELDS_FILE = fileURLToPath(new URL('../src/render/template-fields.ts', import.meta.url))
const DOC_FILE = fileURLToPath(new URL('../docs/templates.md', import.meta.url))
const BEGIN = '<!-- variables: generated from src/render/template-data.ts by test/template-variables.test.ts -->'
const END = '<!-- end of variables -->'

const parse = (file: string): ParsedTemplate => ({ file, ast: handlebars.parse(readFileSync(file, 'utf8')) as unknown as HbsNode })
const partials = new Map(readdirSync(join(BUILTIN_TEMPLATES, 'partials')).map((name) => [basename(name, '.hbs'), parse(join(BUILTIN_TEMPLATES, 'partials', name))]))

/** Walks casebook's templates; returns their findings and the type each partial is included with. */
async function walkBuiltin() {
  const labels = new Set(Object.keys((await loadLocale('en', [BUILTIN_TEMPLATES])).messages))
  const partialTypes: Record<string, string[]> = {}
  const findings = Object.keys(TEMPLATE_TYPES).flatMap((template) =>
    checkTemplateVariables(parse(join(BUILTIN_TEMPLATES, template)), {
      root: TEMPLATE_FIELDS[template],
      partials,
      helpers: TEMPLATE_HELPERS,
      labels,
      onPartial: (name, type) => {
        const types = (partialTypes[name] ??= [])
        const shown = type ?? `${template}'s own data`
        if (!types.includes(shown)) types.push(shown)
      },
    }),
  )
  return { findings, partialTypes }
}

/** Compares `actual` with `file`'s text, or writes it under UPDATE=1. */
function inStep(file: string, expected: string, actual: string, write: () => void) {
  if (process.env.UPDATE === '1' && actual !== expected) write()
  else expect(actual, `${file} is out of step with the view types; UPDATE=1 npx vitest run test/template-variables.test.ts rewrites it`).toBe(expected)
}

describe('template variables and the view types', () => {
  it('src/render/template-fields.ts is what the types say', () => {
    const generated = templateFieldsModule()
    inStep(FIELDS_FILE, generated, readFileSync(FIELDS_FILE, 'utf8'), () => writeFileSync(FIELDS_FILE, generated))
  })

  it('docs/templates.md lists every variable of every template and partial, as the types say', async () => {
    const { partialTypes } = await walkBuiltin()
    const doc = readFileSync(DOC_FILE, 'utf8')
    const start = doc.indexOf(BEGIN)
    const end = doc.indexOf(END)
    expect(start, `docs/templates.md lacks ${BEGIN}`).toBeGreaterThan(-1)
    const generated = `${BEGIN}\n\n${variablesMarkdown(partialTypes)}\n${END}`
    inStep(DOC_FILE, generated, doc.slice(start, end + END.length), () => writeFileSync(DOC_FILE, doc.slice(0, start) + generated + doc.slice(end + END.length)))
  })

  it('casebook’s own templates use only variables, partials and labels there are', async () => {
    const { findings, partialTypes } = await walkBuiltin()
    expect(findings).toEqual([])
    // Every partial is reached, so every partial's variables were checked.
    expect(Object.keys(partialTypes).sort()).toEqual([...partials.keys()].sort())
  })
})
