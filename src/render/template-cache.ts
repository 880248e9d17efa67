/**
 * Templates precompiled once and kept on disk by their text, so a build loads
 * only Handlebars' runtime: parsing and compiling the report's templates, and
 * loading the compiler to do it, took ~60 ms of every build. The cache lives in
 * node_modules/.cache/casebook-templates; a read-only install goes without it.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type Handlebars from 'handlebars'
import { writeFiles } from '../io/write-files.js'
import { cacheFolderBeside } from '../dependency-cache.js'
import { ConfigError } from '../errors.js'
import { explainTemplateError } from './template-syntax-error.js'

/** A template's file (for messages) and text. */
export interface TemplateSource {
  file: string
  source: string
}

/** What Handlebars' runtime turns into a template function. */
export type TemplateSpec = Parameters<typeof Handlebars.template>[0]

type CompileOptions = NonNullable<Parameters<typeof Handlebars.precompile>[1]>

// A `@` inside a mustache: @index, @first, @root, @key, …
const DATA_VARIABLE = /\{\{[^}]*@/

/**
 * Data frames (what `@index` and `@root` read) only for templates that use
 * them: without, `each` makes no frame per item (~6 % of the report
 * template's time at 10,000 cases).
 */
function compileOptions(templates: TemplateSource[], helpers: string[]): CompileOptions {
  return {
    strict: false,
    noEscape: false,
    data: templates.some((template) => DATA_VARIABLE.test(template.source)),
    // Templates can call only Handlebars' own helpers and casebook's: with the list known,
    // `{{title}}` compiles to a property read instead of a helper lookup first
    // (the report template's time at 1,000 cases: 0.6×), and an unknown helper is a
    // syntax error naming its line instead of "Missing helper" at render time.
    knownHelpers: Object.fromEntries(helpers.map((name) => [name, true])),
    knownHelpersOnly: true,
  }
}

/** The precompiled specs of `templates`, in order, for the Handlebars runtime of `version` with `helpers` registered. */
export async function precompiledTemplates(templates: TemplateSource[], version: string, helpers: string[]): Promise<TemplateSpec[]> {
  const options = compileOptions(templates, helpers)
  const key = createHash('sha256')
    .update(JSON.stringify([version, options, templates.map((template) => template.source)]))
    .digest('hex')
  const folder = cacheFolderBeside('handlebars', 'casebook-templates')
  const name = `${key}.js`
  const cached = await import(pathToFileURL(join(folder, name)).href).then(
    (module: { specs?: TemplateSpec[] }) => module.specs ?? null,
    () => null,
  )
  if (cached) return cached
  // The compiler loads only here, when these templates were never compiled.
  const { default: compiler } = await import('handlebars')
  const code = `[${templates.map((template) => precompile(compiler, template, options)).join(',\n')}]`
  await writeFiles(folder, [{ path: name, bytes: `export const specs = ${code}\n` }]).catch(() => undefined)
  // What Handlebars' own compile() does with the code it makes.
  return new Function(`return ${code}`)() as TemplateSpec[]
}

function precompile(compiler: typeof Handlebars, { file, source }: TemplateSource, options: CompileOptions): string {
  try {
    // A copy: Handlebars writes its defaults into the options it is given, and they are part of the key.
    return compiler.precompile(source, { ...options }) as unknown as string
  } catch (error) {
    const message = (error as Error).message
    const unknownHelper = /unknown helper (\S+)/.exec(message)?.[1]
    const problem = explainTemplateError(error, source)
    const line = problem.line
    const reason = unknownHelper ? `no helper “${unknownHelper}” (templates can use Handlebars' own helpers and ${Object.keys(options.knownHelpers ?? {}).join(', ')})` : problem.reason
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: template syntax error: ${reason}`, { cause: error })
  }
}
